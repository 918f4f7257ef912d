import { type Node, Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockquote, escapeInline, link, linkDestination } from '../../../lib/digest/markdown-escape';
import { nodeTypes } from './commonmark-nodes';

const parser = new Parser();

/** The plain text a CommonMark reader would show for a node (soft breaks as spaces). */
function textOf(node: Node): string {
  let out = '';
  const walker = node.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const n = event.node;
    if (!event.entering) continue;
    if (n.type === 'text' || n.type === 'code') out += n.literal ?? '';
    if (n.type === 'softbreak' || n.type === 'linebreak' || n.type === 'paragraph') out += ' ';
  }
  return out;
}

// Text that leans on Markdown's special characters, mixed with Chinese and plain words.
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '*',
        '_',
        '`',
        '\\',
        '#',
        '>',
        '|',
        '-',
        '+',
        '!',
        '<',
        '>',
        '&',
        '~',
        '=',
        '1.',
        '2)',
        ' ',
        '\n',
        '```',
        '<img src=x onerror=alert(1)>',
        '&amp;',
        '&#x41;',
        '    ',
      ),
      fc.constantFrom('中文', '标题', 'word', 'AI', 'https://x.io/a_b'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Markdown escaping (property-based, parsed back with CommonMark)', () => {
  it('inline text in a list item reads back exactly, as plain text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const doc = parser.parse(`- ${escapeInline(text)}\n`);
        const types = nodeTypes(doc);
        for (const t of [
          'link',
          'image',
          'emph',
          'strong',
          'html_inline',
          'html_block',
          'heading',
          'code',
          'code_block',
          'block_quote',
        ]) {
          expect(types.has(t), `${t} in ${JSON.stringify(text)}`).toBe(false);
        }
        expect(collapse(textOf(doc))).toBe(collapse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('a quote stays one block quote whose text reads back', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const doc = parser.parse(`${blockquote(text).join('\n')}\n`);
        const top = doc.firstChild;
        if (collapse(text) === '') {
          expect(top).toBeNull();
          return;
        }
        expect(top?.type).toBe('block_quote');
        expect(top?.next).toBeNull();
        expect(collapse(textOf(doc))).toBe(collapse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('a link keeps its label and destination, even with spaces and parentheses in the URL', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom('', ' ', '(x)', ' (a b)'),
        (label, url, extra) => {
          const full = url + extra;
          const doc = parser.parse(`${link(label, full)}\n`);
          let found: Node | undefined;
          const walker = doc.walker();
          for (let e = walker.next(); e; e = walker.next()) if (e.entering && e.node.type === 'link') found = e.node;
          expect(found).toBeDefined();
          expect(decodeURI(found?.destination ?? '')).toBe(
            decodeURI((linkDestination(full) ?? '').replace(/\\&/g, '&')),
          );
          // A blank label falls back to the address itself.
          expect(collapse(textOf(found as Node))).toBe(collapse(label) || full.trim());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never links a non-web URL', () => {
    expect(link('click', 'javascript:alert(1)')).toBe('click');
    expect(link('data', 'data:text/html,<b>')).toBe('data');
    expect(linkDestination('https://a.b/x y(1)')).toBe('https://a.b/x%20y%281%29');
    // Found by the property test: an entity-like query survives CommonMark's entity decoding.
    const doc = parser.parse(`${link('x', 'http://a.aa?&#0;&amp;b=1')}\n`);
    expect(doc.firstChild?.firstChild?.destination).toBe('http://a.aa?&#0;&amp;b=1');
  });
});
