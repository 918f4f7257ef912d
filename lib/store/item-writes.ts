import { cleanUrl } from '../capture/url';
import { ClipInputError } from '../errors';
import { keyBetween } from '../order-key';
import {
  cleanedDrafts,
  cleanQuote,
  isValidDate,
  keptDrafts,
  ORIGIN_FIELDS,
  quoteKey,
  RECORD_LIMITS,
  requireDate,
  requireLink,
  requireNote,
  requireShownQuotes,
  requireSummary,
  requireTags,
  validLang,
  validLink,
  validOrigins,
} from '../record-rules';
import { cleanLine } from '../text';
import type { ConflictValue, FieldOrigin, FieldOrigins, Item, PageCapture, Quote, Source, WeekItem } from '../types';
import { findSourceByPage, findSourceByUrl } from './citations';
import type { ClipperDb } from './db';
import { settleConflict, stampChanges } from './field-clocks';
import { withSources } from './items';
import { itemTerms } from './search-terms';
import { indexTerms } from './term-index';
import { assertUnlocked } from './weeks';

/**
 * Writing sources and items: every function that changes one keeps the other and the search
 * keys consistent, in one transaction.
 */

/** What the editor confirms in the popup (or a quick clip sends) to clip a page. */
export interface ClipDraft extends PageCapture {
  /** The section the editor chose; without one, a page already in this week stays where it is. */
  sectionId?: string;
  summary?: string;
  note?: string;
  tags?: string[];
  /** Texts the writing help drafted that the summary or note holds untouched (`Item.drafted`). */
  drafted?: string[];
}

export interface SaveContext {
  now: number;
  weekId: string;
  newId: () => string;
  /** Where a new item goes when the draft names no section. */
  defaultSectionId: string;
  /**
   * The page fields were shown to the editor (prefilled from the stored source when there is
   * one), so what they confirm replaces the stored fields: corrections are never dropped.
   */
  confirmedByEditor?: boolean;
}

/** Exactly what a clip did, for the notice the editor reads. */
export interface SaveOutcome {
  source: Source;
  /** The item in the week that cites the page, if any. */
  item?: WeekItem;
  sourceCreated: boolean;
  quote: 'added' | 'duplicate' | 'none';
  /** Page fields the editor corrected on a page clipped before. */
  fieldsUpdated: CorrectableField[];
  itemAction: 'created' | 'updated' | 'unchanged';
  /** The selection was longer than a quote may be and was cut (lib/record-rules.ts). */
  quoteCut: boolean;
}

const SOURCE_FIELDS = ['title', 'source', 'canonicalUrl', 'author', 'publishedAt'] as const;
/** The page fields an editor can correct when clipping a page again. */
export type CorrectableField = (typeof SOURCE_FIELDS)[number];

/**
 * The change stamp of a record written now: never lower than the one it had, so an edit made
 * after a restore (whose stamps came from another clock) still counts as the newer change.
 */
export const nextStamp = (now: number, previous: number | undefined) => Math.max(now, (previous ?? 0) + 1);

/**
 * The section to file into: the one asked for if it still exists (the options page may have
 * deleted it meanwhile), else the default, else the first.
 */
async function existingSection(db: ClipperDb, wanted: string, fallback: string): Promise<string> {
  if (await db.sections.get(wanted)) return wanted;
  if (await db.sections.get(fallback)) return fallback;
  return (await db.sections.orderBy('order').first())?.id ?? wanted;
}

/** The draft as it may be stored (lib/record-rules.ts): page text shortened, typed text checked. */
function validatedDraft(draft: ClipDraft): ClipDraft {
  let canonicalUrl = cleanUrl(draft.canonicalUrl || draft.pageUrl);
  // A canonical link too long to keep gives way to the page's own address, if that one fits.
  if (canonicalUrl.length > RECORD_LIMITS.url && draft.pageUrl && draft.pageUrl.length <= RECORD_LIMITS.url)
    canonicalUrl = cleanUrl(draft.pageUrl);
  canonicalUrl = requireLink(canonicalUrl);
  const title = cleanLine(draft.title, RECORD_LIMITS.title);
  if (!title) throw new ClipInputError('clip.no-title');
  const out: ClipDraft = { ...draft, canonicalUrl, title, source: cleanLine(draft.source, 200) };
  // The address the editor was on is a record only; an unusable one is replaced by the link.
  out.pageUrl = validLink(draft.pageUrl) ?? canonicalUrl;
  if (draft.author !== undefined) out.author = cleanLine(draft.author, 300) || undefined;
  if (draft.excerpt !== undefined) out.excerpt = cleanLine(draft.excerpt, 1000) || undefined;
  out.lang = validLang(draft.lang);
  // A date a page gave in a shape the draft cannot use is left out rather than kept wrong.
  if (draft.publishedAt !== undefined) out.publishedAt = isValidDate(draft.publishedAt) ? draft.publishedAt : undefined;
  if (draft.summary !== undefined) out.summary = requireSummary(draft.summary);
  if (draft.note !== undefined) out.note = requireNote(draft.note);
  if (draft.tags !== undefined) out.tags = requireTags(draft.tags);
  if (draft.drafted !== undefined) out.drafted = cleanedDrafts(draft.drafted);
  out.origins = validOrigins(draft.origins, out);
  return out;
}

async function lastOrderKey(db: ClipperDb, weekId: string, sectionId: string): Promise<string | undefined> {
  const siblings = await db.items.where('[weekId+sectionId]').equals([weekId, sectionId]).toArray();
  return siblings
    .filter((c) => c.deletedAt === undefined)
    .map((c) => c.order)
    .sort()
    .pop();
}

/**
 * Writes an item with its search keys derived from it and the sources it cites, and a clock on
 * each field it changes (lib/store/field-clocks.ts).
 */
async function putItem(db: ClipperDb, item: Item): Promise<void> {
  const stored = await db.items.get(item.id);
  await putIndexed(db, stampChanges('item', stored, item, db.replica), stored);
}

/** Writes an item, clocks as given, with its search keys, and brings the search index in line. */
async function putIndexed(db: ClipperDb, item: Item, stored?: Item): Promise<void> {
  const before = (stored ?? (await db.items.get(item.id)))?.terms;
  const sources = (await db.sources.bulkGet(item.sourceIds)).filter((s): s is Source => s !== undefined);
  const terms = itemTerms(item, sources);
  await db.items.put({ ...item, terms });
  await indexTerms(db.postings, [{ id: item.id, before, after: terms }]);
}

/** Deletes an item for good, and its keys from the search index. */
async function deleteItem(db: ClipperDb, item: Item): Promise<void> {
  await db.items.delete(item.id);
  await indexTerms(db.postings, [{ id: item.id, before: item.terms }]);
}

/**
 * A source's origins after some of its fields changed: those fields get the origin given (or none,
 * when the field is now empty); the others keep theirs.
 */
function withOrigins(
  before: FieldOrigins | undefined,
  after: Partial<Source>,
  changed: readonly string[],
  originOf: (field: (typeof ORIGIN_FIELDS)[number]) => FieldOrigin,
): FieldOrigins | undefined {
  const out: FieldOrigins = { ...before };
  for (const field of ORIGIN_FIELDS) {
    if (!changed.includes(field)) continue;
    if (after[field]) out[field] = originOf(field);
    else delete out[field];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Writes a source with a clock on each field it changes. */
async function putSource(db: ClipperDb, source: Source): Promise<void> {
  await db.sources.put(stampChanges('source', await db.sources.get(source.id), source, db.replica));
}

/** Re-derives the search keys of every item citing a source whose text changed. */
async function reindexCiting(db: ClipperDb, sourceId: string): Promise<void> {
  const items = await db.items.where('sourceIds').equals(sourceId).toArray();
  for (const item of items) await putItem(db, item);
}

function newSource(draft: ClipDraft, quote: Quote | undefined, id: string, now: number): Source {
  const source: Source = {
    id,
    pageUrl: draft.pageUrl,
    canonicalUrl: draft.canonicalUrl,
    title: draft.title,
    source: draft.source,
    quotes: quote ? [quote] : [],
    createdAt: now,
    updatedAt: now,
  };
  if (draft.author) source.author = draft.author;
  if (draft.publishedAt) source.publishedAt = draft.publishedAt;
  if (draft.excerpt) source.excerpt = draft.excerpt;
  if (draft.lang) source.lang = draft.lang;
  const origins = validOrigins(draft.origins, source);
  if (origins) source.origins = origins;
  return source;
}

/**
 * Clips a page. A new page becomes a source and an item in the chosen (or default) section.
 * A page clipped before keeps its source: the new quote joins it, fields the editor corrected
 * replace the stored ones, and the item in the chosen section of this week is created or gets
 * the summary, note and tags typed now. Nothing typed is dropped; one transaction.
 */
export async function saveClip(db: ClipperDb, input: ClipDraft, ctx: SaveContext): Promise<SaveOutcome> {
  const draft = validatedDraft(input);
  const selected = cleanQuote(draft.selection?.text ?? '');
  const quote: Quote | undefined = selected.text ? { text: selected.text, createdAt: ctx.now } : undefined;
  // The Markdown form is kept only when it is whole, like the text.
  if (quote && draft.selection?.markdown && !selected.cut && draft.selection.markdown.length <= RECORD_LIMITS.quote * 2)
    quote.markdown = draft.selection.markdown;

  return db.transaction('rw', db.sources, db.items, db.postings, db.sections, db.weeks, async () => {
    // A published week takes no new clip and no re-clip's changes until it is unlocked.
    await assertUnlocked(db, ctx.weekId);
    // The page by its address, or by the address it was clipped from when its link was corrected since
    // (a second source for it would split it in two).
    const existing =
      (await findSourceByUrl(db, draft.canonicalUrl)) ??
      (draft.pageUrl ? await findSourceByPage(db, draft.pageUrl) : undefined);
    let source: Source;
    let quoteOutcome: SaveOutcome['quote'] = quote ? 'added' : 'none';
    const fieldsUpdated: SaveOutcome['fieldsUpdated'] = [];
    if (existing) {
      source = { ...existing };
      if (quote) {
        if (existing.quotes.some((q) => q.text === quote.text)) quoteOutcome = 'duplicate';
        else source.quotes = [...existing.quotes, quote];
      }
      if (ctx.confirmedByEditor) {
        for (const key of SOURCE_FIELDS) {
          const value = draft[key] || undefined;
          // A field the editor left empty never erases one the source has.
          if (value !== undefined && value !== existing[key]) {
            source[key] = value;
            fieldsUpdated.push(key);
          }
        }
        // A field taken from this capture carries its origin (the editor's, when they typed it).
        source.origins = withOrigins(
          existing.origins,
          source,
          fieldsUpdated,
          (field) => draft.origins?.[field] ?? 'editor',
        );
        if (!source.origins) delete source.origins;
      }
      if (quoteOutcome === 'added' || fieldsUpdated.length > 0) {
        source.updatedAt = nextStamp(ctx.now, existing.updatedAt);
        await putSource(db, source);
        await reindexCiting(db, source.id);
      }
    } else {
      source = stampChanges('source', undefined, newSource(draft, quote, ctx.newId(), ctx.now), db.replica);
      await db.sources.add(source);
    }

    const inWeek = (await db.items.where('sourceIds').equals(source.id).toArray()).filter(
      (i) => i.weekId === ctx.weekId && i.deletedAt === undefined,
    );
    const sectionId = await existingSection(
      db,
      draft.sectionId ?? (inWeek[0] ? inWeek[0].sectionId : ctx.defaultSectionId),
      ctx.defaultSectionId,
    );
    const current = inWeek.find((i) => i.sectionId === sectionId);
    let itemAction: SaveOutcome['itemAction'] = 'unchanged';
    let item: Item | undefined = current;
    if (!current) {
      item = {
        id: ctx.newId(),
        weekId: ctx.weekId,
        sectionId,
        order: keyBetween(await lastOrderKey(db, ctx.weekId, sectionId), undefined),
        summary: draft.summary ?? '',
        note: draft.note ?? '',
        tags: draft.tags ?? [],
        sourceIds: [source.id],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const marks = keptDrafts(draft.drafted, item);
      if (marks) item.drafted = marks;
      itemAction = 'created';
      await putItem(db, item);
    } else {
      const patch: Partial<Item> = {};
      if (draft.summary && draft.summary !== current.summary) patch.summary = draft.summary;
      if (draft.note && draft.note !== current.note) patch.note = draft.note;
      if (draft.tags?.some((t) => !current.tags.includes(t)))
        patch.tags = requireTags([...current.tags, ...draft.tags]);
      if (Object.keys(patch).length > 0) {
        const marks = keptDrafts([...(current.drafted ?? []), ...(draft.drafted ?? [])], { ...current, ...patch });
        if (JSON.stringify(marks) !== JSON.stringify(current.drafted)) patch.drafted = marks;
        item = applyPatch<Item>({ ...current, updatedAt: nextStamp(ctx.now, current.updatedAt) }, patch);
        itemAction = 'updated';
        await putItem(db, item);
      }
    }
    const [shown] = item ? await withSources(db, [item]) : [];
    return {
      source,
      item: shown,
      sourceCreated: !existing,
      quote: quoteOutcome,
      fieldsUpdated,
      itemAction,
      quoteCut: selected.cut,
    };
  });
}

export interface NoteDraft {
  weekId: string;
  sectionId: string;
  summary: string;
  note?: string;
  tags?: string[];
}

/** An item of the editor's own (a thought, an editor's note): no source, no link. */
export async function addOwnItem(
  db: ClipperDb,
  draft: NoteDraft,
  ctx: Pick<SaveContext, 'now' | 'newId'>,
): Promise<WeekItem> {
  const summary = requireSummary(draft.summary);
  const note = requireNote(draft.note ?? '');
  if (!summary && !note) throw new ClipInputError('item.empty');
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, db.sections, async () => {
    await assertUnlocked(db, draft.weekId);
    const item: Item = {
      id: ctx.newId(),
      weekId: draft.weekId,
      sectionId: await existingSection(db, draft.sectionId, draft.sectionId),
      order: keyBetween(await lastOrderKey(db, draft.weekId, draft.sectionId), undefined),
      summary,
      note,
      tags: requireTags(draft.tags ?? []),
      sourceIds: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await putItem(db, item);
    return { ...item, sources: [] };
  });
}

/** What an editor writes on an item. */
export type ItemPatch = Partial<Pick<Item, 'summary' | 'note' | 'tags' | 'shownQuotes' | 'drafted'>>;

/** What an editor corrects on a source. */
export type SourcePatch = Partial<
  Pick<Source, 'title' | 'source' | 'canonicalUrl' | 'author' | 'publishedAt' | 'quotes'>
> & {
  /**
   * Quote changes by quote (`quoteKey`): these removed, the rest in this order. A quote the list does not
   * name (clipped since the editor opened) stays, after the others.
   */
  quoteEdits?: { removed: readonly string[]; order: readonly string[] };
};

/** The source's quotes after an editor's removals and reordering, by quote, not by position. */
function editedQuotes(source: Source, edits: NonNullable<SourcePatch['quoteEdits']>): Source['quotes'] {
  const removed = new Set(edits.removed);
  const rank = new Map(edits.order.map((key, i) => [key, i]));
  const kept = source.quotes.filter((q) => !removed.has(quoteKey(source.id, q)));
  const at = (q: Source['quotes'][number]) => rank.get(quoteKey(source.id, q)) ?? Number.POSITIVE_INFINITY;
  // A stable sort: quotes the order does not name keep their place among themselves, at the end.
  return kept
    .map((q, i) => ({ q, i }))
    .sort((a, b) => at(a.q) - at(b.q) || a.i - b.i)
    .map(({ q }) => q);
}

function normalizedItemPatch(patch: ItemPatch): ItemPatch {
  const out: ItemPatch = { ...patch };
  if (out.summary !== undefined) out.summary = requireSummary(out.summary);
  if (out.note !== undefined) out.note = requireNote(out.note);
  if (out.tags !== undefined) out.tags = requireTags(out.tags);
  if (out.shownQuotes !== undefined) out.shownQuotes = requireShownQuotes(out.shownQuotes);
  if (out.drafted !== undefined) out.drafted = cleanedDrafts(out.drafted);
  return out;
}

function normalizedSourcePatch(patch: SourcePatch): SourcePatch {
  const out: SourcePatch = { ...patch };
  if (out.title !== undefined) {
    out.title = cleanLine(out.title, 500);
    if (!out.title) throw new ClipInputError('clip.no-title');
  }
  if (out.source !== undefined) out.source = cleanLine(out.source, 200);
  if (out.author !== undefined) out.author = cleanLine(out.author, 300) || undefined;
  if (out.canonicalUrl !== undefined) out.canonicalUrl = requireLink(cleanUrl(out.canonicalUrl));
  if ('publishedAt' in out) out.publishedAt = requireDate(out.publishedAt);
  return out;
}

/** An item keeps drafted marks only for text it still holds: an edit ends the mark (`keptDrafts`). */
function keepDrafts(item: Item): void {
  const marks = keptDrafts(item.drafted, item);
  if (marks) item.drafted = marks;
  else delete item.drafted;
}

/** Removes keys whose value is undefined, so `{author: undefined}` clears the field. */
function applyPatch<T extends object>(record: T, patch: Partial<T>): T {
  const next: T = { ...record, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key as keyof T];
  return next;
}

/**
 * Changes only the given fields, so an edit never overwrites a concurrent change to another
 * field of the same item (the popup, the options page and the background may all write).
 */
export async function updateItem(db: ClipperDb, id: string, patch: ItemPatch, now: number): Promise<WeekItem> {
  const changes = normalizedItemPatch(patch);
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, async () => {
    const current = await db.items.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    await assertUnlocked(db, current.weekId);
    const next = { ...applyPatch<Item>(current, changes), updatedAt: nextStamp(now, current.updatedAt) };
    keepDrafts(next);
    await putItem(db, next);
    return (await withSources(db, [next]))[0] as WeekItem;
  });
}

/** Corrects a source; every item citing it is searched by the new text. */
export async function updateSource(db: ClipperDb, id: string, patch: SourcePatch, now: number): Promise<Source> {
  const changes = normalizedSourcePatch(patch);
  return db.transaction('rw', db.sources, db.items, db.postings, async () => {
    const current = await db.sources.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    // One source per page: a link another source already has is refused, with that source named
    // (accepted, a later restore silently merged the two and one's quotes were lost).
    if (changes.canonicalUrl !== undefined && changes.canonicalUrl !== current.canonicalUrl) {
      const other = await findSourceByUrl(db, changes.canonicalUrl);
      if (other && other.id !== id) throw new ClipInputError('clip.duplicate-link', { title: other.title });
    }
    const { quoteEdits, ...fields } = changes;
    const patched = applyPatch<Source>(current, fields);
    if (quoteEdits) patched.quotes = editedQuotes(current, quoteEdits);
    const corrected = ORIGIN_FIELDS.filter((field) => patched[field] !== current[field]);
    const origins = withOrigins(current.origins, patched, corrected, () => 'editor');
    if (origins) patched.origins = origins;
    else delete patched.origins;
    const next = stampChanges(
      'source',
      current,
      { ...patched, updatedAt: nextStamp(now, current.updatedAt) },
      db.replica,
    );
    await db.sources.put(next);
    await reindexCiting(db, id);
    return next;
  });
}

/**
 * What the full editor saves at once: the item's fields and corrections to the sources it cites,
 * in one transaction, so no reader sees the page corrected but the item not yet.
 */
export async function updateEntry(
  db: ClipperDb,
  id: string,
  patch: ItemPatch,
  sourcePatches: readonly { id: string; patch: SourcePatch }[],
  now: number,
): Promise<WeekItem> {
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, async () => {
    const item = await db.items.get(id);
    if (item) await assertUnlocked(db, item.weekId);
    for (const source of sourcePatches) await updateSource(db, source.id, source.patch, now);
    if (Object.keys(patch).length > 0) return updateItem(db, id, patch, now);
    const current = await db.items.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    return (await withSources(db, [current]))[0] as WeekItem;
  });
}

export interface MoveTarget {
  sectionId: string;
  /** Put the item right after this one (same section); at the start when undefined. */
  afterId?: string;
  /** Or at the end of the section. */
  toEnd?: boolean;
  weekId?: string;
}

/** Moves an item within or across sections (or weeks), rewriting its order key alone. */
export async function moveItem(db: ClipperDb, id: string, target: MoveTarget, now: number): Promise<void> {
  await db.transaction('rw', db.weeks, db.items, db.postings, async () => {
    const item = await db.items.get(id);
    if (!item) throw new ClipInputError('clip.gone');
    const weekId = target.weekId ?? item.weekId;
    await assertUnlocked(db, item.weekId, weekId);
    const siblings = (await db.items.where('[weekId+sectionId]').equals([weekId, target.sectionId]).toArray())
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
      const before = siblings[index] as Item;
      const after = siblings[index + 1];
      // Two items saved with equal keys (old data) cannot have a key between them: re-key the later one.
      order =
        after && after.order === before.order
          ? keyBetween(before.order, undefined)
          : keyBetween(before.order, after?.order);
    }
    const moved = { ...item, sectionId: target.sectionId, weekId, order, updatedAt: nextStamp(now, item.updatedAt) };
    // The search keys stay: moving changes no text.
    await db.items.put(stampChanges('item', item, moved, db.replica));
  });
}

/** Puts an item back exactly where it was (week, section, order key): what Undo of a move does. */
export async function placeItem(
  db: ClipperDb,
  id: string,
  place: Pick<Item, 'weekId' | 'sectionId' | 'order'>,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.weeks, db.items, db.postings, async () => {
    const item = await db.items.get(id);
    if (!item) throw new ClipInputError('clip.gone');
    await assertUnlocked(db, item.weekId, place.weekId);
    const placed = { ...item, ...place, updatedAt: nextStamp(now, item.updatedAt) };
    await db.items.put(stampChanges('item', item, placed, db.replica));
  });
}

/** One step up or down inside the item's section (Alt+↑ / Alt+↓). */
export async function nudgeItem(db: ClipperDb, id: string, direction: -1 | 1, now: number): Promise<void> {
  const item = await db.items.get(id);
  if (!item) return;
  const siblings = (
    await db.items
      .where('[weekId+sectionId]')
      .equals([item.weekId, item.sectionId])
      .filter((c) => c.deletedAt === undefined)
      .toArray()
  ).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.createdAt - b.createdAt));
  const index = siblings.findIndex((c) => c.id === id);
  const target = index + direction;
  if (target < 0 || target >= siblings.length) return;
  const afterId = direction === -1 ? siblings[target - 1]?.id : siblings[target]?.id;
  await moveItem(db, id, { sectionId: item.sectionId, afterId }, now);
}

/**
 * Makes one story of two items: `intoId` cites the other's sources after its own, keeps its
 * summary (or takes the other's when it has none), and gains the other's note and tags; the
 * other item is gone, since everything it held now lives in `intoId`.
 */
export async function joinItems(db: ClipperDb, intoId: string, otherId: string, now: number): Promise<WeekItem> {
  if (intoId === otherId) throw new ClipInputError('item.same');
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, db.tombstones, async () => {
    const [into, other] = await db.items.bulkGet([intoId, otherId]);
    if (!into || !other) throw new ClipInputError('clip.gone');
    await assertUnlocked(db, into.weekId, other.weekId);
    const next: Item = {
      ...into,
      sourceIds: [...new Set([...into.sourceIds, ...other.sourceIds])],
      summary: into.summary.trim() ? into.summary : other.summary,
      // The joined note obeys the note's limit like any other write: refused with a message, nothing joined.
      note: requireNote([into.note, other.note].filter((n) => n.trim() !== '').join('\n\n')),
      tags: requireTags([...into.tags, ...other.tags]),
      updatedAt: nextStamp(now, Math.max(into.updatedAt, other.updatedAt)),
    };
    // The quotes either ticked to show stay ticked on the story.
    if (into.shownQuotes || other.shownQuotes)
      next.shownQuotes = requireShownQuotes([...(into.shownQuotes ?? []), ...(other.shownQuotes ?? [])]);
    await putItem(db, next);
    // The joined item lives on in `into`; its tombstone keeps an older backup from splitting it off again.
    await deleteItem(db, other);
    await db.tombstones.put({ id: `item:${otherId}`, kind: 'item', recordId: otherId, deletedAt: next.updatedAt });
    return (await withSources(db, [next]))[0] as WeekItem;
  });
}

/** Takes one source out of a story into its own item, right after the story. */
export async function splitSource(
  db: ClipperDb,
  itemId: string,
  sourceId: string,
  ctx: Pick<SaveContext, 'now' | 'newId'>,
): Promise<WeekItem> {
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, async () => {
    const item = await db.items.get(itemId);
    if (!item) throw new ClipInputError('clip.gone');
    if (item.sourceIds.length < 2 || !item.sourceIds.includes(sourceId)) throw new ClipInputError('item.one-source');
    await assertUnlocked(db, item.weekId);
    const siblings = (await db.items.where('[weekId+sectionId]').equals([item.weekId, item.sectionId]).toArray())
      .filter((c) => c.deletedAt === undefined)
      .map((c) => c.order)
      .sort();
    const next = siblings.find((o) => o > item.order);
    // Ticks on the split-off page's quotes go with it.
    const ownTick = (key: string) => key.startsWith(`${sourceId}/`);
    const kept: Item = {
      ...item,
      sourceIds: item.sourceIds.filter((id) => id !== sourceId),
      updatedAt: nextStamp(ctx.now, item.updatedAt),
    };
    if (item.shownQuotes) kept.shownQuotes = item.shownQuotes.filter((k) => !ownTick(k));
    await putItem(db, kept);
    const split: Item = {
      id: ctx.newId(),
      weekId: item.weekId,
      sectionId: item.sectionId,
      order: keyBetween(item.order, next),
      summary: '',
      note: '',
      tags: [...item.tags],
      sourceIds: [sourceId],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (item.shownQuotes) split.shownQuotes = item.shownQuotes.filter(ownTick);
    await putItem(db, split);
    return (await withSources(db, [split]))[0] as WeekItem;
  });
}

/** Sets or clears `deletedAt` alone (search keys unchanged). */
async function setTrashed(db: ClipperDb, id: string, deletedAt: number | undefined, now: number): Promise<void> {
  await db.transaction('rw', db.weeks, db.items, db.postings, async () => {
    const item = await db.items.get(id);
    if (!item) return;
    await assertUnlocked(db, item.weekId);
    const next: Item = { ...item, updatedAt: nextStamp(now, item.updatedAt) };
    if (deletedAt === undefined) delete next.deletedAt;
    else next.deletedAt = deletedAt;
    await db.items.put(stampChanges('item', item, next, db.replica));
  });
}

/** Moves an item to the trash; `restoreItem` brings it back unchanged. */
export async function trashItem(db: ClipperDb, id: string, now: number): Promise<void> {
  await setTrashed(db, id, now, now);
}

export async function restoreItem(db: ClipperDb, id: string, now: number): Promise<void> {
  await setTrashed(db, id, undefined, now);
}

/**
 * Deletes a trashed item for good, with the sources no other item cites, leaving tombstones so an
 * older backup cannot bring them back.
 */
export async function purgeItem(db: ClipperDb, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.sources, db.items, db.postings, db.tombstones, async () => {
    const item = await db.items.get(id);
    if (!item) return;
    if (item.deletedAt === undefined) throw new ClipInputError('clip.purge-not-trashed');
    const deletedAt = nextStamp(now, item.updatedAt);
    await deleteItem(db, item);
    await db.tombstones.put({ id: `item:${id}`, kind: 'item', recordId: id, deletedAt });
    for (const sourceId of item.sourceIds) {
      if ((await db.items.where('sourceIds').equals(sourceId).count()) > 0) continue;
      await db.sources.delete(sourceId);
      await db.tombstones.put({ id: `source:${sourceId}`, kind: 'source', recordId: sourceId, deletedAt });
    }
  });
}

/** A field's value after an edit's checks, as a conflict holds it (`null` for none). */
function checkedValue(patch: object, field: string): ConflictValue {
  return ((patch as Record<string, ConflictValue | undefined>)[field] ?? null) as ConflictValue;
}

/** Which open conflict the editor settles: the field and the other copy's stamp. */
export interface ConflictRef {
  field: string;
  at: string;
}

/**
 * The value the editor chose for a conflict on an item (lib/store/field-clocks.ts): theirs is
 * checked by the same rules as an edit, then written with a clock that follows both changes.
 */
export async function settleItemConflict(
  db: ClipperDb,
  id: string,
  ref: ConflictRef,
  choice: 'mine' | 'theirs',
  now: number,
): Promise<WeekItem> {
  return db.transaction('rw', db.weeks, db.sources, db.items, db.postings, async () => {
    const current = await db.items.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    // Settling changes the entry: a published week's stays as it is until unlocked.
    await assertUnlocked(db, current.weekId);
    const next = settleConflict(current, ref.field, ref.at, choice, now, db.replica, (value) =>
      checkedValue(normalizedItemPatch({ [ref.field]: value ?? undefined } as ItemPatch), ref.field),
    );
    await putIndexed(db, next);
    return (await withSources(db, [next]))[0] as WeekItem;
  });
}

/** The value the editor chose for a conflict on a source's page fields. */
export async function settleSourceConflict(
  db: ClipperDb,
  id: string,
  ref: ConflictRef,
  choice: 'mine' | 'theirs',
  now: number,
): Promise<Source> {
  return db.transaction('rw', db.sources, db.items, db.postings, async () => {
    const current = await db.sources.get(id);
    if (!current) throw new ClipInputError('clip.gone');
    const next = settleConflict(current, ref.field, ref.at, choice, now, db.replica, (value) =>
      checkedValue(normalizedSourcePatch({ [ref.field]: value ?? undefined } as SourcePatch), ref.field),
    );
    await db.sources.put(next);
    await reindexCiting(db, id);
    return next;
  });
}
