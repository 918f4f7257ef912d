import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore, planRestore } from '../../../lib/store/backup-restore';
import { type Backup, createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { purgeItem, saveClip, trashItem, updateItem } from '../../../lib/store/item-writes';

/** Merges that lose nothing: each case here lost or resurrected data before (issue 11, part 2). */
const opened: ClipperDb[] = [];
const fresh = () => {
  const db = openDatabase(`merge-${Math.random()}`);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const NOW = Date.parse('2026-12-01T00:00:00Z');
let n = 0;
const ctx = (now: number) => ({ now, weekId: '2026-01-26', newId: () => `m-${++n}`, defaultSectionId: 'briefs' });
const page = (url: string, title = 'A story') => ({ pageUrl: url, canonicalUrl: url, title, source: 'A' });

async function backupOf(db: ClipperDb): Promise<Backup> {
  const parsed = parseBackup(await createBackup(db));
  if (!parsed.ok) throw new Error('refused');
  return parsed.backup;
}

describe('merging a backup', () => {
  it('never trusts a change time from the future: a later edit here still wins', async () => {
    const there = fresh();
    const { item } = await saveClip(there, { ...page('https://a.example/1'), summary: 'from the file' }, ctx(1_000));
    const file = await backupOf(there);
    const future = { ...file, items: file.items.map((i) => ({ ...i, updatedAt: 8.64e15 })) };
    const here = fresh();
    expect((await planRestore(here, future, NOW)).clamped).toBe(1);
    await applyRestore(here, future, NOW);
    expect((await here.items.get(item?.id as string))?.updatedAt).toBeLessThanOrEqual(NOW);
    await updateItem(here, item?.id as string, { summary: 'edited here' }, NOW + 1);
    await applyRestore(here, future, NOW + 2);
    expect((await here.items.get(item?.id as string))?.summary).toBe('edited here');
  });

  it('never lowers a record’s change time when it is edited after a restore', async () => {
    const there = fresh();
    const { item } = await saveClip(there, page('https://a.example/1'), ctx(NOW - 10));
    const here = fresh();
    await applyRestore(here, await backupOf(there), NOW);
    // This browser's clock runs behind the other's.
    await updateItem(here, item?.id as string, { summary: 'late clock' }, NOW - 1_000);
    expect((await here.items.get(item?.id as string))?.updatedAt).toBeGreaterThan(NOW - 10);
    await applyRestore(here, await backupOf(there), NOW + 1);
    expect((await here.items.get(item?.id as string))?.summary).toBe('late clock');
  });

  it('keeps what was deleted for good deleted: an older backup does not bring it back', async () => {
    const db = fresh();
    const { item, source } = await saveClip(db, page('https://a.example/1'), ctx(1_000));
    const older = await backupOf(db);
    await trashItem(db, item?.id as string, 2_000);
    await purgeItem(db, item?.id as string, 3_000);
    const plan = await planRestore(db, older, NOW);
    expect(plan).toMatchObject({ added: 0, deletedHere: 2 });
    await applyRestore(db, older, NOW);
    expect(await db.items.get(item?.id as string)).toBeUndefined();
    expect(await db.sources.get(source.id)).toBeUndefined();
  });

  it('carries deletions to another browser, unless the record changed there afterwards', async () => {
    const a = fresh();
    const one = await saveClip(a, page('https://a.example/1'), ctx(1_000));
    const two = await saveClip(a, page('https://a.example/2'), ctx(1_000));
    const b = fresh();
    await applyRestore(b, await backupOf(a), NOW);
    await updateItem(b, two.item?.id as string, { summary: 'kept: edited after the deletion' }, NOW + 10);
    for (const made of [one, two]) {
      await trashItem(a, made.item?.id as string, NOW + 5);
      await purgeItem(a, made.item?.id as string, NOW + 6);
    }
    const plan = await planRestore(b, await backupOf(a), NOW + 20);
    expect(plan.deletedThere).toBe(2);
    await applyRestore(b, await backupOf(a), NOW + 20);
    expect(await b.items.get(one.item?.id as string)).toBeUndefined();
    expect((await b.items.get(two.item?.id as string))?.summary).toBe('kept: edited after the deletion');
  });

  it('treats an id that names another page as another source, and one page under two ids as one source', async () => {
    const here = fresh();
    await saveClip(here, page('https://here.example/x', 'Here'), { ...ctx(1_000), newId: () => 'same-id' });
    const there = fresh();
    await saveClip(there, page('https://there.example/y', 'There'), { ...ctx(1_000), newId: () => 'same-id' });
    await saveClip(there, page('https://here.example/x', 'Here, corrected'), {
      ...ctx(2_000),
      newId: () => 'other-id',
    });
    const plan = await planRestore(here, await backupOf(there), NOW);
    expect(plan.renamed).toBe(1);
    await applyRestore(here, await backupOf(there), NOW);
    const sources = await here.sources.orderBy('canonicalUrl').toArray();
    expect(sources.map((s) => [s.canonicalUrl, s.title])).toEqual([
      ['https://here.example/x', 'Here, corrected'],
      ['https://there.example/y', 'There'],
    ]);
    // Every item cites a source that exists.
    const ids = new Set(sources.map((s) => s.id));
    for (const item of await here.items.toArray()) for (const id of item.sourceIds) expect(ids.has(id)).toBe(true);
  });
});
