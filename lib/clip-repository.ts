import type { ClipperDb } from './db';
import { keyBetween } from './order-key';
import { cleanBlock, cleanLine } from './text';
import type { Clip, PageCapture, Quote } from './types';
import { cleanUrl } from './url';

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

export class ClipInputError extends Error {}

function validatedDraft(draft: ClipDraft): ClipDraft {
  const canonicalUrl = cleanUrl(draft.canonicalUrl || draft.pageUrl);
  try {
    new URL(canonicalUrl);
  } catch {
    throw new ClipInputError(`The link "${cleanLine(canonicalUrl, 80)}" is not a valid address.`);
  }
  const title = cleanLine(draft.title, 500);
  if (!title) throw new ClipInputError('Give the clip a title before saving.');
  return { ...draft, canonicalUrl, title, source: cleanLine(draft.source, 200) };
}

/** The clip of a page, found by its canonical URL (as saving would clean it). */
export function findClipByUrl(db: ClipperDb, url: string): Promise<Clip | undefined> {
  return db.clips.where('canonicalUrl').equals(cleanUrl(url)).first();
}

/** The week's clips, loaded through the weekId index only. */
export function listWeek(db: ClipperDb, weekId: string): Promise<Clip[]> {
  return db.clips.where('weekId').equals(weekId).toArray();
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
    const existing = await db.clips.where('canonicalUrl').equals(draft.canonicalUrl).first();
    if (existing) {
      const duplicateQuote = !quote || existing.quotes.some((q) => q.text === quote.text);
      if (!duplicateQuote && quote) {
        await db.clips.update(existing.id, { quotes: [...existing.quotes, quote], updatedAt: ctx.now });
      }
      const clip = (await db.clips.get(existing.id)) as Clip;
      return { clip, merged: true, duplicateQuote };
    }
    const siblings = await db.clips.where('[weekId+sectionId]').equals([ctx.weekId, draft.sectionId]).toArray();
    const last = siblings
      .map((c) => c.order)
      .sort()
      .pop();
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
    await db.clips.add(clip);
    return { clip, merged: false, duplicateQuote: false };
  });
}
