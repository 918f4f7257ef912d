import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { saveClip, updateItem } from '../../../lib/store/item-writes';
import { readDoc, toDoc } from '../../../lib/sync/docs';

/** A machine-drafted summary keeps its mark through save, backup, restore and sync until the editor edits or accepts it. */
let db: ClipperDb;
afterEach(() => db?.close());

const page = { pageUrl: 'https://e.com/1', canonicalUrl: 'https://e.com/1', title: 'P1', source: 'Reuters' };
const ctx = { now: 1_000, weekId: '2026-01-26', newId: () => crypto.randomUUID(), defaultSectionId: 'briefs' };

async function drafted(summary = '  美国国务院裁员 1,300 人。 ') {
  db = openDatabase(`drafted-${Math.random()}`);
  const { item } = await saveClip(db, { ...page, summary, drafted: [summary] }, ctx);
  return item?.id as string;
}

describe('drafted marks', () => {
  it('are stored with a summary saved untouched, as the summary is cleaned', async () => {
    const id = await drafted();
    expect(await db.items.get(id)).toMatchObject({
      summary: '美国国务院裁员 1,300 人。',
      drafted: ['美国国务院裁员 1,300 人。'],
    });
  });

  it('are not stored for a summary the editor changed before saving', async () => {
    db = openDatabase(`drafted-${Math.random()}`);
    const { item } = await saveClip(db, { ...page, summary: 'mine', drafted: ['the machine’s'] }, ctx);
    expect(item?.drafted).toBeUndefined();
  });

  it('end when the editor edits the summary, or accepts it', async () => {
    const id = await drafted();
    expect((await updateItem(db, id, { summary: '美国国务院裁员约 1,300 人。' }, 2_000)).drafted).toBeUndefined();
    const other = await drafted();
    expect((await updateItem(db, other, { drafted: [] }, 2_000)).drafted).toBeUndefined();
    expect((await db.items.get(other))?.summary).toBe('美国国务院裁员 1,300 人。');
  });

  it('survive a backup and its restore, and a team document both ways', async () => {
    const id = await drafted();
    const parsed = parseBackup(await createBackup(db));
    if (!parsed.ok) throw new Error('refused');
    expect(parsed.issues).toEqual([]);
    const other = openDatabase(`drafted-${Math.random()}`);
    await applyRestore(other, parsed.backup, 3_000);
    expect((await other.items.get(id))?.drafted).toEqual(['美国国务院裁员 1,300 人。']);
    other.close();
    const item = await db.items.get(id);
    const doc = toDoc({ kind: 'item', record: item as never });
    const reading = readDoc(JSON.parse(JSON.stringify({ ...doc, _rev: '1-a' })));
    expect(reading.ok && reading.exact).toBe(true);
    if (reading.ok) expect((reading.entry.record as { drafted?: string[] }).drafted).toEqual(item?.drafted);
  });
});
