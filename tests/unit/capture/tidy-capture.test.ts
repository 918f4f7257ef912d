import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePdf, readCredits, tidyCapture, withKnownSite, withTitleSite } from '../../../lib/capture/tidy-capture';
import { cleanUrl } from '../../../lib/capture/url';
import { RECORD_LIMITS } from '../../../lib/record-rules';
import type { FieldOrigins, PageCapture } from '../../../lib/types';

const capture = (canonicalUrl: string, pageUrl = 'https://a.example/story'): PageCapture => ({
  pageUrl,
  canonicalUrl,
  title: 'A story',
  source: 'A',
});

describe('tidyCapture', () => {
  it('removes tracking parameters and the fragment from the canonical address', () => {
    expect(tidyCapture(capture('https://a.example/story?utm_source=x&id=7&fbclid=1#top')).canonicalUrl).toBe(
      'https://a.example/story?id=7',
    );
    expect(
      tidyCapture(capture('https://mp.weixin.qq.com/s?__biz=M&mid=2&idx=1&sn=a&chksm=b&scene=21#rd')).canonicalUrl,
    ).toBe('https://mp.weixin.qq.com/s?__biz=M&mid=2&idx=1&sn=a');
  });

  it('gives way to the page address when the canonical one is longer than a stored link may be', () => {
    const long = `https://a.example/story?${'q=1&'.repeat(2_500)}`;
    expect(tidyCapture(capture(long, 'https://a.example/story?utm_medium=email')).canonicalUrl).toBe(
      'https://a.example/story',
    );
  });

  it('keeps a long canonical address whose length is only tracking', () => {
    const tracked = `https://a.example/story?${'utm_x=1&'.repeat(2_000)}`;
    expect(tracked.length).toBeGreaterThan(RECORD_LIMITS.url);
    expect(tidyCapture(capture(tracked, 'https://a.example/amp/story')).canonicalUrl).toBe('https://a.example/story');
  });

  it('leaves everything but the canonical address as it was, and is idempotent (property)', () => {
    fc.assert(
      // On a host the extension knows no name for: only the address may change.
      fc.property(fc.webPath(), fc.webQueryParameters(), fc.webFragments(), (path, query, fragment) => {
        const url = `https://a.example${path}?${query}#${fragment}`;
        const once = tidyCapture(capture(url));
        expect({ ...once, canonicalUrl: '' }).toEqual({ ...capture(url), canonicalUrl: '' });
        expect(tidyCapture(once)).toEqual(once);
        if (url.length <= RECORD_LIMITS.url) expect(once.canonicalUrl).toBe(cleanUrl(url));
      }),
    );
  });
});

describe('withKnownSite', () => {
  const fields = (over: Partial<PageCapture> = {}) => ({ ...capture('https://x.example'), ...over });

  it('names a source the page left to its domain, and says so', () => {
    const named = withKnownSite(
      fields({ source: 'reuters.com', origins: { source: 'domain' } }),
      'https://www.reuters.com/x',
    );
    expect([named.source, named.origins?.source]).toEqual(['Reuters', 'known-site']);
  });

  it('keeps a name the page declares or prints (新浪科技 on finance.sina.com.cn stays)', () => {
    const declared = fields({ source: 'Reuters Breakingviews', origins: { source: 'declared' } });
    expect(withKnownSite(declared, 'https://www.reuters.com/x').source).toBe('Reuters Breakingviews');
    const printed = fields({ source: '新浪科技', origins: { source: 'byline' } });
    expect(withKnownSite(printed, 'https://finance.sina.com.cn/x').source).toBe('新浪科技');
    // A capture that does not say where its source came from is not second-guessed.
    const unsaid = fields({ source: 'Reuters', title: 'A' });
    expect(withKnownSite(unsaid, 'https://www.reuters.com/a')).toBe(unsaid);
  });

  it('takes the known name off the ends of the title, unless the editor wrote it', () => {
    const url = 'http://www.xinhuanet.com/x.htm';
    expect(withKnownSite(fields({ title: '英雄的城！-新华网', origins: { title: 'page-title' } }), url).title).toBe(
      '英雄的城！',
    );
    expect(withKnownSite(fields({ title: '英雄的城！-新华网', origins: { title: 'editor' } }), url).title).toBe(
      '英雄的城！-新华网',
    );
    expect(withKnownSite(fields({ title: '新华网' }), url).title).toBe('新华网');
  });

  it('drops an author that is the known site itself', () => {
    const named = withKnownSite(fields({ author: 'REUTERS', origins: { author: 'byline' } }), 'https://reuters.com/a');
    expect(named.author).toBeUndefined();
    expect(named.origins?.author).toBeUndefined();
  });

  it('leaves pages of sites it does not know, and bad addresses, as they were', () => {
    const f = fields({ source: 'a.example', origins: { source: 'domain' } });
    expect(withKnownSite(f, 'https://a.example/x')).toBe(f);
    expect(withKnownSite(f, 'not a url')).toBe(f);
  });
});

describe('tidyCapture: links in the quote', () => {
  it('replaces redirect links in the selection’s Markdown by their destinations, encoded as the clipper writes links', () => {
    const markdown =
      'See [the report](https://link.zhihu.com/?target=https%3A//example.org/a_%28b%29%3Fx%3D1) and [this](https://a.example/p).';
    const tidied = tidyCapture({
      ...capture('https://a.example/story'),
      selection: { text: 'See the report and this.', markdown },
    });
    expect(tidied.selection?.markdown).toBe(
      'See [the report](https://example.org/a_%28b%29?x=1) and [this](https://a.example/p).',
    );
  });
});

describe('namePdf', () => {
  const empty: PageCapture = { pageUrl: '', canonicalUrl: '', title: '', source: '', origins: { title: 'pdf' } };
  const url = 'https://www.state.gov/files/State%20AI%20budget%202026.pdf';

  it('takes the PDF’s own title when the viewer shows one, else its file name, and marks both for a check', () => {
    const titled = namePdf({ ...empty, pageUrl: url, canonicalUrl: url }, 'State AI Budget Report', url);
    expect(titled).toMatchObject({ title: 'State AI Budget Report', source: 'state.gov' });
    expect(titled.origins).toEqual({ title: 'pdf', source: 'domain' });
    // The viewer titles an untitled PDF with its file name, or the tab with its address.
    expect(namePdf(empty, 'State%20AI%20budget%202026.pdf', url).title).toBe('State AI budget 2026.pdf');
    expect(namePdf(empty, url, url).title).toBe('State AI budget 2026.pdf');
    expect(namePdf(empty, undefined, 'https://example.org/').title).toBe('example.org');
  });
});

describe('finishing a capture outside the page', () => {
  it('reads a Chinese page’s credits: the writer when the markup named none, a reprint’s outlet apart from the source', () => {
    const read = readCredits({
      ...capture('https://news.example.cn/a.html'),
      source: '某某网',
      origins: { source: 'declared' } as FieldOrigins,
      credits: ['2020-02-19 10:21 来源：澎湃新闻 责任编辑：赵六', '推动工业高质量发展。（记者 胡晓蓉）'],
    });
    expect(read).toMatchObject({ author: '胡晓蓉', source: '某某网', reprintOf: '澎湃新闻' });
    expect(read.origins?.author).toBe('byline');
    expect('credits' in read).toBe(false);
    // A name the markup gave is kept; the lines are dropped all the same.
    const named = readCredits({ ...capture('https://x.cn/a'), author: '张三', credits: ['（记者 李四）'] });
    expect(named.author).toBe('张三');
    expect('credits' in named).toBe(false);
  });

  it('names a site from its title or logo only when the page named it nowhere, and never stores them', () => {
    const page = {
      ...capture('https://exampleweekly.com/a', 'https://exampleweekly.com/a'),
      title: 'Why the lake froze – Example Weekly',
    };
    const fromTitle = withTitleSite(
      { ...page, source: 'exampleweekly.com', origins: { source: 'domain' as const }, pageTitle: page.title },
      page.pageUrl,
    );
    expect(fromTitle).toMatchObject({ source: 'Example Weekly', title: 'Why the lake froze' });
    expect(fromTitle.origins?.source).toBe('page-title');
    expect('pageTitle' in fromTitle).toBe(false);
    const fromLogo = withTitleSite(
      { ...page, source: 'exampleweekly.com', origins: { source: 'domain' as const }, logoAlt: 'Example Weekly logo' },
      page.pageUrl,
    );
    expect(fromLogo.source).toBe('Example Weekly');
    expect(fromLogo.origins?.source).toBe('logo');
    const declared = withTitleSite(
      { ...page, source: 'EW', origins: { source: 'declared' as const }, pageTitle: page.title },
      page.pageUrl,
    );
    expect(declared.source).toBe('EW');
    expect('pageTitle' in declared).toBe(false);
  });

  it('keeps none of the page’s lines in what the extension stores', () => {
    const kept = tidyCapture({
      ...capture('https://a.example/story'),
      credits: ['（记者 李四）'],
      pageTitle: 'A story | A',
      logoAlt: 'A',
    });
    expect(Object.keys(kept).filter((k) => ['credits', 'pageTitle', 'logoAlt'].includes(k))).toEqual([]);
  });
});
