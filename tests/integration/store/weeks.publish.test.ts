import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { earlierUses } from '../../../lib/store/citations';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import {
  addOwnItem,
  moveItem,
  saveClip,
  settleItemConflict,
  trashItem,
  updateItem,
} from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import { addSection, deleteSection } from '../../../lib/store/section-writes';
import { setPublished } from '../../../lib/store/weeks';

let db: ClipperDb;
afterEach(() => db?.close());

describe('published weeks', () => {
  it('names the issue, locks the week’s entries against every change, and unlocks', async () => {
    db = openDatabase(`publish-${Math.random()}`);
    const ctx = { now: 1_000, weekId: '2026-01-26', newId: () => 'a', defaultSectionId: 'briefs' };
    const page = { pageUrl: 'https://e.com/1', canonicalUrl: 'https://e.com/1', title: 'P1', source: 'S' };
    const { item } = await saveClip(db, page, ctx);
    const id = item?.id as string;
    expect(await setPublished(db, '2026-01-26', true, 2_000)).toBe('AI 一周记 2026-01-26 期');
    const locked = { code: 'week.published', params: { issue: 'AI 一周记 2026-01-26 期' } };
    await expect(updateItem(db, id, { summary: 'late edit' }, 3_000)).rejects.toMatchObject(locked);
    await expect(trashItem(db, id, 3_000)).rejects.toMatchObject(locked);
    await expect(
      moveItem(db, id, { sectionId: 'briefs', weekId: '2026-02-02', toEnd: true }, 3_000),
    ).rejects.toMatchObject(locked);
    await expect(
      addOwnItem(db, { weekId: '2026-01-26', sectionId: 'thoughts', summary: 'x' }, { now: 3_000, newId: () => 'o' }),
    ).rejects.toMatchObject(locked);
    // Clipping a new page into it, re-clipping a page of it, or deleting its entries' section: refused too.
    await expect(
      saveClip(db, { ...page, pageUrl: 'https://e.com/2', canonicalUrl: 'https://e.com/2' }, { ...ctx, now: 3_000 }),
    ).rejects.toMatchObject(locked);
    await expect(
      saveClip(db, { ...page, summary: 'typed', tags: ['late'] }, { ...ctx, now: 3_000 }),
    ).rejects.toMatchObject(locked);
    await addSection(db, 'Tools', 'briefs', () => 'tools', 1);
    await setPublished(db, '2026-01-26', false, 2_100);
    await moveItem(db, id, { sectionId: 'tools', toEnd: true }, 2_200);
    await setPublished(db, '2026-01-26', true, 2_300);
    await expect(deleteSection(db, 'tools', 'briefs', 3_000)).rejects.toMatchObject(locked);
    expect(await db.sections.get('tools')).toBeTruthy();
    expect((await db.items.get(id))?.sectionId).toBe('tools');
    expect((await db.items.get(id))?.summary).toBe('');
    expect(await db.items.count()).toBe(1);

    await setPublished(db, '2026-01-26', false, 4_000);
    expect((await updateItem(db, id, { summary: 'after unlock' }, 5_000)).summary).toBe('after unlock');
    expect((await db.weeks.get('2026-01-26'))?.published).toBeUndefined();
  });

  it('keeps the mark through a backup and a restore', async () => {
    db = openDatabase(`publish-${Math.random()}`);
    await setPublished(db, '2026-01-26', true, 2_000);
    const parsed = parseBackup(await createBackup(db));
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.backup.weeks[0]?.published).toEqual({ at: 2_000, issue: 'AI 一周记 2026-01-26 期' });
    const other = openDatabase(`publish-${Math.random()}`);
    await applyRestore(other, parsed.backup, 10_000);
    expect((await other.weeks.get('2026-01-26'))?.published?.issue).toBe('AI 一周记 2026-01-26 期');
    other.close();
  });

  it('names the issue of a published earlier week citing this week’s source, for the draft checks', async () => {
    db = openDatabase(`publish-${Math.random()}`);
    const page = { pageUrl: 'https://e.com/1', canonicalUrl: 'https://e.com/1', title: 'P1', source: 'S' };
    const ctx = (weekId: string, id: string) => ({ now: 1_000, weekId, newId: () => id, defaultSectionId: 'briefs' });
    await saveClip(db, page, ctx('2026-01-19', 'a'));
    await saveClip(db, page, ctx('2026-01-26', 'b'));
    await setPublished(db, '2026-01-19', true, 2_000);
    const uses = await earlierUses(db, await listWeek(db, '2026-01-26'));
    expect(uses).toEqual([{ sourceId: 'a', weekId: '2026-01-19', issue: 'AI 一周记 2026-01-19 期' }]);
  });

  it('keeps a conflict on a locked entry open until the week is unlocked', async () => {
    db = openDatabase(`publish-${Math.random()}`);
    const page = { pageUrl: 'https://e.com/1', canonicalUrl: 'https://e.com/1', title: 'P1', source: 'S' };
    await saveClip(db, page, { now: 1_000, weekId: '2026-01-26', newId: () => 'a', defaultSectionId: 'briefs' });
    await db.items.update('a', { conflicts: [{ field: 'summary', value: 'theirs', at: '1500@bb' }] });
    await setPublished(db, '2026-01-26', true, 2_000);
    const ref = { field: 'summary', at: '1500@bb' };
    await expect(settleItemConflict(db, 'a', ref, 'theirs', 3_000)).rejects.toMatchObject({ code: 'week.published' });
    expect((await db.items.get('a'))?.summary).toBe('');
    await setPublished(db, '2026-01-26', false, 4_000);
    expect((await settleItemConflict(db, 'a', ref, 'theirs', 5_000)).summary).toBe('theirs');
  });
});
