import { HtmlRenderer, type Node, Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../../lib/digest/html-writer';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { parseInline, parseNote } from '../../../lib/digest/note-markdown';
import type { WeekItem } from '../../../lib/types';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';
import { nodeTypes } from './commonmark-nodes';

const parser = new Parser();

/** A deep dive holding only this note, rendered as the draft's Markdown and parsed back by CommonMark. */
function noteDocument(note: string): { md: string; doc: Node } {
  const deep = SEED_WEEK.items.find((i) => i.id === 'i-deep-capex') as WeekItem;
  const md = renderDigest({ ...SEED_WEEK, items: [{ ...deep, note, sources: [] }], lede: '', closing: '' }).markdown;
  return { md, doc: parser.parse(md) };
}

/** The nodes between the deep dive's heading and the end of the draft, as (type, detail) pairs. */
function structure(doc: Node): string[] {
  const out: string[] = [];
  let node = doc.firstChild;
  while (node && !(node.type === 'heading' && node.level === 3)) node = node.next;
  for (node = node?.next ?? null; node; node = node.next) {
    if (node.type === 'list') {
      let items = 0;
      for (let li = node.firstChild; li; li = li.next) items++;
      out.push(`list:${node.listType}:${node.listStart ?? ''}:${items}`);
    } else if (node.type === 'heading') out.push(`h${node.level}`);
    else out.push(node.type);
  }
  return out;
}

describe('notes as Markdown', () => {
  it('keeps paragraphs, bullet and numbered lists, nested headings (CommonMark structure)', () => {
    const note = [
      '# Why it matters',
      'First paragraph,',
      'second line of it.',
      '',
      '- one',
      '- two',
      '  continued',
      '',
      '3. three',
      '4. four',
      '',
      'Closing words with *emphasis*, **strength**, `code` and a [link](https://example.com/a_b).',
    ].join('\n');
    const { doc, md } = noteDocument(note);
    expect(structure(doc)).toEqual(['h4', 'paragraph', 'list:bullet::2', 'list:ordered:3:2', 'paragraph']);
    expect(md).toContain('- two\n  continued');
    const types = nodeTypes(doc);
    for (const t of ['emph', 'strong', 'code', 'link']) expect(types.has(t)).toBe(true);
  });

  it('keeps nested lists nested, in Markdown (CommonMark), HTML and plain text', () => {
    const note = ['- a', '  - nested b', '    1. deeper c', '- d', '', '  - e', '', '1. one', '   - under one'].join(
      '\n',
    );
    const { doc, md } = noteDocument(note);
    // CommonMark sees lists inside list items, as the editor indented them.
    const html = new HtmlRenderer().render(doc);
    expect(html).toContain('<li>a\n<ul>\n<li>nested b\n<ol>\n<li>deeper c</li>\n</ol>\n</li>\n</ul>\n</li>');
    expect(html).toContain('<li>one\n<ul>\n<li>under one</li>\n</ul>\n</li>');
    expect(md).toContain('- a\n  - nested b\n    1. deeper c\n- d');
    // The draft's HTML nests them too.
    const deep = SEED_WEEK.items.find((i) => i.id === 'i-deep-capex') as WeekItem;
    const rendered = renderDigestHtml({ ...SEED_WEEK, items: [{ ...deep, note, sources: [] }] }).fragment;
    expect(rendered.replace(/<\/?span[^>]*>/g, '')).toMatch(
      /<li[^>]*>a<ul[^>]*><li[^>]*>nested b<ol[^>]*><li[^>]*>deeper c<\/li><\/ol><\/li><\/ul><\/li>/,
    );
    // 10,000 items stepping ten levels deep and back read in linear time (nesting stops at six levels)
    // and keep every word.
    const deepNote = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(2 * (i % 10))}- w${i}`).join('\n');
    const started = performance.now();
    const blocks = parseNote(deepNote, 1);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(blocks)).toContain('w9999');
    // Items written at the same indent stay items of one list.
    expect(parseNote('  - x\n  - y', 1)).toEqual([
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'x' }], [{ kind: 'text', text: 'y' }]] },
    ]);
  });

  it('shows raw HTML and non-web links as text, never as markup', () => {
    const { doc } = noteDocument('<b>bold</b> [x](javascript:alert(1)) <script>alert(1)</script>\n\n<div>block</div>');
    const types = nodeTypes(doc);
    expect(types.has('html_inline')).toBe(false);
    expect(types.has('html_block')).toBe(false);
    expect(types.has('link')).toBe(false);
  });

  it('parses inline runs predictably', () => {
    expect(parseInline('a *b* **c** `d` [e](https://x.example) snake_case_name 2*3')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'emphasis', strong: false, content: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'emphasis', strong: true, content: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'e', url: 'https://x.example' },
      { kind: 'text', text: ' snake_case_name 2*3' },
    ]);
    expect(parseNote('## Deep', 3)).toEqual([{ kind: 'heading', level: 5, content: [{ kind: 'text', text: 'Deep' }] }]);
    expect(parseNote('###### too deep', 3)[0]).toMatchObject({ level: 6 });
  });

  it('never lets a note produce HTML, scripts or non-web links, in Markdown or HTML (property)', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[x](javascript:alert(1))',
        '[y](data:text/html,hi)',
        '- ',
        '1. ',
        '# ',
        '**',
        '*',
        '`',
        '\n',
        '\n\n',
        '  ',
        '> ',
        '| a |',
        '&lt;',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const note = pieces.join('');
        const { doc } = noteDocument(note);
        const types = nodeTypes(doc);
        expect(types.has('html_inline') || types.has('html_block')).toBe(false);
        const walker = doc.walker();
        for (let e = walker.next(); e; e = walker.next())
          if (e.entering && e.node.type === 'link') expect(e.node.destination).toMatch(/^https?:\/\//);
        const deep = SEED_WEEK.items.find((i) => i.id === 'i-deep-capex') as WeekItem;
        const html = renderDigestHtml({ ...SEED_WEEK, items: [{ ...deep, note, sources: [] }] }).fragment;
        expect(html).not.toMatch(/<(script|img|div|style|iframe)/i);
        expect(html).not.toMatch(/href="(?!https?:)/);
      }),
      { numRuns: 400 },
    );
  });
});

describe('draft fidelity', () => {
  it('keeps a heading text that ends in " #" (a section named "Learn C #")', () => {
    const sections = SEED_WEEK.sections.map((s) => (s.id === 'briefs' ? { ...s, name: 'Learn C #' } : s));
    const md = renderDigest({ ...SEED_WEEK, sections }).markdown;
    let found: string | undefined;
    for (let n = parser.parse(md).firstChild; n; n = n.next) {
      if (n.type !== 'heading' || n.level !== 2 || found !== undefined) continue;
      found = '';
      for (let run = n.firstChild; run; run = run.next) found += run.literal ?? '';
    }
    expect(found).toBe('Learn C #');
  });

  it('puts no space after full-width punctuation before "Source:" in an English draft', () => {
    const md = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, language: 'en' } }).markdown;
    expect(md).toContain('能力。Source: [Reuters]');
    expect(md).not.toContain('。 Source:');
    expect(md).toContain('## This Week in Brief');
    expect(md.split('\n')[0]).toBe('# AI Weekly (Jan 26 – Feb 1, 2026)');
  });

  it('keeps several quotes of one source as separate paragraphs in the references', () => {
    const md = renderDigest(SEED_WEEK).markdown;
    const refs = parser.parse(md.slice(md.indexOf('## 参考资料')));
    const walker = refs.walker();
    let quotes = 0;
    for (let e = walker.next(); e; e = walker.next()) {
      if (e.entering && e.node.type === 'block_quote') {
        let paragraphs = 0;
        for (let p = e.node.firstChild; p; p = p.next) paragraphs++;
        if (e.node.firstChild?.firstChild?.literal?.startsWith('Capital')) quotes = paragraphs;
      }
    }
    expect(quotes).toBe(2);
  });

  it('parses odd input in linear time: 100,000 unclosed [ or * take well under a second', () => {
    for (const odd of ['['.repeat(100_000), '*'.repeat(100_000), '[a]'.repeat(30_000), `${' '.repeat(40_000)}x`]) {
      const t0 = performance.now();
      parseNote(odd, 1);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });

  it('keeps a link whose address has parentheses (Wikipedia’s A_(b))', () => {
    expect(parseInline('see [A](https://en.wikipedia.org/wiki/A_(b)) now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'A', url: 'https://en.wikipedia.org/wiki/A_(b)' },
      { kind: 'text', text: ' now' },
    ]);
  });
});
