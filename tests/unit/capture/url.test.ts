import { describe, expect, it } from 'vitest';
import { canonicalAllowed, cleanUrl, registrableDomain, unwrapRedirect } from '../../../lib/capture/url';

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
    expect(registrableDomain('a.reuters.com')).toBe(registrableDomain('www.reuters.com'));
    expect(registrableDomain('evil.com')).not.toBe(registrableDomain('www.reuters.com'));
  });

  it('keeps an address as the whole host: 127.0.0.1 is not the site "0.1"', () => {
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('[::1]')).toBe('[::1]');
    expect(registrableDomain('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(registrableDomain('127.0.0.1')).toBe(registrableDomain('127.0.0.1'));
    expect(registrableDomain('10.0.0.1')).not.toBe(registrableDomain('192.168.0.1'));
    expect(registrableDomain('10.0.0.1')).not.toBe(registrableDomain('20.0.0.1'));
  });
});

describe('canonicalAllowed', () => {
  it.each([
    // Shared domains: a neighbour may not claim another person's page.
    ['https://victim.github.io/post', 'https://evil.github.io/x', false],
    ['https://victim.substack.com/p/a', 'https://evil.substack.com/p/b', false],
    ['https://victim.blogspot.com/2026/01/a.html', 'https://evil.blogspot.com/x', false],
    ['https://victim.vercel.app/a', 'https://evil.vercel.app/b', false],
    ['https://s3.amazonaws.com/victim/post.html', 'https://evil.s3.amazonaws.com/x', false],
    ['https://victim.or.jp/a', 'https://evil.or.jp/b', false],
    ['https://victim.com.cn/a', 'https://evil.com.cn/b', false],
    ['https://victim.co.uk/a', 'https://evil.co.uk/b', false],
    ['http://127.0.0.2/a', 'http://127.0.0.1/b', false],
    // One host, many authors: a page names only its own author's pages.
    ['https://dev.to/victim/why-we-audit-3k2j', 'https://dev.to/evil/free-tokens-1a2b', false],
    ['https://medium.com/@victim/post-1', 'https://medium.com/@evil/post-2', false],
    ['https://dev.to/alice/a-post-2b3c', 'https://dev.to/alice/a-post-2b3c?utm=x', true],
    // The same site's editions may point at each other.
    ['https://www.example.co.uk/story', 'https://m.example.co.uk/story', true],
    ['https://www.theguardian.com/a', 'https://amp.theguardian.com/a', true],
    ['https://example.com/a', 'https://www.example.com/a', true],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b', true],
    ['not a url', 'https://example.com/', false],
  ])('%s named by %s → %s', (candidate, page, allowed) => {
    expect(canonicalAllowed(candidate, page)).toBe(allowed);
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

describe('unwrapRedirect and cleanUrl on redirect links', () => {
  it('replaces a site’s redirect by its destination', () => {
    const target = 'https://example.org/report?id=7#findings';
    expect(unwrapRedirect(`https://link.zhihu.com/?target=${encodeURIComponent(target)}`)).toBe(target);
    expect(unwrapRedirect(`https://www.google.com/url?q=${encodeURIComponent(target)}&sa=D`)).toBe(target);
    expect(unwrapRedirect(`https://www.google.com/url?url=${encodeURIComponent(target)}`)).toBe(target);
    expect(unwrapRedirect(`https://link.juejin.cn/?target=${encodeURIComponent(target)}`)).toBe(target);
    expect(unwrapRedirect(`https://l.facebook.com/l.php?u=${encodeURIComponent(target)}&h=x`)).toBe(target);
    // A redirect to a redirect.
    const twice = `https://www.google.com/url?q=${encodeURIComponent(`https://link.zhihu.com/?target=${encodeURIComponent(target)}`)}`;
    expect(unwrapRedirect(twice)).toBe(target);
    // And cleanUrl then cleans the destination.
    expect(cleanUrl(`https://link.zhihu.com/?target=${encodeURIComponent('https://a.example/p?utm_source=z')}`)).toBe(
      'https://a.example/p',
    );
  });

  it('leaves other addresses alone: other paths of those sites, and destinations that are not web pages', () => {
    expect(unwrapRedirect('https://www.google.com/search?q=https://a.example')).toBe(
      'https://www.google.com/search?q=https://a.example',
    );
    expect(unwrapRedirect('https://link.zhihu.com/?target=javascript:alert(1)')).toBe(
      'https://link.zhihu.com/?target=javascript:alert(1)',
    );
    expect(unwrapRedirect('not a url')).toBe('not a url');
  });
});

describe('cleanUrl: what Substack adds to a post’s link', () => {
  it('drops the e-mail and redirect parameters, the referral code beside them, on a custom domain too', () => {
    expect(
      cleanUrl(
        'https://www.example-letter.com/p/the-week?publication_id=123&post_id=456&isFreemail=true&r=2abcd&triedRedirect=true',
      ),
    ).toBe('https://www.example-letter.com/p/the-week');
  });

  it('keeps an `r` that is not beside them: elsewhere it can mean anything', () => {
    expect(cleanUrl('https://example.com/search?r=42')).toBe('https://example.com/search?r=42');
  });
});
