import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyCapture } from '../../../lib/capture/tidy-capture';
import { cleanUrl } from '../../../lib/capture/url';
import { RECORD_LIMITS } from '../../../lib/record-rules';
import type { PageCapture } from '../../../lib/types';

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
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = tidyCapture(capture(url));
        expect({ ...once, canonicalUrl: '' }).toEqual({ ...capture(url), canonicalUrl: '' });
        expect(tidyCapture(once)).toEqual(once);
        if (url.length <= RECORD_LIMITS.url) expect(once.canonicalUrl).toBe(cleanUrl(url));
      }),
    );
  });
});
