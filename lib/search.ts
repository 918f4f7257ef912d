import type { ClipperDb } from './db';
import { queryTokens, searchableText } from './search-terms';
import type { Clip } from './types';

export interface SearchFilters {
  tag?: string;
  source?: string;
}

const MAX_RESULTS = 200;

/**
 * Clips (not trashed) whose title, summary, note, quotes, source or tags contain every word of
 * the query. The rarest-looking token (the longest) is looked up through the `terms` index;
 * the candidates are then checked against the whole query as text.
 */
export async function searchClips(db: ClipperDb, query: string, filters: SearchFilters = {}): Promise<Clip[]> {
  const tokens = queryTokens(query);
  const needle = query
    .toLowerCase()
    .normalize('NFKC')
    .split(/\s+/)
    .filter((w) => w !== '');
  let candidates: Clip[];
  if (tokens.length > 0) {
    const probe = [...tokens].sort((a, b) => b.key.length - a.key.length)[0] as (typeof tokens)[number];
    const range = probe.prefix
      ? db.clips.where('terms').startsWith(probe.key)
      : db.clips.where('terms').equals(probe.key);
    const ids = [...new Set((await range.primaryKeys()) as string[])];
    candidates = (await db.clips.bulkGet(ids)).filter((c): c is Clip => c !== undefined);
  } else if (filters.tag) {
    candidates = await db.clips.where('tags').equals(filters.tag).toArray();
  } else {
    return [];
  }
  const results = candidates.filter((clip) => {
    if (clip.deletedAt !== undefined) return false;
    if (filters.tag && !clip.tags.includes(filters.tag)) return false;
    if (filters.source && clip.source !== filters.source) return false;
    const text = searchableText(clip).join('\n').toLowerCase().normalize('NFKC');
    return needle.every((word) => text.includes(word));
  });
  return results.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_RESULTS);
}
