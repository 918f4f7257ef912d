import { describe, expect, it } from 'vitest';
import { itemRecord } from '../../../lib/store/backup-write';
import type { Item } from '../../../lib/types';

describe('writing a record', () => {
  it('writes one form for equal records: a clock saying only "unchanged since creation" is left out', () => {
    const item: Item = {
      id: 'i',
      weekId: '2026-01-26',
      sectionId: 'briefs',
      order: 'i',
      summary: 'S',
      note: '',
      tags: [],
      sourceIds: [],
      createdAt: 5,
      updatedAt: 9,
      clocks: { summary: { at: '9@aa', base: '5@' } },
    };
    // The same record after a merge filled in every field's clock.
    const filled: Item = {
      ...item,
      clocks: { ...item.clocks, note: { at: '5@' }, tags: { at: '5@' }, weekId: { at: '5@' } },
    };
    expect(JSON.stringify(itemRecord(filled))).toBe(JSON.stringify(itemRecord(item)));
    expect(itemRecord(filled).clocks).toEqual({ summary: { at: '9@aa', base: '5@' } });
    // A clock at creation time that names a browser, or has a base, is a change: kept.
    const changed: Item = { ...item, clocks: { note: { at: '5@bb' } } };
    expect(itemRecord(changed).clocks).toEqual({ note: { at: '5@bb' } });
  });
});
