import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOf, compareStamps, mergeRecord, settleConflict, stampChanges } from '../../../lib/store/field-clocks';
import type { FieldConflict, Item, Source, WeekNote } from '../../../lib/types';

const ancestor: Item = {
  id: 'i1',
  weekId: '2026-01-26',
  sectionId: 'briefs',
  order: 'a',
  summary: 'first',
  note: '',
  tags: [],
  sourceIds: ['s1'],
  createdAt: 1_000,
  updatedAt: 1_000,
  clocks: {},
};

type Edit = { field: 'summary' | 'note' | 'tags' | 'order'; value: string };

/** One browser's run of edits on its copy, each a write as lib/store/item-writes.ts makes it. */
function edit(start: Item, edits: readonly Edit[], replica: string, clock: { now: number }): Item {
  let item = start;
  for (const { field, value } of edits) {
    clock.now += 7;
    const next: Item = { ...item, updatedAt: Math.max(clock.now, item.updatedAt + 1) };
    if (field === 'tags') next.tags = [value];
    else next[field] = value;
    item = stampChanges('item', item, next, replica);
  }
  return item;
}

const edits = fc.array(
  fc.record({
    field: fc.constantFrom<Edit['field']>('summary', 'note', 'tags', 'order'),
    value: fc.constantFrom('x', 'y', 'z'),
  }),
  { maxLength: 6 },
);

const changed = (a: Item, b: Item, field: keyof Item) => JSON.stringify(a[field]) !== JSON.stringify(b[field]);

describe('field clocks', () => {
  it('stamps only the fields a write changes, with the value the run of changes started from', () => {
    const once = stampChanges('item', ancestor, { ...ancestor, summary: 'b', updatedAt: 2_000 }, 'aa');
    // It follows the value it replaced (seen: browser → time of the newest change it knew).
    expect(once.clocks).toEqual({ summary: { at: '2000@aa', base: '1000@', seen: { '': 1_000 } } });
    const twice = stampChanges('item', once, { ...once, summary: 'c', updatedAt: 3_000 }, 'aa');
    expect(twice.clocks?.summary).toEqual({ at: '3000@aa', base: '1000@', seen: { '': 1_000, aa: 2_000 } });
  });

  it('gives a record from before clocks its update time on every field at its first change', () => {
    const legacy: Item = { ...ancestor, updatedAt: 5_000 };
    delete legacy.clocks;
    const next = stampChanges('item', legacy, { ...legacy, note: 'n', updatedAt: 6_000 }, 'aa');
    expect(next.clocks?.summary).toEqual({ at: '5000@' });
    expect(next.clocks?.note).toEqual({ at: '6000@aa', base: '5000@', seen: { '': 5_000 } });
  });

  it('orders stamps by time, then by browser', () => {
    expect(compareStamps('10@a', '9@z')).toBeGreaterThan(0);
    expect(compareStamps('10@a', '10@b')).toBeLessThan(0);
    expect(compareStamps('10@a', '10@a')).toBe(0);
  });

  it('loses nothing: a field one side changed is taken from it; one changed on both shows the later change and records the other', () => {
    fc.assert(
      fc.property(edits, edits, fc.nat(50), (mineEdits, theirEdits, skew) => {
        const mine = edit(ancestor, mineEdits, 'aa', { now: 2_000 });
        const theirs = edit(ancestor, theirEdits, 'bb', { now: 2_000 + skew });
        const { record } = mergeRecord('item', mine, theirs);
        for (const field of ['summary', 'note', 'tags'] as const) {
          const here = changed(ancestor, mine, field);
          const there = changed(ancestor, theirs, field);
          const value = JSON.stringify(record[field]);
          const conflict = record.conflicts?.find((c) => c.field === field);
          if (!changed(mine, theirs, field)) {
            expect(value).toBe(JSON.stringify(mine[field]));
            expect(conflict).toBeUndefined();
          } else if (here && there) {
            // The same on every copy: the later change shown, the other kept as the conflict.
            const later =
              compareStamps(clockOf(theirs, field).at, clockOf(mine, field).at) > 0 ? [theirs, mine] : [mine, theirs];
            expect(value).toBe(JSON.stringify(later[0]?.[field]));
            expect(JSON.stringify(conflict?.value)).toBe(JSON.stringify(later[1]?.[field]));
          } else {
            expect(value).toBe(JSON.stringify((here ? mine : theirs)[field]));
            expect(conflict).toBeUndefined();
          }
        }
        // Placement never conflicts: one of the two values, the later change's when both moved it.
        expect([mine.order, theirs.order]).toContain(record.order);
      }),
    );
  });

  it('is idempotent: merging the same copy again changes nothing', () => {
    fc.assert(
      fc.property(edits, edits, (mineEdits, theirEdits) => {
        const mine = edit(ancestor, mineEdits, 'aa', { now: 2_000 });
        const theirs = edit(ancestor, theirEdits, 'bb', { now: 2_003 });
        const once = mergeRecord('item', mine, theirs).record;
        const again = mergeRecord('item', once, theirs);
        expect(again.changed).toBe(false);
        expect(again.conflicts).toEqual([]);
      }),
    );
  });

  it('converges once conflicts are settled: both copies end with the same values and no conflict', () => {
    fc.assert(
      fc.property(edits, edits, fc.boolean(), (mineEdits, theirEdits, keepMine) => {
        const clock = { now: 2_000 };
        const mine = edit(ancestor, mineEdits, 'aa', clock);
        const theirs = edit(ancestor, theirEdits, 'bb', { now: 2_001 });
        let here = mergeRecord('item', mine, theirs).record;
        for (const c of [...(here.conflicts ?? [])]) {
          clock.now += 5;
          here = settleConflict(here, c.field, c.at, keepMine ? 'mine' : 'theirs', clock.now, 'aa');
        }
        // The other browser restores ours, then ours restores theirs again.
        const there = mergeRecord('item', theirs, here);
        expect(there.record.conflicts).toBeUndefined();
        const back = mergeRecord('item', here, theirs);
        expect(back.conflicts).toEqual([]);
        for (const field of ['summary', 'note', 'tags', 'order'] as const)
          expect(JSON.stringify(there.record[field])).toBe(JSON.stringify(here[field]));
      }),
    );
  });

  it('unites the quotes two browsers added to one page', () => {
    const page: Source = {
      id: 's1',
      pageUrl: 'https://a.example',
      canonicalUrl: 'https://a.example',
      title: 'A',
      source: 'A',
      quotes: [{ text: 'one', createdAt: 1 }],
      createdAt: 1_000,
      updatedAt: 1_000,
      clocks: {},
    };
    const mine = stampChanges(
      'source',
      page,
      { ...page, quotes: [...page.quotes, { text: 'two', createdAt: 2 }], updatedAt: 2_000 },
      'aa',
    );
    const theirs = stampChanges(
      'source',
      page,
      { ...page, quotes: [...page.quotes, { text: 'three', createdAt: 3 }], updatedAt: 3_000 },
      'bb',
    );
    const merged = mergeRecord('source', mine, theirs).record;
    expect(merged.quotes.map((q) => q.text)).toEqual(['one', 'two', 'three']);
    expect(merged.conflicts).toBeUndefined();
  });

  it('keeps a week’s lede begun in two browsers as a conflict, not a silent loss', () => {
    const week = (lede: string, updatedAt: number): WeekNote => ({ id: '2026-01-26', lede, updatedAt });
    const mine = stampChanges('week', undefined, week('我的导语', 2_000), 'aa');
    const theirs = stampChanges('week', undefined, week('their lede', 2_500), 'bb');
    const merged = mergeRecord('week', mine, theirs).record;
    // Theirs is the later: shown on both copies, ours kept as the choice.
    expect(merged.lede).toBe('their lede');
    expect(merged.conflicts).toEqual([{ field: 'lede', value: '我的导语', at: '2000@aa' }]);
    expect(mergeRecord('week', theirs, mine).record.conflicts).toEqual(merged.conflicts);
  });

  it('keeps at most the newest hundred open conflicts on a record, whatever the other copy brings', () => {
    const theirConflicts = Array.from({ length: 100 }, (_, i) => ({
      field: 'note',
      value: `n${i}`,
      at: `${i + 1}@zz`,
    }));
    const mine = edit(ancestor, [{ field: 'summary', value: 'mine' }], 'aa', { now: 2_000 });
    const theirs = {
      ...edit(ancestor, [{ field: 'summary', value: 'theirs' }], 'bb', { now: 2_000 }),
      conflicts: theirConflicts,
    };
    const { record } = mergeRecord('item', mine, theirs);
    expect(record.conflicts).toHaveLength(100);
    // The newest stay: the new summary conflict is among them, the oldest note conflict is not.
    expect(record.conflicts?.some((c) => c.field === 'summary' && ['mine', 'theirs'].includes(c.value as string))).toBe(
      true,
    );
    expect(record.conflicts?.some((c) => c.value === 'n0')).toBe(false);
  });
});

describe('what a value follows (seen), whatever the clocks say', () => {
  it('keeps a change made meanwhile on a clock far behind, against one made from a third copy’s newer value', () => {
    const start = { id: 'x', summary: 's', note: '', updatedAt: 1, createdAt: 1, clocks: {} };
    const edit = (from: unknown, summary: string, at: number, replica: string) =>
      stampChanges('item', from as never, { ...(from as object), summary, updatedAt: at } as never, replica);
    // B changes it; A receives B's value and changes it again.
    const b = edit(start, 'by b', 500, 'bb');
    const a = edit(mergeRecord('item', start as never, b).record, 'by a', 600, 'aa');
    // C, its clock far behind, changed it meanwhile without seeing either.
    const c = edit(start, 'by c', 10, 'cc');
    const merged = mergeRecord('item', c, a).record as typeof start & { conflicts?: FieldConflict[] };
    // A's base (B's change) is newer than C's change by the clocks, yet A never saw C's: both are kept.
    expect([merged.summary, ...(merged.conflicts ?? []).map((c) => c.value)].sort()).toEqual(['by a', 'by c']);
    // And a change made after seeing A's is taken, though its clock is behind.
    const later = edit(mergeRecord('item', c, a).record, 'by c, later', 20, 'cc');
    expect((mergeRecord('item', a, later).record as typeof start).summary).toBe('by c, later');
  });
});

describe('an edit of a field whose card shows a conflict', () => {
  it('follows both values: the conflict closes here, and on the other copy when the edit arrives', () => {
    const created = { id: 'x', summary: 'start', note: '', updatedAt: 1, createdAt: 1, clocks: {} };
    const here = stampChanges(
      'item',
      created as never,
      { ...created, summary: 'ours', updatedAt: 10 } as never,
      'here',
    );
    const there = stampChanges(
      'item',
      created as never,
      { ...created, summary: 'theirs', updatedAt: 20 } as never,
      'there',
    );
    // Both changed: here shows the later (theirs) and keeps ours as the other choice.
    const met = mergeRecord('item', here, there).record as typeof created & { conflicts?: FieldConflict[] };
    expect(met.conflicts).toHaveLength(1);
    // The editor here types a third value, seeing both: no conflict left, here or there.
    const typed = stampChanges(
      'item',
      met as never,
      { ...met, summary: 'a third', updatedAt: 30 } as never,
      'here',
    ) as typeof met;
    expect(typed.conflicts).toBeUndefined();
    const arrived = mergeRecord('item', there, typed).record as typeof met;
    expect(arrived.summary).toBe('a third');
    expect(arrived.conflicts).toBeUndefined();
  });
});
