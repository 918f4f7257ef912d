import type { Item, LegacyClip, Source } from '../types';
import { DEFAULT_SECTIONS } from './defaults';

/**
 * Clips of schema versions 1–2 (and backup version 1) as sources and items. Used by the
 * version 3 upgrade and by restore of an old backup, so both give the same records.
 *
 * Each clip becomes a source with the clip's id (its page fields and quotes) and, unless it
 * belongs to a story, an item with the same id (its section, order, summary, note, tags). A story
 * (clips of one week sharing a `storyId`) becomes one item, with the id, place and order of its
 * first clip, citing every clip's source in order; it keeps the first summary written, every
 * note (blank-line separated) and every tag.
 */
export function itemsFromClips(clips: readonly LegacyClip[]): { sources: Source[]; items: Item[] } {
  const sources: Source[] = [];
  const items: Item[] = [];
  const stories = new Map<string, Item>();
  const ordered = [...clips].sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
  for (const clip of ordered) {
    const source: Source = {
      id: clip.id,
      pageUrl: clip.pageUrl,
      canonicalUrl: clip.canonicalUrl,
      title: clip.title,
      source: clip.source,
      quotes: clip.quotes.map((q) => ({ ...q })),
      createdAt: clip.createdAt,
      updatedAt: clip.updatedAt,
    };
    if (clip.author !== undefined) source.author = clip.author;
    if (clip.publishedAt !== undefined) source.publishedAt = clip.publishedAt;
    if (clip.excerpt !== undefined) source.excerpt = clip.excerpt;
    if (clip.lang !== undefined) source.lang = clip.lang;
    sources.push(source);

    const storyKey = clip.storyId ? `${clip.weekId}\u0000${clip.storyId}` : undefined;
    const story = storyKey ? stories.get(storyKey) : undefined;
    // A trashed clip does not join a live story (nor a live one a trashed story).
    if (story && (story.deletedAt === undefined) === (clip.deletedAt === undefined)) {
      story.sourceIds.push(clip.id);
      if (!story.summary.trim()) story.summary = clip.summary;
      if (clip.note.trim()) story.note = story.note.trim() ? `${story.note}\n\n${clip.note}` : clip.note;
      story.tags = [...new Set([...story.tags, ...clip.tags])];
      story.createdAt = Math.min(story.createdAt, clip.createdAt);
      story.updatedAt = Math.max(story.updatedAt, clip.updatedAt);
      continue;
    }
    const item: Item = {
      id: clip.id,
      weekId: clip.weekId,
      sectionId: clip.sectionId,
      order: clip.order,
      summary: clip.summary,
      note: clip.note,
      tags: [...clip.tags],
      sourceIds: [clip.id],
      createdAt: clip.createdAt,
      updatedAt: clip.updatedAt,
    };
    if (clip.deletedAt !== undefined) item.deletedAt = clip.deletedAt;
    items.push(item);
    if (storyKey && !story) stories.set(storyKey, item);
  }
  return { sources, items };
}

/** English names for the default sections an editor kept, so English drafts are English. */
export function withEnglishNames<T extends { id: string; name: string; nameEn?: string }>(section: T): T {
  const known = DEFAULT_SECTIONS.find((d) => d.id === section.id && d.name === section.name);
  return known && !section.nameEn ? { ...section, nameEn: known.nameEn } : section;
}
