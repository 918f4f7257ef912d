import { afterEach, describe, expect, it } from 'vitest';
import { ClipInputError } from '../../../lib/errors';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { saveClip, updateEntry } from '../../../lib/store/item-writes';

let db: ClipperDb;
afterEach(() => db?.close());

async function story() {
  db = openDatabase(`entry-${Math.random()}`);
  const ctx = (id: string) => ({ now: 1_000, weekId: '2026-01-26', newId: () => id, defaultSectionId: 'briefs' });
  const page = (n: number) => ({
    pageUrl: `https://e.com/${n}`,
    canonicalUrl: `https://e.com/${n}`,
    title: `P${n}`,
    source: 'S',
  });
  const { item } = await saveClip(db, { ...page(1), summary: 'before' }, ctx('a'));
  return { itemId: item?.id as string, sourceId: item?.sourceIds[0] as string };
}

describe('updateEntry: what the full editor saves', () => {
  it('writes the item and its corrected sources together', async () => {
    const { itemId, sourceId } = await story();
    const saved = await updateEntry(
      db,
      itemId,
      { tags: ['AI'] },
      [{ id: sourceId, patch: { title: 'P1, corrected' } }],
      2_000,
    );
    expect(saved.tags).toEqual(['AI']);
    expect(saved.sources[0]?.title).toBe('P1, corrected');
  });

  it('writes nothing when one part is refused: the item keeps its words, the page its title', async () => {
    const { itemId, sourceId } = await story();
    await expect(
      updateEntry(db, itemId, { summary: 'after', tags: ['AI'] }, [{ id: sourceId, patch: { title: '   ' } }], 2_000),
    ).rejects.toBeInstanceOf(ClipInputError);
    const [item, source] = [await db.items.get(itemId), await db.sources.get(sourceId)];
    expect([item?.summary, item?.tags, source?.title]).toEqual(['before', [], 'P1']);
  });

  it('refuses a summary over the limit with a message instead of cutting it (it used to end in “…”)', async () => {
    const { itemId } = await story();
    const long = '长'.repeat(10_000);
    await expect(updateEntry(db, itemId, { summary: long }, [], 2_000)).rejects.toMatchObject({
      code: 'text.too-long',
      params: { max: 2_000 },
    });
    expect((await db.items.get(itemId))?.summary).toBe('before');
    const ctx = { now: 3_000, weekId: '2026-01-26', newId: () => 'b', defaultSectionId: 'briefs' };
    const page = { pageUrl: 'https://e.com/2', canonicalUrl: 'https://e.com/2', title: 'P2', source: 'S' };
    await expect(saveClip(db, { ...page, summary: long }, ctx)).rejects.toBeInstanceOf(ClipInputError);
    expect(await db.sources.count()).toBe(1);
  });

  it('keeps the quotes ticked to show under the item, with their own clock, through a backup and restore', async () => {
    const { itemId, sourceId } = await story();
    const key = `${sourceId}/abc.def`;
    const saved = await updateEntry(db, itemId, { shownQuotes: [key, key] }, [], 2_000);
    expect(saved.shownQuotes).toEqual([key]);
    const stored = await db.items.get(itemId);
    expect(stored?.clocks?.shownQuotes?.at).toMatch(/^2000@/);
    const parsed = parseBackup(await createBackup(db));
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.issues).toEqual([]);
    const other = openDatabase(`entry-${Math.random()}`);
    await applyRestore(other, parsed.backup, 3_000);
    expect((await other.items.get(itemId))?.shownQuotes).toEqual([key]);
    other.close();
  });
});
