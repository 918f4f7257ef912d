import type { Item, WeekItem } from '../types';
import type { ClipperDb } from './db';
import { withSources } from './items';
import { CAPPED_TERM, hasWord, queryTokens, queryWords, searchableText } from './search-terms';
import { idsWithTerm } from './term-index';

export interface SearchFilters {
  tag?: string;
  /** A publisher name: items citing a source of it. */
  source?: string;
}

const MAX_RESULTS = 50;

/**
 * Up to this many candidates are read whole and ordered by time (about 0.1 ms an item in Chromium
 * here); beyond it the `updatedAt` index is walked newest first.
 */
const SPARSE_LIMIT = 2000;
/**
 * Keys of the `updatedAt` index read first when candidates are many. Reading index keys newest
 * first walks a cursor (about 20 µs a key in Chromium here), so the first page is small.
 */
const FIRST_PAGE = 200;

/**
 * Items (not trashed) whose summary, note, tags or sources' titles, publishers and quotes
 * contain every word of the query, newest first (at most 50). Each token's items come from the
 * search index (lib/store/term-index.ts) and are intersected; the survivors are checked against
 * the whole query as text. When many items survive, they are read newest first through the
 * `updatedAt` index, page by page, until the results are full.
 */
export async function searchItems(db: ClipperDb, query: string, filters: SearchFilters = {}): Promise<WeekItem[]> {
  const tokens = queryTokens(query);
  const needle = queryWords(query);
  const matches = (item: WeekItem) => {
    if (item.deletedAt !== undefined) return false;
    if (filters.tag && !item.tags.includes(filters.tag)) return false;
    if (filters.source && !item.sources.some((s) => s.source === filters.source)) return false;
    const text = searchableText(item, item.sources).join('\n').toLowerCase().normalize('NFKC');
    return needle.every((word) => hasWord(text, word));
  };
  if (needle.length === 0 && !filters.tag) return [];

  return db.transaction('r', db.items, db.sources, db.postings, async () => {
    // Each token's item ids, as the index stores them: lists, not sets. A common word lists most
    // items, and building a set of tens of thousands of ids costs more than reading them (measured:
    // 17 ms to read 50,000 ids, 40 ms more to put them in a set), so lists are only scanned.
    // Items with more keys than are kept (lib/store/search-terms.ts) are candidates for every token.
    const capped = tokens.length > 0 ? await idsWithTerm(db.postings, CAPPED_TERM, false) : [];
    const lists =
      tokens.length > 0
        ? await Promise.all(
            tokens.map((t) =>
              idsWithTerm(db.postings, t.key, t.prefix).then((ids) => (capped.length > 0 ? [...ids, ...capped] : ids)),
            ),
          )
        : filters.tag
          ? [(await db.items.where('tags').equals(filters.tag).primaryKeys()) as string[]]
          : [];
    /** The ids among `ids` that every token lists (scanning the lists, never building a set of one). */
    const inAll = (ids: Iterable<string>, lists: string[][]) => {
      let kept = new Set(ids);
      for (const list of lists) {
        const seen = new Set<string>();
        for (const id of list) if (kept.has(id)) seen.add(id);
        kept = seen;
      }
      return kept;
    };
    const found: WeekItem[] = [];
    const live = (items: (Item | undefined)[]) =>
      items.filter((c): c is Item => c !== undefined && c.deletedAt === undefined);
    /**
     * Checks items (or ids, read as needed) newest first against the whole query, in small batches,
     * until the results are full: nearly every candidate matches, so about fifty are read.
     */
    const fill = async (newest: (Item | string)[]) => {
      for (let i = 0; i < newest.length && found.length < MAX_RESULTS; ) {
        const batch = newest.slice(i, i + Math.max(MAX_RESULTS - found.length, 10));
        i += batch.length;
        const ids = batch.filter((x): x is string => typeof x === 'string');
        const items = ids.length > 0 ? live(await db.items.bulkGet(ids)) : (batch as Item[]);
        found.push(...(await withSources(db, items)).filter(matches));
      }
    };

    // A query of signs alone (`-`, `#`) has no key in the index (no lists): every item is a candidate,
    // read newest first like the many-candidates case below, fifty found at most.
    if (lists.length > 0) {
      lists.sort((a, b) => a.length - b.length);
      const [shortest, ...others] = lists as [string[], ...string[][]];
      if (shortest.length === 0) return [];
      if (shortest.length <= SPARSE_LIMIT) {
        // Few candidates: read them all and order them by time.
        const items = live(await db.items.bulkGet([...inAll(shortest, others)]));
        await fill(items.sort((a, b) => b.updatedAt - a.updatedAt));
        return found;
      }
    }
    // Many candidates: the newest items a page at a time (pages growing fourfold), kept if every
    // token lists them.
    let offset = 0;
    for (let page = FIRST_PAGE; found.length < MAX_RESULTS; page *= 4) {
      const keys = (await db.items.orderBy('updatedAt').reverse().offset(offset).limit(page).primaryKeys()) as string[];
      offset += keys.length;
      const kept = inAll(keys, lists);
      await fill(keys.filter((id) => kept.has(id)));
      if (keys.length < page) break;
    }
    return found.slice(0, MAX_RESULTS);
  });
}
