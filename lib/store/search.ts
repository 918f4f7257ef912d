import type { Item, WeekItem } from '../types';
import type { ClipperDb } from './db';
import { withSources } from './items';
import { queryTokens, searchableText } from './search-terms';
import { idsWithTerm } from './term-index';

export interface SearchFilters {
  tag?: string;
  /** A publisher name: items citing a source of it. */
  source?: string;
}

const MAX_RESULTS = 50;

/** Candidates are read in one batch up to this many; beyond it, newest first until full. */
const BATCH_LIMIT = 300;
/** Keys of the `updatedAt` index read at a time when candidates are many. */
const PAGE = 2000;

/**
 * Items (not trashed) whose summary, note, tags or sources' titles, publishers and quotes
 * contain every word of the query, newest first (at most 50). Each token's items come from the
 * search index (lib/store/term-index.ts) and are intersected; the survivors are checked against
 * the whole query as text. When many items survive, they are read newest first through the
 * `updatedAt` index, page by page, until the results are full.
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

  return db.transaction('r', db.items, db.sources, db.postings, async () => {
    let candidates: Set<string>;
    if (tokens.length === 0) {
      candidates = new Set(
        (await db.items
          .where('tags')
          .equals(filters.tag as string)
          .primaryKeys()) as string[],
      );
    } else {
      const sets = await Promise.all(tokens.map((t) => idsWithTerm(db.postings, t.key, t.prefix)));
      sets.sort((a, b) => a.size - b.size);
      candidates = sets[0] as Set<string>;
      for (const set of sets.slice(1)) candidates = new Set([...candidates].filter((id) => set.has(id)));
    }
    if (candidates.size === 0) return [];

    const checked = async (ids: string[]) => {
      const items = (await db.items.bulkGet(ids)).filter(
        (c): c is Item => c !== undefined && c.deletedAt === undefined,
      );
      return (await withSources(db, items)).filter(matches);
    };
    if (candidates.size <= BATCH_LIMIT) {
      const found = await checked([...candidates]);
      return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_RESULTS);
    }
    // Many candidates: newest first, a page of keys at a time; only as many candidates are read
    // as it takes to fill the results (nearly all of them match the text, so about fifty).
    const found: WeekItem[] = [];
    for (let offset = 0; found.length < MAX_RESULTS; offset += PAGE) {
      const keys = (await db.items.orderBy('updatedAt').reverse().offset(offset).limit(PAGE).primaryKeys()) as string[];
      if (keys.length === 0) break;
      const newest = keys.filter((id) => candidates.has(id));
      for (let i = 0; i < newest.length && found.length < MAX_RESULTS; ) {
        const batch = newest.slice(i, i + Math.max(MAX_RESULTS - found.length, 10));
        i += batch.length;
        found.push(...(await checked(batch)));
      }
    }
    return found.slice(0, MAX_RESULTS);
  });
}
