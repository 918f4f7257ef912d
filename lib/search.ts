import type { ClipperDb } from './db';
import { queryTokens, searchableText } from './search-terms';
import type { Clip } from './types';

export interface SearchFilters {
  tag?: string;
  source?: string;
}

const MAX_RESULTS = 200;

/** Results load in one batch up to this many candidates; beyond it, newest first until full. */
const BATCH_LIMIT = 400;

/**
 * Clips (not trashed) whose title, summary, note, quotes, source or tags contain every word of
 * the query, newest first. Each token is looked up through the `terms` index (keys only) and
 * the id sets are intersected; the survivors are checked against the query as text. When many
 * clips match, they are read newest first and reading stops once the page of results is full.
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

  let ids: Set<string>;
  if (tokens.length > 0) {
    const sets = await Promise.all(
      tokens.map(async (t) => {
        const range = t.prefix ? db.clips.where('terms').startsWith(t.key) : db.clips.where('terms').equals(t.key);
        return new Set((await range.primaryKeys()) as string[]);
      }),
    );
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
    ids = new Set([...smallest].filter((id) => rest.every((set) => set.has(id))));
  } else if (filters.tag) {
    ids = new Set((await db.clips.where('tags').equals(filters.tag).primaryKeys()) as string[]);
  } else {
    return [];
  }
  if (ids.size === 0) return [];

  if (ids.size <= BATCH_LIMIT) {
    const clips = (await db.clips.bulkGet([...ids])).filter((c): c is Clip => c !== undefined && matches(c));
    return clips.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_RESULTS);
  }
  return db.clips
    .orderBy('updatedAt')
    .reverse()
    .filter((clip) => ids.has(clip.id) && matches(clip))
    .limit(MAX_RESULTS)
    .toArray();
}
