import type { Item, Source, WeekItem } from '../types';
import { weekIdFor, weekOptionsOf } from '../week';
import type { ClipperDb } from './db';
import { getSettings } from './settings-read';

/**
 * Reading sources (pages as captured) and items (the editor's entries in a week's sections).
 * Writing them is lib/store/item-writes.ts, loaded when the editor first changes something,
 * so opening the popup reads only what it shows.
 */

/** How many items (trash included) the current week holds, for the toolbar badge; index-only. */
export async function currentWeekCount(db: ClipperDb, now: number): Promise<number> {
  const settings = await getSettings(db);
  return db.items
    .where('weekId')
    .equals(weekIdFor(now, weekOptionsOf(settings)))
    .count();
}

/** Items with their sources read (one bulk read for all of them). */
export async function withSources(db: ClipperDb, items: readonly Item[]): Promise<WeekItem[]> {
  const ids = [...new Set(items.flatMap((i) => i.sourceIds))];
  const sources = new Map((await db.sources.bulkGet(ids)).filter((s) => s !== undefined).map((s) => [s.id, s]));
  return items.map((item) => ({
    ...item,
    sources: item.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined),
  }));
}

/** The week's items (trash excluded) with their sources, through the weekId index only. */
export async function listWeek(db: ClipperDb, weekId: string): Promise<WeekItem[]> {
  const items = await db.items
    .where('weekId')
    .equals(weekId)
    .filter((c) => c.deletedAt === undefined)
    .toArray();
  return withSources(db, items);
}

export async function listTrash(db: ClipperDb): Promise<WeekItem[]> {
  const items = await db.items.where('deletedAt').above(0).reverse().sortBy('deletedAt');
  return withSources(db, items);
}

/** Every tag in use, for autocomplete (read from the tags index, not the items). */
export async function allTags(db: ClipperDb): Promise<string[]> {
  return (await db.items.orderBy('tags').uniqueKeys()) as string[];
}

/** The weeks that have items, newest first, with their counts. */
export async function weeksWithCounts(db: ClipperDb): Promise<{ weekId: string; count: number }[]> {
  // One read of the weekId index's keys, less the (few) trashed items: no item is read.
  const [keys, trashed] = await Promise.all([
    db.items.orderBy('weekId').keys() as Promise<string[]>,
    db.items.where('deletedAt').above(0).toArray(),
  ]);
  const counts = new Map<string, number>();
  for (const weekId of keys) counts.set(weekId, (counts.get(weekId) ?? 0) + 1);
  for (const item of trashed) counts.set(item.weekId, (counts.get(item.weekId) ?? 0) - 1);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([weekId, count]) => ({ weekId, count }))
    .sort((a, b) => (a.weekId < b.weekId ? 1 : -1));
}
