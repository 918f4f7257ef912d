import { cleanUrl } from '../capture/url';
import { ClipInputError } from '../errors';
import { keyBetween } from '../order-key';
import { cleanBlock, cleanLine } from '../text';
import type { Clip, PageCapture, Quote } from '../types';
import { weekIdFor, weekOptionsOf } from '../week';
import type { ClipperDb } from './db';
import { clipTerms } from './search-terms';
import { getSettings } from './settings';

/** What the editor confirms in the popup (or a quick clip sends) to store a clip. */
export interface ClipDraft extends PageCapture {
  sectionId: string;
  summary?: string;
  note?: string;
  tags?: string[];
}

export interface SaveContext {
  now: number;
  weekId: string;
  newId: () => string;
}

export interface SaveOutcome {
  clip: Clip;
  /** True when the page was clipped before and the quote joined that clip. */
  merged: boolean;
  /** True when the quote was already on the clip, so nothing was added. */
  duplicateQuote: boolean;
}

function validatedDraft(draft: ClipDraft): ClipDraft {
  const canonicalUrl = cleanUrl(draft.canonicalUrl || draft.pageUrl);
  try {
    new URL(canonicalUrl);
  } catch {
    throw new ClipInputError('clip.bad-link', { url: cleanLine(canonicalUrl, 80) });
  }
  const title = cleanLine(draft.title, 500);
  if (!title) throw new ClipInputError('clip.no-title');
  return { ...draft, canonicalUrl, title, source: cleanLine(draft.source, 200) };
}

/** The clip of a page (not in the trash), found by its canonical URL as saving would clean it. */
export function findClipByUrl(db: ClipperDb, url: string): Promise<Clip | undefined> {
  return db.clips
    .where('canonicalUrl')
    .equals(cleanUrl(url))
    .filter((c) => c.deletedAt === undefined)
    .first();
}

/** How many clips (trash included) the current week holds, for the toolbar badge; index-only. */
export async function currentWeekCount(db: ClipperDb, now: number): Promise<number> {
  const settings = await getSettings(db);
  return db.clips
    .where('weekId')
    .equals(weekIdFor(now, weekOptionsOf(settings)))
    .count();
}

/** The week's clips (trash excluded), loaded through the weekId index only. */
export function listWeek(db: ClipperDb, weekId: string): Promise<Clip[]> {
  return db.clips
    .where('weekId')
    .equals(weekId)
    .filter((c) => c.deletedAt === undefined)
    .toArray();
}

/**
 * Stores a clip, or adds its quote to the clip of the same canonical URL. One transaction:
 * either the whole clip (or the whole merge) is written or nothing is.
 */
export async function saveClip(db: ClipperDb, input: ClipDraft, ctx: SaveContext): Promise<SaveOutcome> {
  const draft = validatedDraft(input);
  const quoteText = draft.selection ? cleanBlock(draft.selection.text) : '';
  const quote: Quote | undefined = quoteText ? { text: quoteText, createdAt: ctx.now } : undefined;
  if (quote && draft.selection?.markdown) quote.markdown = draft.selection.markdown;

  return db.transaction('rw', db.clips, async () => {
    const existing = await findClipByUrl(db, draft.canonicalUrl);
    if (existing) {
      const duplicateQuote = !quote || existing.quotes.some((q) => q.text === quote.text);
      if (!duplicateQuote && quote) {
        const quotes = [...existing.quotes, quote];
        await db.clips.update(existing.id, {
          quotes,
          terms: clipTerms({ ...existing, quotes }),
          updatedAt: ctx.now,
        });
      }
      const clip = (await db.clips.get(existing.id)) as Clip;
      return { clip, merged: true, duplicateQuote };
    }
    const last = await lastOrderKey(db, ctx.weekId, draft.sectionId);
    const clip: Clip = {
      id: ctx.newId(),
      pageUrl: draft.pageUrl,
      canonicalUrl: draft.canonicalUrl,
      title: draft.title,
      source: draft.source,
      quotes: quote ? [quote] : [],
      summary: cleanLine(draft.summary ?? '', 2000),
      note: cleanBlock(draft.note ?? ''),
      sectionId: draft.sectionId,
      tags: (draft.tags ?? []).map((t) => cleanLine(t, 60)).filter((t) => t !== ''),
      weekId: ctx.weekId,
      order: keyBetween(last, undefined),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (draft.author) clip.author = cleanLine(draft.author, 300);
    if (draft.publishedAt) clip.publishedAt = draft.publishedAt;
    if (draft.excerpt) clip.excerpt = cleanLine(draft.excerpt, 1000);
    if (draft.lang) clip.lang = draft.lang;
    clip.terms = clipTerms(clip);
    await db.clips.add(clip);
    return { clip, merged: false, duplicateQuote: false };
  });
}

async function lastOrderKey(db: ClipperDb, weekId: string, sectionId: string): Promise<string | undefined> {
  const siblings = await db.clips.where('[weekId+sectionId]').equals([weekId, sectionId]).toArray();
  return siblings
    .filter((c) => c.deletedAt === undefined)
    .map((c) => c.order)
    .sort()
    .pop();
}

/** Fields an editor can change by hand. */
export type EditableFields = Partial<
  Pick<Clip, 'title' | 'source' | 'canonicalUrl' | 'summary' | 'note' | 'tags' | 'quotes' | 'author' | 'publishedAt'>
>;

function normalizedPatch(patch: EditableFields): EditableFields {
  const out: EditableFields = { ...patch };
  if (out.title !== undefined) {
    out.title = cleanLine(out.title, 500);
    if (!out.title) throw new ClipInputError('clip.no-title');
  }
  if (out.source !== undefined) out.source = cleanLine(out.source, 200);
  if (out.summary !== undefined) out.summary = cleanLine(out.summary, 2000);
  if (out.note !== undefined) out.note = cleanBlock(out.note);
  if (out.tags !== undefined) out.tags = [...new Set(out.tags.map((t) => cleanLine(t, 60)).filter((t) => t !== ''))];
  if (out.canonicalUrl !== undefined) {
    const url = cleanUrl(out.canonicalUrl);
    if (!/^https?:\/\//.test(url)) throw new ClipInputError('clip.bad-link', { url: cleanLine(url, 80) });
    out.canonicalUrl = url;
  }
  return out;
}

/**
 * Changes only the given fields, so an edit never overwrites a concurrent change to another
 * field of the same clip (the popup, the options page and the background may all write).
 */
export async function updateClip(db: ClipperDb, id: string, patch: EditableFields, now: number): Promise<Clip> {
  const changes = normalizedPatch(patch);
  return db.transaction('rw', db.clips, async () => {
    const current = await db.clips.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    const merged = { ...current, ...changes };
    await db.clips.update(id, { ...changes, terms: clipTerms(merged), updatedAt: now });
    return (await db.clips.get(id)) as Clip;
  });
}

export interface MoveTarget {
  sectionId: string;
  /** Put the clip right after this one (same section); at the start when undefined. */
  afterId?: string;
  /** Or at the end of the section. */
  toEnd?: boolean;
  weekId?: string;
}

/** Moves a clip within or across sections (or weeks), rewriting its order key alone. */
export async function moveClip(db: ClipperDb, id: string, target: MoveTarget, now: number): Promise<void> {
  await db.transaction('rw', db.clips, async () => {
    const clip = await db.clips.get(id);
    if (!clip) throw new ClipInputError('clip.gone');
    const weekId = target.weekId ?? clip.weekId;
    const siblings = (await db.clips.where('[weekId+sectionId]').equals([weekId, target.sectionId]).toArray())
      .filter((c) => c.deletedAt === undefined && c.id !== id)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    let order: string;
    if (target.toEnd) {
      order = keyBetween(siblings[siblings.length - 1]?.order, undefined);
    } else if (target.afterId === undefined) {
      order = keyBetween(undefined, siblings[0]?.order);
    } else {
      const index = siblings.findIndex((c) => c.id === target.afterId);
      if (index < 0) throw new ClipInputError('clip.not-in-section');
      const before = siblings[index] as Clip;
      const after = siblings[index + 1];
      // Two clips saved with equal keys (old data) cannot have a key between them: re-key the later one.
      order =
        after && after.order === before.order
          ? keyBetween(before.order, undefined)
          : keyBetween(before.order, after?.order);
    }
    await db.clips.update(id, { sectionId: target.sectionId, weekId, order, updatedAt: now });
  });
}

/** One step up or down inside the clip's section (Alt+↑ / Alt+↓). */
export async function nudgeClip(db: ClipperDb, id: string, direction: -1 | 1, now: number): Promise<void> {
  const clip = await db.clips.get(id);
  if (!clip) return;
  const siblings = (await listWeek(db, clip.weekId))
    .filter((c) => c.sectionId === clip.sectionId)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt));
  const index = siblings.findIndex((c) => c.id === id);
  const target = index + direction;
  if (target < 0 || target >= siblings.length) return;
  const afterId = direction === -1 ? siblings[target - 1]?.id : siblings[target]?.id;
  await moveClip(db, id, { sectionId: clip.sectionId, afterId }, now);
}

/** Makes these clips one story: one draft item citing all their sources. */
export async function groupClips(db: ClipperDb, ids: string[], newId: () => string, now: number): Promise<string> {
  if (ids.length < 2) throw new ClipInputError('clip.group-needs-two');
  return db.transaction('rw', db.clips, async () => {
    const clips = await db.clips.bulkGet(ids);
    const storyId = clips.find((c) => c?.storyId)?.storyId ?? newId();
    await Promise.all(ids.map((id) => db.clips.update(id, { storyId, updatedAt: now })));
    return storyId;
  });
}

export async function ungroupClip(db: ClipperDb, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.clips, async () => {
    const clip = await db.clips.get(id);
    if (!clip?.storyId) return;
    const story = await db.clips
      .where('weekId')
      .equals(clip.weekId)
      .filter((c) => c.storyId === clip.storyId)
      .toArray();
    // A story of two falls apart entirely when one leaves it.
    const leaving = story.length <= 2 ? story : [clip];
    await Promise.all(
      leaving.map((c) =>
        db.clips
          .where('id')
          .equals(c.id)
          .modify((row) => {
            delete row.storyId;
            row.updatedAt = now;
          }),
      ),
    );
  });
}

/** Moves a clip to the trash; `restoreClip` brings it back unchanged. */
export async function trashClip(db: ClipperDb, id: string, now: number): Promise<void> {
  await db.clips.update(id, { deletedAt: now, updatedAt: now });
}

export async function restoreClip(db: ClipperDb, id: string, now: number): Promise<void> {
  await db.clips
    .where('id')
    .equals(id)
    .modify((row) => {
      delete row.deletedAt;
      row.updatedAt = now;
    });
}

/** Deletes a trashed clip for good; refuses clips that are not in the trash. */
export async function purgeClip(db: ClipperDb, id: string): Promise<void> {
  await db.transaction('rw', db.clips, async () => {
    const clip = await db.clips.get(id);
    if (clip && clip.deletedAt === undefined) throw new ClipInputError('clip.purge-not-trashed');
    await db.clips.delete(id);
  });
}

export function listTrash(db: ClipperDb): Promise<Clip[]> {
  return db.clips.where('deletedAt').above(0).reverse().sortBy('deletedAt');
}

/** Every tag in use, for autocomplete (read from the tags index, not the clips). */
export async function allTags(db: ClipperDb): Promise<string[]> {
  return (await db.clips.orderBy('tags').uniqueKeys()) as string[];
}

/** The weeks that have clips, newest first, with their counts. */
export async function weeksWithCounts(db: ClipperDb): Promise<{ weekId: string; count: number }[]> {
  // One read of the weekId index's keys, less the (few) trashed clips: no clip is read.
  const [keys, trashed] = await Promise.all([db.clips.orderBy('weekId').keys() as Promise<string[]>, listTrash(db)]);
  const counts = new Map<string, number>();
  for (const weekId of keys) counts.set(weekId, (counts.get(weekId) ?? 0) + 1);
  for (const clip of trashed) counts.set(clip.weekId, (counts.get(clip.weekId) ?? 0) - 1);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([weekId, count]) => ({ weekId, count }))
    .sort((a, b) => (a.weekId < b.weekId ? 1 : -1));
}

/** The earlier-week clips sharing a URL with this week's, through the canonicalUrl index. */
export async function earlierUses(
  db: ClipperDb,
  clips: readonly Clip[],
): Promise<Pick<Clip, 'canonicalUrl' | 'weekId'>[]> {
  const urls = [...new Set(clips.map((c) => c.canonicalUrl))];
  if (urls.length === 0) return [];
  const ids = new Set(clips.map((c) => c.id));
  const matches = await db.clips.where('canonicalUrl').anyOf(urls).toArray();
  return matches
    .filter((c) => !ids.has(c.id) && c.deletedAt === undefined)
    .map((c) => ({ canonicalUrl: c.canonicalUrl, weekId: c.weekId }));
}
