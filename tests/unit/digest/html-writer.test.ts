import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../../lib/digest/html-writer';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { SEED_WEEK, SEED_WEEK_CLIPS } from '../../fixtures/weeks/ai-weekly-2026-01-26';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('renderDigestHtml', () => {
  it('has the digest structure with links to every source', () => {
    const { document: html, filename } = renderDigestHtml(SEED_WEEK);
    expect(filename).toBe('ai-weekly-info-2026-02-01.html');
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('AI 一周记(2026-01-26 至 2026-02-01)');
    expect(Array.from(doc.querySelectorAll('h2'), (h) => h.textContent)).toEqual([
      '本周要闻速览',
      '深度解析',
      '行业思考',
      '参考资料与本地摘录',
    ]);
    expect(doc.querySelectorAll('ol > li')).toHaveLength(SEED_WEEK_CLIPS.length);
    expect(doc.querySelector('a[href="https://zhuanlan.zhihu.com/p/1999000001"]')?.textContent).toBe('知乎专栏');
  });

  it('carries the same reading time as the Markdown', () => {
    const md = renderDigest(SEED_WEEK).markdown;
    const minutes = /预计阅读时长 \d+ 分钟/.exec(md)?.[0] as string;
    expect(renderDigestHtml(SEED_WEEK).fragment).toContain(minutes);
  });

  it('lets nothing executable through, whatever the clip text (property)', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '" onmouseover="x',
        "'><svg onload=alert(1)>",
        '<style>*{}</style>',
        '&lt;script&gt;',
      ),
    );
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        fc.constantFrom(
          'javascript:alert(1)',
          'data:text/html,<script>x</script>',
          'https://ok.example/a?b="c"',
          'vbscript:x',
        ),
        (title, summary, quote, url) => {
          const clip = {
            ...(SEED_WEEK_CLIPS[0] as (typeof SEED_WEEK_CLIPS)[number]),
            title,
            summary,
            source: title,
            canonicalUrl: url,
            quotes: [{ text: quote, createdAt: 1 }],
          };
          const doc = parse(renderDigestHtml({ ...SEED_WEEK, clips: [clip] }).document);
          expect(doc.querySelectorAll('script, style, img, svg, iframe, object')).toHaveLength(0);
          for (const el of Array.from(doc.querySelectorAll('*'))) {
            for (const attr of Array.from(el.attributes)) {
              expect(attr.name.startsWith('on')).toBe(false);
              if (attr.name === 'href') expect(attr.value).toMatch(/^https?:/);
            }
          }
          expect(doc.body.textContent).toContain(quote.replace(/\s+/g, ' ').trim().split(' ')[0] ?? '');
        },
      ),
      { numRuns: 500 },
    );
  });
});
