import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../lib/digest/draft-checks';
import { DEFAULT_SECTIONS } from '../../../lib/store/defaults';
import type { Clip } from '../../../lib/types';
import { SEED_WEEK_CLIPS } from '../../fixtures/weeks/ai-weekly-2026-01-26';

describe('checkDraft', () => {
  it('warns about missing summaries and sources, duplicates, reused and out-of-week links, empty sections', () => {
    const byId = (id: string) => SEED_WEEK_CLIPS.find((c) => c.id === id) as Clip;
    const [apple, kimi, juejin, msft] = ['c-apple', 'c-kimi', 'c-juejin', 'c-msft'].map(byId) as [
      Clip,
      Clip,
      Clip,
      Clip,
    ];
    const clips: Clip[] = [
      { ...apple, summary: '' },
      kimi,
      juejin,
      { ...msft, id: 'dup', canonicalUrl: apple.canonicalUrl, source: '', publishedAt: '2025-12-01T10:00:00Z' },
    ];
    const checks = checkDraft({
      weekId: '2026-01-26',
      clips,
      sections: [...DEFAULT_SECTIONS],
      earlier: [{ canonicalUrl: kimi.canonicalUrl, weekId: '2026-01-19' }],
    });
    expect(checks.map((c) => [c.kind, c.clipId ?? c.sectionId])).toEqual([
      ['no-summary', 'c-apple'],
      ['used-before', 'c-kimi'],
      ['no-source', 'dup'],
      ['duplicate-url', 'dup'],
      ['outside-week', 'dup'],
      ['empty-section', 'thoughts'],
    ]);
  });

  it('is quiet for a clean week, and a story with one summary needs no other', () => {
    const clean = SEED_WEEK_CLIPS.filter((c) => c.id !== 'c-hostile');
    expect(checkDraft({ weekId: '2026-01-26', clips: clean, sections: [...DEFAULT_SECTIONS], earlier: [] })).toEqual([
      { kind: 'no-source', clipId: 'c-thought', subject: 'Notes: payback periods' },
    ]);
  });
});
