import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS, shapeDraft } from '../../../lib/writing/draft-text';

describe('shapeDraft', () => {
  it('makes a summary one line without a label, wrapping quotes or a model’s thinking', () => {
    expect(shapeDraft('<think>the user wants…</think>\n摘要：“美国国务院\n裁员 1,300 人。”', 'line')).toBe(
      '美国国务院 裁员 1,300 人。',
    );
    expect(shapeDraft('Summary: "Layoffs hit 1,300."', 'line')).toBe('Layoffs hit 1,300.');
    // Quotes inside the sentence are the sentence's own.
    expect(shapeDraft('“A” said “B”', 'line')).toBe('“A” said “B”');
    // Still thinking: nothing to show yet.
    expect(shapeDraft('<think>still going', 'line')).toBe('');
  });

  it('keeps a note’s lines and takes a fence off the whole answer', () => {
    expect(shapeDraft('```markdown\n- one\n- two\n```', 'markdown')).toBe('- one\n- two');
  });

  it('leaves markup as characters: the exports escape it like any text', () => {
    expect(shapeDraft('<script>alert(1)</script> [x](javascript:alert(1))', 'line')).toBe(
      '<script>alert(1)</script> [x](javascript:alert(1))',
    );
  });

  it('never gives a summary more than one line or more than it may hold (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), (answer) => {
        const line = shapeDraft(answer, 'line');
        expect(line).not.toMatch(/[\n\r]/);
        expect(line.length).toBeLessThanOrEqual(DRAFT_LIMITS.line);
        expect(line).toBe(line.trim());
      }),
      { numRuns: 300 },
    );
  });
});
