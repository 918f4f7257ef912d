import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../../lib/digest/html-writer';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';

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
    // Ten cited sources in the references; the deep dive's numbered list (3 items) is an <ol> too.
    const lists = Array.from(doc.querySelectorAll('ol'));
    expect((lists[lists.length - 1] as Element).querySelectorAll(':scope > li')).toHaveLength(10);
    expect(doc.querySelector('a[href="https://zhuanlan.zhihu.com/p/1999000001"]')?.textContent).toBe('知乎专栏');
  });

  it('carries the same reading time as the Markdown', () => {
    const md = renderDigest(SEED_WEEK).markdown;
    const minutes = /预计阅读时长 \d+ 分钟/.exec(md)?.[0] as string;
    expect(renderDigestHtml(SEED_WEEK).fragment).toContain(minutes);
  });

  it('keeps the structure the editor wrote in a note: lists, emphasis, safe links only', () => {
    const doc = parse(renderDigestHtml(SEED_WEEK).document);
    const deepDive = Array.from(doc.querySelectorAll('h3'), (h) => h.textContent);
    expect(deepDive[0]).toBe('1)AI 资本开支与“兑现压力”加码');
    expect(doc.querySelectorAll('h3 ~ ul > li').length).toBeGreaterThanOrEqual(7);
    expect(doc.querySelector('ol[start]')).toBeNull();
    expect(doc.querySelector('strong')?.textContent).toBe('闭环指标');
    expect(doc.body.textContent).toContain('<script>alert(1)</script> 与 [不安全链接](javascript:alert(1))');
    expect(doc.body.lastElementChild?.tagName).toBe('P');
    expect(doc.body.lastElementChild?.textContent).toContain('补充数据集');
  });

  it('lets nothing executable through, whatever the item text (property)', () => {
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
          const first = SEED_WEEK.items[0] as (typeof SEED_WEEK.items)[number];
          const source = {
            ...(first.sources[0] as (typeof first.sources)[number]),
            title,
            source: title,
            canonicalUrl: url,
            quotes: [{ text: quote, createdAt: 1 }],
          };
          const item = { ...first, summary, note: summary, sources: [source] };
          const doc = parse(renderDigestHtml({ ...SEED_WEEK, items: [item] }).document);
          expect(doc.querySelectorAll('script, body style, img, svg, iframe, object')).toHaveLength(0);
          // The one stylesheet is the download's own.
          expect(doc.head.querySelectorAll('style')).toHaveLength(1);
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
