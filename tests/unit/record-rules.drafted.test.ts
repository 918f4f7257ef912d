import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../lib/digest/draft-checks';
import { keptDrafts, untouchedDrafts } from '../../lib/record-rules';
import { DEFAULT_SECTIONS } from '../../lib/store/defaults';
import type { WeekItem } from '../../lib/types';

describe('keptDrafts: the drafted marks an item may keep', () => {
  it('keeps only texts the summary or note still holds, each once', () => {
    const item = { summary: '机器写的一句话。', note: '- a\n- b' };
    expect(keptDrafts(['机器写的一句话。', 'an old draft', '- a\n- b', '机器写的一句话。', 7], item)).toEqual([
      '机器写的一句话。',
      '- a\n- b',
    ]);
    expect(keptDrafts(['an old draft'], item)).toBeUndefined();
    // An empty summary is not a draft, whatever the marks say.
    expect(keptDrafts([''], { summary: '', note: '' })).toBeUndefined();
  });

  it('agrees with a plain model: a mark stays exactly when a non-empty field holds it (property)', () => {
    const text = fc.constantFrom('', 'A', 'B', 'C', ' ');
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), text, text, (marks, summary, note) => {
        const kept = keptDrafts(marks, { summary, note }) ?? [];
        const model = [...new Set(marks)].filter((m) => (m === summary || m === note) && m.trim() !== '');
        expect(kept).toEqual(model.slice(0, 4));
        const untouched = untouchedDrafts({ summary, note, drafted: marks });
        expect(untouched.summary).toBe(summary.trim() !== '' && marks.includes(summary));
        expect(untouched.note).toBe(note.trim() !== '' && marks.includes(note));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the draft checks count untouched drafts', () => {
  const item = (summary: string, drafted?: string[]): WeekItem => ({
    id: `i-${summary}`,
    weekId: '2026-01-26',
    sectionId: 'briefs',
    order: 'a',
    summary,
    note: '',
    tags: [],
    sourceIds: [],
    sources: [],
    drafted,
    createdAt: 1,
    updatedAt: 1,
  });
  it('warns for a drafted summary nobody accepted, not for one edited since or accepted', () => {
    const checks = checkDraft({
      weekId: '2026-01-26',
      items: [item('机器写的。', ['机器写的。']), item('改过的。', ['机器写的。']), item('采用的。')],
      sections: [...DEFAULT_SECTIONS],
      earlier: [],
    }).filter((c) => c.kind === 'untouched-draft');
    expect(checks).toEqual([
      { kind: 'untouched-draft', itemId: 'i-机器写的。', subject: '机器写的。', detail: 'summary' },
    ]);
  });
});
