import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanMarkdown } from '../../lib/text';

/** The clean-up as written plainly with regular expressions (what it did first). */
const plain = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\s+$/g, '');

describe('cleanMarkdown', () => {
  it('cleans as the plain regular expressions do (property)', () => {
    const piece = fc.constantFrom(
      'a',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u00a0',
      '\u3000',
      '中',
      '**',
      '\u200b',
      '\u2028',
      '\ufeff',
      '\u0085',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(cleanMarkdown(text)).toBe(plain(text));
      }),
      { numRuns: 500 },
    );
  });

  it('takes a time in line with the text on a long run of spaces inside a line', () => {
    const started = performance.now();
    expect(cleanMarkdown(`Table row${' '.repeat(40_000)}end`)).toBe(`Table row${' '.repeat(40_000)}end`);
    expect(cleanMarkdown(`${'x '.repeat(50_000)}${' '.repeat(40_000)}\n`)).toHaveLength(99_999);
    // 2.5 s with /\s+$/ on each line; a few ms now (a busy machine may take ten times as long).
    expect(performance.now() - started).toBeLessThan(300);
  });
});
