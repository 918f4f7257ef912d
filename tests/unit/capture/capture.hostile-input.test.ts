import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture';
import { extractPageMetadata } from '../../../lib/capture/metadata';

// What the extractor may never hand back: control characters or bidi overrides.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// (No iframes: happy-dom logs for each one; frames are covered in the real browser.)
const tag = fc.constantFrom(
  'title',
  'meta',
  'script',
  'link',
  'time',
  'h1',
  'article',
  'p',
  'a',
  'div',
  'svg',
  'style',
);
const attr = fc.constantFrom(
  'property',
  'name',
  'content',
  'href',
  'rel',
  'datetime',
  'itemprop',
  'type',
  'lang',
  'id',
);
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'og:title',
    'og:site_name',
    'og:url',
    'canonical',
    'article:published_time',
    'application/ld+json',
    'author',
    'citation_author',
    'javascript:alert(1)',
    '2026-01-30T10:00:00+08:00',
    '‮',
    '\u0000\u0007',
  ),
);
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '{"@type":"NewsArticle","headline":"x","author":{"name":"A"}}',
    '{"@graph":[{"@type":"Article","headline":' + '"y"}]}',
    '{ broken',
    '[]',
    'null',
    '标题_新浪科技_新浪网',
    '<b>x</b>',
  ),
);

interface Node {
  tag: string;
  attrs: [string, string][];
  text: string;
  children: Node[];
}
const element = (children: fc.Arbitrary<Node[]>): fc.Arbitrary<Node> =>
  fc.record({ tag, attrs: fc.array(fc.tuple(attr, value), { maxLength: 3 }), text, children });
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof({ maxDepth: 3 }, element(fc.constant([])), element(fc.array(tie('node'), { maxLength: 3 }))),
})).node;

function html(n: Node): string {
  const attrs = n.attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
  return `<${n.tag}${attrs}>${n.text}${n.children.map(html).join('')}</${n.tag}>`;
}

describe('the extractor on random and adversarial DOMs (property, 4,000 cases)', () => {
  it('never throws and returns bounded, clean fields', () => {
    fc.assert(
      fc.property(
        fc.array(node, { maxLength: 6 }),
        fc.constantFrom(
          'https://news.example/a?utm_source=x',
          'https://mp.weixin.qq.com/s?__biz=1',
          'http://127.0.0.1:8080/x',
        ),
        (nodes, url) => {
          const doc = new DOMParser().parseFromString(
            `<html><head>${nodes.map(html).join('')}</head><body></body></html>`,
            'text/html',
          ) as unknown as Document;
          const meta = extractPageMetadata(doc, url);
          expect(meta.title.length).toBeGreaterThan(0);
          expect(meta.title.length).toBeLessThanOrEqual(500);
          expect(meta.source.length).toBeLessThanOrEqual(200);
          expect((meta.author ?? '').length).toBeLessThanOrEqual(300);
          expect((meta.excerpt ?? '').length).toBeLessThanOrEqual(1000);
          for (const field of [meta.title, meta.source, meta.author ?? '', meta.excerpt ?? ''])
            expect(FORBIDDEN.test(field)).toBe(false);
          expect(meta.url).toMatch(/^https?:\/\//);
          if (meta.publishedAt) expect(meta.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
          const capture = capturePage(doc, url, { text: `${nodes.length}\u0000\u202e sel` });
          expect(FORBIDDEN.test(capture.selection?.text ?? '')).toBe(false);
        },
      ),
      { numRuns: 4000 },
    );
  }, 120_000);
});

describe('pages built to break the extractor', () => {
  it('reads a JSON-LD @graph of 150,000 entries without overflowing the stack, and fast', () => {
    const graph = Array.from({ length: 150_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` }));
    graph.unshift({ '@type': 'NewsArticle', headline: 'The real headline', author: { name: 'A. Writer' } } as never);
    const nested = { '@graph': [{ '@graph': graph }] };
    const doc = new DOMParser().parseFromString(
      `<html><head><script type="application/ld+json">${JSON.stringify(nested)}</script></head><body></body></html>`,
      'text/html',
    ) as unknown as Document;
    const t0 = performance.now();
    const meta = extractPageMetadata(doc, 'https://a.example/story');
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(meta.title).toBe('The real headline');
    expect(meta.author).toBe('A. Writer');
  });
});

describe('capturePage on a PDF', () => {
  it('reads nothing from the browser’s PDF viewer and says it is a PDF (the background names it)', () => {
    const doc = new DOMParser().parseFromString(
      '<title>example.org</title><embed type="application/pdf">',
      'text/html',
    );
    Object.defineProperty(doc, 'contentType', { value: 'application/pdf' });
    expect(capturePage(doc, 'https://example.org/report.pdf', { text: '' })).toEqual({
      pageUrl: 'https://example.org/report.pdf',
      canonicalUrl: 'https://example.org/report.pdf',
      title: '',
      source: '',
      origins: { title: 'pdf' },
    });
  });
});
