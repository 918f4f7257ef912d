import { cleanUrl } from '../capture/url';
import type { Item, Source, WeekItem } from '../types';
import type { ClipperDb } from './db';

/**
 * Which items cite a page, here and in other weeks: what a re-clip, the draft checks and the writes
 * ask. Kept out of lib/store/items.ts (the week the popup shows at start-up), with the URL cleaning
 * it needs.
 */

/** The source of a page, found by its canonical URL as saving would clean it. */
export function findSourceByUrl(db: ClipperDb, url: string): Promise<Source | undefined> {
  return db.sources.where('canonicalUrl').equals(cleanUrl(url)).first();
}

/**
 * The source clipped from an address whose link was corrected since (its canonical address then
 * differs). Only a corrected one: two articles may share the address they were read at (a page
 * that shows one story after another), and each keeps its own canonical address.
 */
export async function findSourceByPage(db: ClipperDb, pageUrl: string): Promise<Source | undefined> {
  const found = await db.sources
    .where('pageUrl')
    .anyOf([...new Set([pageUrl, cleanUrl(pageUrl)])])
    .toArray();
  return found.find(corrected);
}

/** Whether a source's link was changed after it was clipped (its canonical address has a clock of its own). */
export const corrected = (source: Source): boolean => source.clocks?.canonicalUrl !== undefined;

/** The live items citing a source, oldest week first. */
export async function itemsCiting(db: ClipperDb, sourceId: string): Promise<Item[]> {
  const items = await db.items.where('sourceIds').equals(sourceId).toArray();
  return items.filter((i) => i.deletedAt === undefined).sort((a, b) => (a.weekId < b.weekId ? -1 : 1));
}

/** Where this week's sources were cited in other weeks, through the sourceIds index. */
export async function earlierUses(
  db: ClipperDb,
  items: readonly WeekItem[],
): Promise<{ sourceId: string; weekId: string; issue?: string }[]> {
  const sourceIds = [...new Set(items.flatMap((i) => i.sourceIds))];
  if (sourceIds.length === 0) return [];
  const weekIds = new Set(items.map((i) => i.weekId));
  const citing = (await db.items.where('sourceIds').anyOf(sourceIds).distinct().toArray()).filter(
    (i) => !weekIds.has(i.weekId) && i.deletedAt === undefined,
  );
  // A published week is named by its issue, which the draft checks quote.
  const weeks = await db.weeks.bulkGet([...new Set(citing.map((i) => i.weekId))]);
  const issues = new Map(weeks.flatMap((w) => (w?.published ? [[w.id, w.published.issue] as const] : [])));
  return citing.flatMap((i) =>
    i.sourceIds
      .filter((id) => sourceIds.includes(id))
      .map((sourceId) => {
        const issue = issues.get(i.weekId);
        return issue ? { sourceId, weekId: i.weekId, issue } : { sourceId, weekId: i.weekId };
      }),
  );
}
