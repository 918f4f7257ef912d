import { describe, expect, it } from 'vitest';
import {
  centralEuropeanDay,
  unwrapCrawl,
  versionOrder,
  zhAuthorLabel,
  zhDateLabel,
} from '../../../scripts/metadata-corpora';

describe('zhAuthorLabel', () => {
  it('parts co-authors at blanks and 、, keeps a bracketed original with its name, reads UNKNOWN as none', () => {
    expect(zhAuthorLabel('王建宏 张文攀\n')).toBe('王建宏; 张文攀');
    expect(zhAuthorLabel('赵延东、风笑天')).toBe('赵延东; 风笑天');
    expect(zhAuthorLabel('伊琳  李清芬')).toBe('伊琳; 李清芬');
    expect(zhAuthorLabel('周思博 (Joel Spolsky)')).toBe('周思博 (Joel Spolsky)');
    expect(zhAuthorLabel('UNKNOWN')).toBe('');
  });
});

describe('zhDateLabel', () => {
  it('pads a day, reads UNKNOWN (and its misspelling) as none, and skips what has no day', () => {
    expect(zhDateLabel('2005-5-7 21:23:57')).toBe('2005-05-07');
    expect(zhDateLabel('2022-02-13')).toBe('2022-02-13');
    expect(zhDateLabel('UNKNOWN')).toBe('');
    expect(zhDateLabel('UNKNWON')).toBe('');
    expect(zhDateLabel('2018')).toBeUndefined();
    expect(zhDateLabel('1998-3')).toBeUndefined();
    expect(zhDateLabel('刘涛')).toBeUndefined();
  });
});

describe('unwrapCrawl', () => {
  it('takes the address from the wrapper and gives the page the encoding the crawler recorded', () => {
    const page = Buffer.concat([
      Buffer.from('<text id="http://bbs.example.cn/1.shtml" title="x" encoding="gb2312">\n<div>'),
      Buffer.from([0xc4, 0xe3]),
      Buffer.from('</div>\n</text>'),
    ]);
    const { url, html } = unwrapCrawl(page);
    expect(url).toBe('http://bbs.example.cn/1.shtml');
    expect(html.toString('latin1')).toMatch(/^<meta charset="gb2312">\n<div>/);
    expect(html.toString('latin1')).not.toContain('</text>');
  });

  it('leaves a page that declares its own charset, or has no wrapper, as it is', () => {
    const own = Buffer.from('<text id="http://a.cn/" encoding="gb2312"><meta charset="utf-8"><p>x</p></text>');
    expect(unwrapCrawl(own).html.toString()).toBe('<meta charset="utf-8"><p>x</p>');
    const bare = Buffer.from('<html><p>x</p></html>');
    expect(unwrapCrawl(bare)).toEqual({ url: '', html: bare });
  });
});

describe('centralEuropeanDay', () => {
  it('dates a UTC label by the day the German-speaking page shows', () => {
    expect(centralEuropeanDay('2024-04-22 15:26:46.863186+00:00')).toBe('2024-04-22');
    // 23:27 UTC on 26 August is 01:27 in Berlin on the 27th.
    expect(centralEuropeanDay('2024-08-26 23:27:57+00:00')).toBe('2024-08-27');
    expect(centralEuropeanDay('2025-11-06 04:05:23.161000+01:00')).toBe('2025-11-06');
    expect(centralEuropeanDay(null)).toBe('');
    expect(centralEuropeanDay(undefined)).toBeUndefined();
  });
});

describe('versionOrder', () => {
  it('orders a publisher’s label versions as its pages were crawled', () => {
    expect(['V2_1', 'V1_1', 'V2', 'V1', 'V1_2'].sort(versionOrder)).toEqual(['V1', 'V1_1', 'V1_2', 'V2', 'V2_1']);
  });
});
