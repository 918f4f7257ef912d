import type { Clip } from '../types';
import type { ClipperDb } from './db';
import { queryTokens, searchableText } from './search-terms';

export interface SearchFilters {
  tag?: string;
  source?: string;
}

const MAX_RESULTS = 50;

/** Candidates are read in one batch up to this many; beyond it, newest first until full. */
const BATCH_LIMIT = 300;

/**
 * Clips (not trashed) whose title, summary, note, quotes, source or tags contain every word of
 * the query, newest first (at most 50). The rarest token is looked up through the `terms`
 * index and its clips are checked against the whole query as text. When every token is common,
 * clips are read newest first and reading stops once the page of results is full.
 */
export async function searchClips(db: ClipperDb, query: string, filters: SearchFilters = {}): Promise<Clip[]> {
  const tokens = queryTokens(query);
  const needle = query
    .toLowerCase()
    .normalize('NFKC')
    .split(/\s+/)
    .filter((w) => w !== '');
  const matches = (clip: Clip) => {
    if (clip.deletedAt !== undefined) return false;
    if (filters.tag && !clip.tags.includes(filters.tag)) return false;
    if (filters.source && clip.source !== filters.source) return false;
    const text = searchableText(clip).join('\n').toLowerCase().normalize('NFKC');
    return needle.every((word) => text.includes(word));
  };

  if (tokens.length === 0 && !filters.tag) return [];
  const ranges = tokens.map((t) =>
    t.prefix ? db.clips.where('terms').startsWith(t.key) : db.clips.where('terms').equals(t.key),
  );
  if (tokens.length === 0 && filters.tag) ranges.push(db.clips.where('tags').equals(filters.tag));
  // Counting walks the index without reading clips; the rarest token decides the plan.
  const counts = await Promise.all(ranges.map((r) => r.count()));
  const rarest = counts.indexOf(Math.min(...counts));
  if (counts[rarest] === 0) return [];

  if ((counts[rarest] as number) <= BATCH_LIMIT) {
    const ids = [...new Set((await (ranges[rarest] as (typeof ranges)[number]).primaryKeys()) as string[])];
    const clips = (await db.clips.bulkGet(ids)).filter((c): c is Clip => c !== undefined && matches(c));
    return clips.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_RESULTS);
  }
  // Every token is common: newest first, stopping as soon as the page of results is full.
  return db.clips.orderBy('updatedAt').reverse().filter(matches).limit(MAX_RESULTS).toArray();
}
