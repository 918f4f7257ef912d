import type { EntityTable } from 'dexie';
import { fnv1a } from '../text';

/**
 * The search index: one row per search key and shard, listing the ids of the items that have the
 * key (docs/performance.md, "Search"). An item's keys live in one place (its `terms` field, not
 * indexed) and are mirrored here in the same transaction as the item, so a record costs a handful
 * of index entries instead of one per key, and a query reads a few rows instead of walking an index.
 *
 * A row's key is the term, a separator below every character a term can hold, and the shard: the
 * rows of one term are adjacent (an exact term is one short range, a prefix one longer range).
 * Shards keep a common word's ids in several rows, so saving one item rewrites a small row.
 */
export interface TermRow {
  key: string;
  ids: string[];
}

/** Terms are runs of letters and digits (lib/store/search-terms.ts): never this character. */
const SEPARATOR = '\u0001';
const SHARDS = 16;

/** A stable shard for an id. */
const shardOf = (id: string) => (fnv1a(id) % SHARDS).toString(16);

const rowKey = (term: string, id: string) => `${term}${SEPARATOR}${shardOf(id)}`;

/** The range of row keys holding a term (exact) or every term starting with it (prefix). */
function termRange(term: string, prefix: boolean): [string, string] {
  return prefix ? [term, `${term}\uffff`] : [`${term}${SEPARATOR}`, `${term}\u0002`];
}

/** One item's keys before and after a write (`undefined`: the item did not exist / is gone). */
export interface TermChange {
  id: string;
  before?: readonly string[];
  after?: readonly string[];
}

/** Rows read and written at a time, so a large restore can report progress and be cancelled. */
const ROW_CHUNK = 2000;

/**
 * Brings the index in line with the given changes. Must run inside the transaction that writes the
 * items (with the postings store in its scope), so the index never disagrees with the records.
 */
export async function indexTerms(
  postings: EntityTable<TermRow, 'key'>,
  changes: readonly TermChange[],
  onChunk?: (done: number, total: number) => void,
  /** The index is known to be empty: its rows are written without being read first. */
  empty = false,
): Promise<void> {
  const adds = new Map<string, string[]>();
  const removes = new Map<string, Set<string>>();
  for (const { id, before = [], after = [] } of changes) {
    const old = new Set(before);
    const next = new Set(after);
    for (const term of next) {
      if (old.has(term)) continue;
      const key = rowKey(term, id);
      const list = adds.get(key);
      if (list) list.push(id);
      else adds.set(key, [id]);
    }
    for (const term of old) {
      if (next.has(term)) continue;
      const key = rowKey(term, id);
      const set = removes.get(key);
      if (set) set.add(id);
      else removes.set(key, new Set([id]));
    }
  }
  const keys = [...new Set([...adds.keys(), ...removes.keys()])];
  for (let i = 0; i < keys.length; i += ROW_CHUNK) {
    const chunk = keys.slice(i, i + ROW_CHUNK);
    const rows = empty ? [] : await postings.bulkGet(chunk);
    const puts: TermRow[] = [];
    const deletes: string[] = [];
    chunk.forEach((key, n) => {
      const gone = removes.get(key);
      const ids = new Set((rows[n]?.ids ?? []).filter((id) => !gone?.has(id)));
      for (const id of adds.get(key) ?? []) ids.add(id);
      if (ids.size > 0) puts.push({ key, ids: [...ids] });
      else if (rows[n]) deletes.push(key);
    });
    if (puts.length > 0) await postings.bulkPut(puts);
    if (deletes.length > 0) await postings.bulkDelete(deletes);
    onChunk?.(Math.min(i + ROW_CHUNK, keys.length), keys.length);
  }
}

/** The index rows for items written all at once into an empty index (bulk loads, the bench). */
export function postingRows(items: readonly { id: string; terms?: readonly string[] }[]): TermRow[] {
  const rows = new Map<string, string[]>();
  for (const { id, terms = [] } of items)
    for (const term of new Set(terms)) {
      const key = rowKey(term, id);
      const ids = rows.get(key);
      if (ids) ids.push(id);
      else rows.set(key, [id]);
    }
  return [...rows].map(([key, ids]) => ({ key, ids }));
}

/**
 * The ids of items having the term (or, for a prefix, any term starting with it), as stored: an
 * id may appear more than once under a prefix (once per matching term).
 */
export async function idsWithTerm(
  postings: EntityTable<TermRow, 'key'>,
  term: string,
  prefix: boolean,
): Promise<string[]> {
  const [lower, upper] = termRange(term, prefix);
  // One getAll over the range: faster than a cursor for the few rows an exact term has.
  const rows = await postings.where('key').between(lower, upper, true, false).toArray();
  return rows.length === 1 ? (rows[0] as TermRow).ids : rows.flatMap((row) => row.ids);
}
