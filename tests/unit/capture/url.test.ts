import { describe, expect, it } from 'vitest';
import { cleanUrl, registrableDomain, sameSite } from '../../../lib/capture/url';

describe('cleanUrl', () => {
  it('strips tracking parameters and fragments, keeps identifying ones', () => {
    expect(cleanUrl('https://www.reuters.com/a/?utm_source=x&utm_medium=y&fbclid=z#top')).toBe(
      'https://www.reuters.com/a/',
    );
    expect(cleanUrl('https://tech.sina.com.cn/x.shtml?spm=a.b.c&id=7')).toBe('https://tech.sina.com.cn/x.shtml?id=7');
    expect(
      cleanUrl(
        'https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=abc&chksm=ff&scene=21&key=k&pass_ticket=p&sessionid=9#rd',
      ),
    ).toBe('https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=abc');
    expect(cleanUrl('https://www.youtube.com/watch?v=abc&feature=share&si=q')).toBe(
      'https://www.youtube.com/watch?v=abc',
    );
    expect(cleanUrl('https://forum.example.com/viewtopic.php?t=12&key=secret-but-not-wechat')).toBe(
      'https://forum.example.com/viewtopic.php?t=12&key=secret-but-not-wechat',
    );
  });

  it('leaves unparseable and non-web addresses alone', () => {
    expect(cleanUrl('  not a url ')).toBe('not a url');
    expect(cleanUrl('chrome://version')).toBe('chrome://version');
  });
});

describe('registrable domains', () => {
  it('handles two-level public suffixes', () => {
    expect(registrableDomain('tech.sina.com.cn')).toBe('sina.com.cn');
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('zhuanlan.zhihu.com')).toBe('zhihu.com');
    expect(sameSite('https://a.reuters.com/x', 'https://www.reuters.com/y')).toBe(true);
    expect(sameSite('https://evil.com/x', 'https://www.reuters.com/y')).toBe(false);
  });

  it('keeps an address as the whole host: 127.0.0.1 is not the site "0.1"', () => {
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('[::1]')).toBe('[::1]');
    expect(registrableDomain('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(sameSite('http://127.0.0.1:8080/a', 'http://127.0.0.1/b')).toBe(true);
    expect(sameSite('http://10.0.0.1/a', 'http://192.168.0.1/b')).toBe(false);
    expect(sameSite('http://10.0.0.1/a', 'http://20.0.0.1/b')).toBe(false);
  });
});

describe('cleanUrl on hostile links', () => {
  it('removes 16,000 tracking parameters in linear time, keeping the others in order', () => {
    const tracking = Array.from({ length: 16_000 }, (_, i) => `utm_x${i}=${i}`).join('&');
    const url = `https://a.example/p?id=7&${tracking}&page=2`;
    const t0 = performance.now();
    expect(cleanUrl(url)).toBe('https://a.example/p?id=7&page=2');
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('leaves a query without tracking parameters exactly as written', () => {
    expect(cleanUrl('https://a.example/p?q=a%20b&x=1+2')).toBe('https://a.example/p?q=a%20b&x=1+2');
  });
});
