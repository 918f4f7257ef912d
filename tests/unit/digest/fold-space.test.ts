import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSpace } from '../../../lib/digest/fold-space';

// Whitespace of every kind JavaScript's \s knows, in runs, at the ends and between words.
const spacey = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u2028'),
      fc.string({ maxLength: 4 }),
      fc.constantFrom('字', 'word', 'é'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('foldSpace', () => {
  it('answers exactly what folding every run of whitespace and trimming answers', () => {
    fc.assert(
      fc.property(spacey, (text) => {
        expect(foldSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back the same string when there is nothing to fold', () => {
    const text = '大模型 open weights 2026';
    expect(foldSpace(text)).toBe(text);
    expect(foldSpace(' a\tb  c\n')).toBe('a b c');
  });
});
