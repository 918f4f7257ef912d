import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore, CREDIBLE_SKEW_MS, planRestore } from '../../../lib/store/backup-restore';
import { type Backup, createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { purgeItem, saveClip, trashItem, updateItem, updateSource } from '../../../lib/store/item-writes';
import { addSection, deleteSection } from '../../../lib/store/section-writes';

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
    expect((await here.items.get(item?.id as string))?.updatedAt).toBeLessThanOrEqual(
      NOW + CREDIBLE_SKEW_MS + 86_400_000,
    );
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

  it('keeps a page deleted for good here when an item edited there later still cites it (both directions)', async () => {
    const a = fresh();
    const b = fresh();
    const { item, source } = await saveClip(
      a,
      { ...page('https://news.example/big'), selection: { text: 'The quote that matters.' }, summary: 'orig' },
      ctx(1_000),
    );
    await saveClip(a, page('https://news.example/other'), ctx(1_001));
    await applyRestore(b, await backupOf(a), 1_002);
    const id = item?.id as string;
    await trashItem(a, id, 1_010);
    await purgeItem(a, id, 1_011);
    await updateItem(b, id, { summary: 'B kept working on it' }, 1_020);
    await applyRestore(a, await backupOf(b), 1_030);
    await applyRestore(b, await backupOf(a), 1_031);
    for (const db of [a, b]) {
      expect((await db.items.get(id))?.summary).toBe('B kept working on it');
      const kept = await db.sources.get(source.id);
      expect(kept?.quotes.map((q) => q.text)).toEqual(['The quote that matters.']);
    }
    // And the next backup reads with nothing to fix.
    const parsed = parseBackup(await createBackup(a));
    expect(parsed.ok && parsed.issues).toEqual([]);
  });

  it('keeps a page the other copy deleted for good when an item it never saw cites it', async () => {
    const a = fresh();
    const b = fresh();
    const { item, source } = await saveClip(
      a,
      { ...page('https://news.example/p'), selection: { text: 'On P' } },
      ctx(1_000),
    );
    await saveClip(a, page('https://news.example/keep'), ctx(1_001));
    await applyRestore(b, await backupOf(a), 1_002);
    // A cites P again from a second item; B empties the first from its trash, and P with it.
    const deep = await saveClip(
      a,
      { ...page('https://news.example/p'), sectionId: 'analysis', summary: 'deep' },
      ctx(1_005),
    );
    expect(deep.source.id).toBe(source.id);
    await trashItem(b, item?.id as string, 1_010);
    await purgeItem(b, item?.id as string, 1_011);
    expect(await b.sources.get(source.id)).toBeUndefined();
    await applyRestore(b, await backupOf(a), 1_020);
    await applyRestore(a, await backupOf(b), 1_021);
    for (const db of [a, b]) {
      expect((await db.items.get(deep.item?.id as string))?.sourceIds).toEqual([source.id]);
      expect((await db.sources.get(source.id))?.canonicalUrl).toBe('https://news.example/p');
    }
  });

  it('does not give a page clipped again the quotes of its copy deleted for good, from an older backup', async () => {
    const db = fresh();
    await saveClip(db, page('https://keep.example/'), ctx(1_000));
    const old = await saveClip(
      db,
      { ...page('https://news.example/p'), selection: { text: 'Deleted for good' } },
      ctx(1_001),
    );
    const older = await backupOf(db);
    await trashItem(db, old.item?.id as string, 1_010);
    await purgeItem(db, old.item?.id as string, 1_011);
    const again = await saveClip(
      db,
      { ...page('https://news.example/p'), selection: { text: 'Fresh quote' } },
      ctx(1_020),
    );
    expect(again.source.id).not.toBe(old.source.id);
    await applyRestore(db, older, 1_030);
    expect((await db.sources.get(again.source.id))?.quotes.map((q) => q.text)).toEqual(['Fresh quote']);
    expect(await db.items.get(old.item?.id as string)).toBeUndefined();
  });

  it.each([
    ['ten minutes', 10 * 60_000, 0],
    ['ten days, past a credible clock', 10 * 86_400_000, 1],
  ])(
    'keeps the order of a fast clock’s edits: its later edit wins, not the first (clock skew of %s)',
    async (_, SKEW, clamped) => {
      const laptop = fresh();
      const desktop = fresh();
      const { item } = await saveClip(laptop, page('https://a.example/x'), ctx(NOW - 86_400_000));
      await applyRestore(desktop, await backupOf(laptop), NOW);
      await updateItem(laptop, item?.id as string, { summary: 'first draft' }, NOW + 60_000 + SKEW);
      await applyRestore(desktop, await backupOf(laptop), NOW + 2 * 60_000);
      expect((await desktop.items.get(item?.id as string))?.summary).toBe('first draft');
      await updateItem(laptop, item?.id as string, { summary: 'final wording' }, NOW + 4 * 60_000 + SKEW);
      const plan = await planRestore(desktop, await backupOf(laptop), NOW + 5 * 60_000);
      expect(plan.clamped).toBe(clamped);
      await applyRestore(desktop, await backupOf(laptop), NOW + 5 * 60_000);
      const got = await desktop.items.get(item?.id as string);
      expect(got?.summary).toBe('final wording');
      expect(got?.updatedAt).toBeLessThanOrEqual(NOW + 5 * 60_000 + CREDIBLE_SKEW_MS + 86_400_000);
    },
  );

  it('carries a deleted section to the other copy: its entries moved there too, and it does not come back', async () => {
    const a = fresh();
    const b = fresh();
    await addSection(a, 'Tools', 'briefs', () => 'tools', 1);
    const { item } = await saveClip(a, { ...page('https://a.example/t'), sectionId: 'tools' }, ctx(1_000));
    await applyRestore(b, await backupOf(a), 1_001);
    expect(await b.sections.get('tools')).toBeTruthy();
    await deleteSection(a, 'tools', 'briefs', 2_000);
    // Both directions, twice: the section stays deleted and the entry stays moved, on both copies.
    for (const t of [3_000, 3_002]) {
      await applyRestore(b, await backupOf(a), t);
      await applyRestore(a, await backupOf(b), t + 1);
    }
    for (const db of [a, b]) {
      expect(await db.sections.get('tools')).toBeUndefined();
      expect((await db.items.get(item?.id as string))?.sectionId).toBe('briefs');
    }
  });

  it('keeps a page one source when its link was corrected on one copy: no split in two, in either direction', async () => {
    const a = fresh();
    const b = fresh();
    const { source } = await saveClip(a, page('https://wire.example/story?id=1'), ctx(1_000));
    await saveClip(a, page('https://other.example/'), ctx(1_001));
    await applyRestore(b, await backupOf(a), 1_002);
    await updateSource(
      b,
      source.id,
      { canonicalUrl: 'https://wire.example/story/1', title: 'Story (corrected)' },
      1_010,
    );
    for (const t of [1_020, 1_022]) {
      await applyRestore(a, await backupOf(b), t);
      await applyRestore(b, await backupOf(a), t + 1);
    }
    for (const db of [a, b]) {
      const pages = (await db.sources.toArray()).filter((s) => s.canonicalUrl.startsWith('https://wire.example'));
      expect(pages.map((s) => [s.id, s.canonicalUrl, s.title])).toEqual([
        [source.id, 'https://wire.example/story/1', 'Story (corrected)'],
      ]);
    }
  });

  it('refuses to give a source the link another source already has, naming that source', async () => {
    const db = fresh();
    const x = await saveClip(db, page('https://wire.example/x', 'Story X'), ctx(1_000));
    const y = await saveClip(db, page('https://wire.example/y', 'Story Y'), ctx(1_001));
    await expect(
      updateSource(db, y.source.id, { canonicalUrl: 'https://wire.example/x' }, 1_002),
    ).rejects.toMatchObject({
      code: 'clip.duplicate-link',
      params: { title: 'Story X' },
    });
    expect((await db.sources.get(y.source.id))?.canonicalUrl).toBe('https://wire.example/y');
    expect((await db.sources.get(x.source.id))?.canonicalUrl).toBe('https://wire.example/x');
  });
});

describe('one page clipped in two browsers before they met', () => {
  it('ends under the smaller id on both copies, whichever way they exchange, with every entry citing it', async () => {
    const a = fresh();
    const b = fresh();
    const mine = await saveClip(
      a,
      { ...page('https://a.example/same'), summary: 'A' },
      { ...ctx(1_000), newId: () => `z-${++n}` },
    );
    const theirs = await saveClip(
      b,
      { ...page('https://a.example/same'), summary: 'B' },
      { ...ctx(2_000), newId: () => `b-${++n}` },
    );
    const smaller = [mine.source.id, theirs.source.id].sort()[0] as string;
    expect(smaller).toBe(theirs.source.id);
    // a (greater id) takes b's: its own page record is adopted under b's id, its entry follows.
    await applyRestore(a, await backupOf(b), NOW);
    await applyRestore(b, await backupOf(a), NOW + 1);
    for (const db of [a, b]) {
      expect((await db.sources.toArray()).map((s) => s.id)).toEqual([smaller]);
      expect((await db.items.toArray()).map((i) => i.sourceIds)).toEqual([[smaller], [smaller]]);
    }
    // Exchanging again changes nothing.
    expect(await planRestore(a, await backupOf(b), NOW + 2)).toMatchObject({ added: 0, updated: 0 });
  });
});
