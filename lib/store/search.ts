import type { Item, WeekItem } from '../types';
import type { ClipperDb } from './db';
import { withSources } from './items';
import { queryTokens, searchableText } from './search-terms';

export interface SearchFilters {
  tag?: string;
  /** A publisher name: items citing a source of it. */
  source?: string;
}

const MAX_RESULTS = 50;

/** Candidates are read in one batch up to this many; beyond it, newest first until full. */
const BATCH_LIMIT = 300;

/**
 * Items (not trashed) whose summary, note, tags or sources' titles, publishers and quotes
 * contain every word of the query, newest first (at most 50). The rarest token is looked up
 * through the `terms` index and its items are checked against the whole query as text. When
 * every token is common, items are read newest first and reading stops once the page is full.
 */
export async function searchItems(db: ClipperDb, query: string, filters: SearchFilters = {}): Promise<WeekItem[]> {
  const tokens = queryTokens(query);
  const needle = query
    .toLowerCase()
    .normalize('NFKC')
    .split(/\s+/)
    .filter((w) => w !== '');
  const matches = (item: WeekItem) => {
    if (item.deletedAt !== undefined) return false;
    if (filters.tag && !item.tags.includes(filters.tag)) return false;
    if (filters.source && !item.sources.some((s) => s.source === filters.source)) return false;
    const text = searchableText(item, item.sources).join('\n').toLowerCase().normalize('NFKC');
    return needle.every((word) => text.includes(word));
  };

  if (tokens.length === 0 && !filters.tag) return [];
  const ranges = tokens.map((t) =>
    t.prefix ? db.items.where('terms').startsWith(t.key) : db.items.where('terms').equals(t.key),
  );
  if (tokens.length === 0 && filters.tag) ranges.push(db.items.where('tags').equals(filters.tag));
  // Counting walks the index without reading items; the rarest token decides the plan.
  const counts = await Promise.all(ranges.map((r) => r.count()));
  const rarest = counts.indexOf(Math.min(...counts));
  if (counts[rarest] === 0) return [];

  if ((counts[rarest] as number) <= BATCH_LIMIT) {
    const ids = [...new Set((await (ranges[rarest] as (typeof ranges)[number]).primaryKeys()) as string[])];
    const items = (await db.items.bulkGet(ids)).filter((c): c is Item => c !== undefined && c.deletedAt === undefined);
    const found = (await withSources(db, items)).filter(matches);
    return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_RESULTS);
  }
  // Every token is common: newest first, in pages, stopping as soon as the results are full.
  const found: WeekItem[] = [];
  let offset = 0;
  while (found.length < MAX_RESULTS) {
    const page = await db.items.orderBy('updatedAt').reverse().offset(offset).limit(200).toArray();
    if (page.length === 0) break;
    offset += page.length;
    for (const item of await withSources(db, page)) if (matches(item)) found.push(item);
  }
  return found.slice(0, MAX_RESULTS);
}
