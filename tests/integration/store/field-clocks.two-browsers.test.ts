import { beforeEach, describe, expect, it } from 'vitest';
import { applyRestore, CREDIBLE_SKEW_MS, planRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import type { ClipperDb } from '../../../lib/store/db';
import { saveClip, settleItemConflict, updateItem, updateSource } from '../../../lib/store/item-writes';
import { getLocalMeta } from '../../../lib/store/settings';
import { idsWithTerm } from '../../../lib/store/term-index';
import { settleWeekConflict, setWeekText } from '../../../lib/store/weeks';
import type { Item } from '../../../lib/types';
import { freshDb, parsed, seed } from './backup-fixtures';

/**
 * Two browsers sharing a week through backups (the way a sync engine would share it): each
 * change is merged field by field, and a field changed on both sides is shown, not dropped.
 */
const NOW = Date.parse('2026-12-01T00:00:00Z');

async function alphaOf(db: ClipperDb): Promise<Item> {
  const items = await db.items.toArray();
  return items.find((i) => i.summary === '一') ?? (items.find((i) => i.id === firstId) as Item);
}
let firstId = '';

describe('merging two browsers’ copies field by field', () => {
  let home: ClipperDb;
  let office: ClipperDb;
  beforeEach(async () => {
    home = freshDb();
    await seed(home);
    office = freshDb();
    await applyRestore(office, parsed(await createBackup(home)), NOW);
    firstId = (await alphaOf(home)).id;
  });

  it('gives each database its own browser id, which a restore never copies', async () => {
    const [a, b] = [(await getLocalMeta(home)).replica, (await getLocalMeta(office)).replica];
    expect(a).toMatch(/^[0-9a-z]{8}$/);
    expect(b).toMatch(/^[0-9a-z]{8}$/);
    expect(a).not.toBe(b);
  });

  it('keeps both changes when two browsers change different fields of one item, in both directions', async () => {
    await updateItem(home, firstId, { summary: 'home summary' }, NOW + 10);
    await updateItem(office, firstId, { note: 'office note' }, NOW + 20);
    const fromOffice = parsed(await createBackup(office));
    const fromHome = parsed(await createBackup(home));
    expect(await planRestore(home, fromOffice, NOW + 30)).toMatchObject({ updated: 1, conflicts: 0 });
    await applyRestore(home, fromOffice, NOW + 30);
    await applyRestore(office, fromHome, NOW + 30);
    for (const db of [home, office]) {
      const item = (await db.items.get(firstId)) as Item;
      expect([item.summary, item.note, item.conflicts]).toEqual(['home summary', 'office note', undefined]);
    }
    // Search follows the merged text.
    expect((await idsWithTerm(home.postings, 'office', false)).length).toBe(1);
  });

  it('shows a field changed in both browsers as a conflict: the later change shown, the other recorded, then settled', async () => {
    await updateItem(home, firstId, { summary: '家里的摘要' }, NOW + 10);
    await updateItem(office, firstId, { summary: 'office summary' }, NOW + 20);
    const fromOffice = parsed(await createBackup(office));
    expect(await applyRestore(home, fromOffice, NOW + 30)).toMatchObject({ conflicts: 1, updated: 1 });
    const mine = (await home.items.get(firstId)) as Item;
    // The office's change is the later one: shown here as it is there, this browser's kept as the choice.
    expect(mine.summary).toBe('office summary');
    expect(mine.conflicts).toEqual([{ field: 'summary', value: '家里的摘要', at: expect.any(String) }]);
    // The open conflict survives a backup of its own and a restore of the same file.
    const homeBackup = await createBackup(home);
    expect(JSON.parse(homeBackup).items.find((i: Item) => i.id === firstId).conflicts).toHaveLength(1);
    expect(await planRestore(home, fromOffice, NOW + 40)).toMatchObject({ conflicts: 0, updated: 0 });

    const settled = await settleItemConflict(
      home,
      firstId,
      { field: 'summary', at: mine.conflicts?.[0]?.at as string },
      'theirs',
      NOW + 50,
    );
    expect([settled.summary, settled.conflicts]).toEqual(['家里的摘要', undefined]);
    // Neither copy raises it again: the settled value follows both changes.
    expect(await planRestore(home, fromOffice, NOW + 60)).toMatchObject({ conflicts: 0 });
    await applyRestore(office, parsed(await createBackup(home)), NOW + 60);
    const there = (await office.items.get(firstId)) as Item;
    expect([there.summary, there.conflicts]).toEqual(['家里的摘要', undefined]);
  });

  it('keeps the editor’s own value when they choose it, and the other browser takes it', async () => {
    await updateItem(home, firstId, { summary: 'mine' }, NOW + 10);
    await updateItem(office, firstId, { summary: 'theirs' }, NOW + 20);
    await applyRestore(home, parsed(await createBackup(office)), NOW + 30);
    // The office's later change is shown; the editor here takes back their own, offered as the other choice.
    const at = ((await home.items.get(firstId)) as Item).conflicts?.[0]?.at as string;
    await settleItemConflict(home, firstId, { field: 'summary', at }, 'theirs', NOW + 40);
    await applyRestore(office, parsed(await createBackup(home)), NOW + 50);
    expect((await office.items.get(firstId))?.summary).toBe('mine');
    expect((await office.items.get(firstId))?.conflicts).toBeUndefined();
  });

  it('merges page corrections field by field and unites quotes added in both browsers', async () => {
    const sourceId = ((await alphaOf(home)).sourceIds[0] ?? '') as string;
    await updateSource(home, sourceId, { title: 'Alpha (corrected)' }, NOW + 10);
    await updateSource(office, sourceId, { author: '李四' }, NOW + 20);
    const page = { pageUrl: 'https://a.example/1', canonicalUrl: 'https://a.example/1', title: 'Alpha', source: 'A' };
    const ctx = (now: number) => ({ now, weekId: '2026-01-26', newId: () => `n${now}`, defaultSectionId: 'briefs' });
    await saveClip(home, { ...page, selection: { text: 'home quote' } }, ctx(NOW + 30));
    await saveClip(office, { ...page, selection: { text: 'office quote' } }, ctx(NOW + 40));
    await applyRestore(home, parsed(await createBackup(office)), NOW + 50);
    const merged = await home.sources.get(sourceId);
    expect(merged?.title).toBe('Alpha (corrected)');
    expect(merged?.author).toBe('李四');
    expect(merged?.quotes.map((q) => q.text)).toEqual(['q1', 'home quote', 'office quote']);
    expect(merged?.conflicts).toBeUndefined();
  });

  it('keeps a lede written in both browsers as a conflict and settles it', async () => {
    await setWeekText(home, '2026-01-26', { lede: '家里的导语' }, NOW + 10);
    await setWeekText(office, '2026-01-26', { closing: 'office closing' }, NOW + 15);
    await setWeekText(office, '2026-01-26', { lede: 'office lede' }, NOW + 20);
    expect(await applyRestore(home, parsed(await createBackup(office)), NOW + 30)).toMatchObject({ conflicts: 1 });
    const week = await home.weeks.get('2026-01-26');
    expect([week?.lede, week?.closing]).toEqual(['office lede', 'office closing']);
    const at = week?.conflicts?.[0]?.at as string;
    await settleWeekConflict(home, '2026-01-26', { field: 'lede', at }, 'theirs', NOW + 40);
    expect((await home.weeks.get('2026-01-26'))?.lede).toBe('家里的导语');
  });

  it('brings a change stamped in the future back to a credible time, and keeps the other change as a conflict', async () => {
    await updateItem(office, firstId, { summary: 'from the future' }, NOW + 10);
    const doc = JSON.parse(await createBackup(office));
    const record = doc.items.find((i: Item) => i.id === firstId);
    record.updatedAt = 8.64e15;
    record.clocks.summary.at = record.clocks.summary.at.replace(/^\d+/, '8640000000000000');
    await updateItem(home, firstId, { summary: 'home, later' }, NOW + 100);
    const plan = await applyRestore(home, parsed(JSON.stringify(doc)), NOW + 200);
    expect(plan.clamped).toBe(1);
    const item = (await home.items.get(firstId)) as Item;
    // Still later than the edit here once brought back (a week ahead): shown, and nothing lost.
    expect(item.summary).toBe('from the future');
    expect(item.conflicts?.[0]?.value).toBe('home, later');
    // Brought back to the limit of a credible clock (a week ahead), not to the year 275760.
    expect(item.updatedAt).toBeLessThanOrEqual(NOW + 200 + CREDIBLE_SKEW_MS + 86_400_000);
    // An edit afterwards is stamped after everything the record holds.
    const next = await updateItem(home, firstId, { note: 'n' }, NOW + 300);
    expect(next.updatedAt).toBe(item.updatedAt + 1);
  });

  it('closes a conflict settled in one copy in the other too, and the copies agree after any exchanges', async () => {
    await updateItem(home, firstId, { summary: 'home summary' }, NOW + 10);
    await updateItem(office, firstId, { summary: 'office summary' }, NOW + 20);
    await applyRestore(home, parsed(await createBackup(office)), NOW + 30);
    await applyRestore(office, parsed(await createBackup(home)), NOW + 31);
    const at = (await home.items.get(firstId))?.conflicts?.[0]?.at as string;
    expect(at).toBeTruthy();
    expect((await office.items.get(firstId))?.conflicts).toHaveLength(1);
    await settleItemConflict(home, firstId, { field: 'summary', at }, 'theirs', NOW + 40);
    await applyRestore(office, parsed(await createBackup(home)), NOW + 50);
    // Settled at home, knowing both sides: closed at the office too, with the value chosen.
    expect((await office.items.get(firstId))?.conflicts).toBeUndefined();
    for (let round = 0; round < 3; round++) {
      await applyRestore(home, parsed(await createBackup(office)), NOW + 60 + round * 2);
      await applyRestore(office, parsed(await createBackup(home)), NOW + 61 + round * 2);
    }
    for (const db of [home, office]) {
      const item = await db.items.get(firstId);
      expect(item?.summary).toBe('home summary');
      expect(item?.conflicts).toBeUndefined();
    }
  });
});
