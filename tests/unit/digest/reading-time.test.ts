import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type Inline, inlineText } from '../../../lib/digest/blocks';
import { readingMinutesOf } from '../../../lib/digest/model';
import { readingMinutes } from '../../../lib/digest/reading-time';

// Many words so the minutes move: English words, Chinese characters, digits, punctuation.
const words = fc
  .array(fc.constantFrom('word', 'AI', '模型', '。', ' ', 'K2.5', 'café', '𠀀', '—', '', 'x'.repeat(50)), {
    maxLength: 40,
  })
  .map((w) => w.join('').repeat(20));

describe('readingMinutes', () => {
  it('counts Chinese characters and English words separately', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('字'.repeat(300))).toBe(1);
    expect(readingMinutes('字'.repeat(301))).toBe(2);
    expect(readingMinutes('word '.repeat(400))).toBe(2);
    expect(readingMinutes(`${'字'.repeat(300)} ${'word '.repeat(200)}`)).toBe(2);
    expect(readingMinutes('café naïve Ünïcode 2026 K2.5')).toBe(1);
  });

  it('counts words glued to Chinese text as words, and ideographs beyond the BMP as characters', () => {
    expect(readingMinutes(`${'AI模型'.repeat(150)}`)).toBe(2);
    expect(readingMinutes('𠀀'.repeat(301))).toBe(2);
  });

  it('takes a lone surrogate half for itself, without swallowing the character after it', () => {
    // 201 words: the first one follows a half a page left unpaired.
    expect(readingMinutes(`\ud840${'a '.repeat(201)}`)).toBe(2);
  });
});

describe('readingMinutesOf', () => {
  // Runs as the model builds them: words split over runs, breaks, emphasis, links.
  const run: fc.Arbitrary<Inline> = fc.oneof(
    fc.record({ kind: fc.constant('text' as const), text: words }),
    fc.record({ kind: fc.constant('literal' as const), text: fc.constantFrom('来源:', ' — ', ', ', 'Source: ') }),
    fc.record({ kind: fc.constant('link' as const), text: words, url: fc.constant('https://example.com/') }),
    fc.constant({ kind: 'break' as const }),
    fc.record({
      kind: fc.constant('emphasis' as const),
      strong: fc.boolean(),
      content: fc.array(fc.record({ kind: fc.constant('text' as const), text: words }), { maxLength: 3 }),
    }),
  );
  const content = fc.array(run, { maxLength: 6 });
  const block: fc.Arbitrary<Block> = fc.oneof(
    fc.record({ kind: fc.constant('paragraph' as const), content }),
    fc.record({ kind: fc.constant('bullets' as const), items: fc.array(content, { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('quote' as const), text: words, attribution: content }),
    fc.record({
      kind: fc.constant('references' as const),
      numbered: fc.boolean(),
      items: fc.array(fc.record({ content, quotes: fc.array(fc.record({ text: words }), { maxLength: 2 }) }), {
        maxLength: 3,
      }),
    }),
  );

  /** The pieces of text a reader reads, each joined whole, as the draft shows them. */
  function pieces(blocks: Block[]): string[] {
    return blocks.flatMap((b): string[] => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return [inlineText(b.content)];
        case 'bullets':
        case 'list':
          return b.items.map(inlineText);
        case 'quote':
          return [b.text, inlineText(b.attribution ?? [])];
        default:
          return b.items.flatMap((i) => [inlineText(i.content), ...i.quotes.map((q) => q.text)]);
      }
    });
  }

  it('counts the blocks in place exactly as it counts their joined texts', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        expect(readingMinutesOf(blocks)).toBe(readingMinutes(pieces(blocks)));
      }),
      { numRuns: 1000 },
    );
  });
});
