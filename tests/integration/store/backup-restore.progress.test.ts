import { describe, expect, it } from 'vitest';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import type { ClipperDb } from '../../../lib/store/db';
import type { Item, Source } from '../../../lib/types';
import { freshDb, parsed, seed } from './backup-fixtures';

const NOW = Date.parse('2026-12-01T00:00:00Z');

/** A backup of the seed plus `n` more pages, each cited by one item. */
async function bigBackup(n: number): Promise<string> {
  const db = freshDb();
  await seed(db);
  const sources: Source[] = [];
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    sources.push({
      id: `s${i}`,
      pageUrl: `https://big.example/${i}`,
      canonicalUrl: `https://big.example/${i}`,
      title: `Page ${i}`,
      source: 'Big',
      quotes: [],
      createdAt: 1,
      updatedAt: 1,
    });
    items.push({
      id: `i${i}`,
      weekId: '2026-01-26',
      sectionId: 'briefs',
      // (An order key may not end in 0: such records would be skipped as invalid.)
      order: `b${String(i).padStart(5, '0')}v`,
      summary: `Summary ${i}`,
      note: '',
      tags: [],
      sourceIds: [`s${i}`],
      createdAt: 1,
      updatedAt: 1,
    });
  }
  await db.sources.bulkPut(sources);
  await db.items.bulkPut(items);
  return createBackup(db);
}

const counts = async (db: ClipperDb) => [await db.sources.count(), await db.items.count(), await db.weeks.count()];

describe('applyRestore progress and cancel', () => {
  it('reports its progress in chunks, up to every source and item it writes', async () => {
    const text = await bigBackup(1_200);
    const target = freshDb();
    const reports: [number, number, string][] = [];
    await applyRestore(target, parsed(text), NOW, {
      onProgress: (done, total, stage) => reports.push([done, total, stage]),
    });
    const [sources, items] = await counts(target);
    const total = (sources as number) + (items as number);
    // First the records, then the search index's rows: each stage counts up to its own total.
    const records = reports.filter(([, , stage]) => stage === 'records');
    const index = reports.filter(([, , stage]) => stage === 'index');
    expect(reports.map(([, , stage]) => stage)).toEqual([...records, ...index].map(([, , stage]) => stage));
    expect(records.length).toBeGreaterThanOrEqual(5);
    expect(records.every(([, t]) => t === total)).toBe(true);
    expect(records.map(([done]) => done)).toEqual([...records.map(([done]) => done)].sort((a, b) => a - b));
    expect(records.at(-1)?.slice(0, 2)).toEqual([total, total]);
    expect(index.length).toBeGreaterThanOrEqual(1);
    const [rows, rowTotal] = index.at(-1) as [number, number, string];
    expect(rows).toBe(rowTotal);
    expect(await target.postings.count()).toBe(rowTotal);
  });

  it('keeps nothing when cancelled before the commit, and restores whole when run again', async () => {
    const text = await bigBackup(1_200);
    const target = freshDb();
    await seed(target);
    const before = await createBackup(target);
    const controller = new AbortController();
    await expect(
      applyRestore(target, parsed(text), NOW, {
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 1_000) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'restore.cancelled' });
    expect(await createBackup(target)).toBe(before);

    // A cancel during the very last chunk is still a cancel.
    const late = new AbortController();
    await expect(
      applyRestore(target, parsed(text), NOW, {
        signal: late.signal,
        onProgress: (done, total, stage) => {
          if (stage === 'records' && done === total) late.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'restore.cancelled' });
    expect(await createBackup(target)).toBe(before);

    // And while the search index is written: the records written before it are rolled back too.
    const indexing = new AbortController();
    const postings = await target.postings.count();
    await expect(
      applyRestore(target, parsed(text), NOW, {
        signal: indexing.signal,
        onProgress: (_done, _total, stage) => {
          if (stage === 'index') indexing.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'restore.cancelled' });
    expect(await createBackup(target)).toBe(before);
    expect(await target.postings.count()).toBe(postings);

    const summary = await applyRestore(target, parsed(text), NOW);
    expect(summary.added).toBeGreaterThanOrEqual(2_400);
    expect(await target.items.get('i1199')).toMatchObject({ summary: 'Summary 1199' });
  });
});
