import { describe, expect, it } from 'vitest';
import { checkDraft, LONG_QUOTE_CHARS } from '../../../lib/digest/draft-checks';
import { DEFAULT_SECTIONS } from '../../../lib/store/defaults';
import type { WeekItem } from '../../../lib/types';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';

const byId = (id: string) => SEED_WEEK.items.find((c) => c.id === id) as WeekItem;

describe('checkDraft', () => {
  it('warns about missing summaries and sources, duplicates, reused and out-of-week links, empty sections', () => {
    const [apple, story, msft] = ['i-apple', 'i-cn-models', 'i-msft'].map(byId) as [WeekItem, WeekItem, WeekItem];
    const appleSource = apple.sources[0] as WeekItem['sources'][number];
    const items: WeekItem[] = [
      { ...apple, summary: '' },
      story,
      {
        ...msft,
        id: 'dup',
        sources: [{ ...appleSource, id: 's-dup', source: '', publishedAt: '2025-12-01T10:00:00Z' }],
      },
    ];
    const checks = checkDraft({
      weekId: '2026-01-26',
      items,
      sections: [...DEFAULT_SECTIONS],
      earlier: [{ sourceId: 's-kimi', weekId: '2026-01-19' }],
    });
    expect(checks.map((c) => [c.kind, c.itemId ?? c.sectionId])).toEqual([
      ['no-summary', 'i-apple'],
      ['used-before', 'i-cn-models'],
      ['no-source', 'dup'],
      ['duplicate-url', 'dup'],
      ['outside-week', 'dup'],
      ['empty-section', 'analysis'],
      ['empty-section', 'thoughts'],
    ]);
  });

  it('names the issue when a source already ran in a published week', () => {
    const checks = checkDraft({
      weekId: '2026-01-26',
      items: SEED_WEEK.items,
      sections: [...DEFAULT_SECTIONS],
      earlier: [{ sourceId: 's-kimi', weekId: '2026-01-19', issue: 'AI 一周记 2026-01-19 期' }],
    });
    expect(checks.find((c) => c.kind === 'used-in-issue')).toMatchObject({
      itemId: 'i-cn-models',
      detail: 'AI 一周记 2026-01-19 期',
    });
    expect(checks.some((c) => c.kind === 'used-before')).toBe(false);
  });

  it('is quiet for the reference week: own thoughts need no source, a page cited in two sections is no duplicate', () => {
    const clean = SEED_WEEK.items.filter((c) => c.id !== 'i-hostile');
    expect(checkDraft({ weekId: '2026-01-26', items: clean, sections: [...DEFAULT_SECTIONS], earlier: [] })).toEqual(
      [],
    );
  });

  it('flags a quote longer than a digest can carry, once per source, with its length', () => {
    const [first, ...rest] = SEED_WEEK.items.filter((c) => c.id !== 'i-hostile' && c.sources.length > 0);
    const lead = first?.sources[0] as NonNullable<typeof first>['sources'][number];
    const long = { ...lead, quotes: [{ text: 'x'.repeat(1_000_000), createdAt: 1 }] };
    const items = [{ ...(first as NonNullable<typeof first>), sources: [long] }, ...rest];
    const checks = checkDraft({ weekId: '2026-01-26', items, sections: [...DEFAULT_SECTIONS], earlier: [] });
    expect(checks.filter((c) => c.kind === 'long-quote')).toEqual([
      { kind: 'long-quote', itemId: first?.id, subject: lead.title, detail: '1000000' },
    ]);
    // A quote of a few paragraphs is no warning.
    expect(LONG_QUOTE_CHARS).toBeGreaterThanOrEqual(2_000);
  });
});
