/**
 * The one definition of what a stored record may hold: limits, link schemes, date shape. Capture,
 * manual entry, every edit, save, backup reading and the CLI use these, so whatever can be saved
 * can be restored (docs/data-safety.md). Values a page can exceed are shortened at capture, and the
 * save says so; values the editor types beyond a limit are refused with a message, their text kept
 * in the form.
 */
import { ClipInputError } from './errors';
import { RECORD_LIMITS } from './record-limits';
import { cleanBlock, cleanLine, cleanMarkdown, fnv1a } from './text';
import type { FieldOrigin, FieldOrigins, LearnedField, LearnedRule, LearnedSpot } from './types';

export { RECORD_LIMITS };

/** Schemes a source's link may have: web pages, and local files an editor saved. */
export const SOURCE_SCHEMES: readonly string[] = ['http:', 'https:', 'file:'];

const LANG_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A quote's name for an item's ticks (`Item.shownQuotes`): its source, when it was clipped and a hash
 * of its text. A quote has no id of its own; this survives reordering, merging and other quotes' removal.
 */
export function quoteKey(sourceId: string, quote: { text: string; createdAt: number }): string {
  return `${sourceId}/${quote.createdAt.toString(36)}.${fnv1a(quote.text).toString(36)}`;
}

/** The ticks an editor gave an item's quotes: distinct keys, within the limits, or a refusal. */
export function requireShownQuotes(keys: readonly string[]): string[] {
  const clean = [...new Set(keys.filter((k) => typeof k === 'string' && k !== '' && k.length <= RECORD_LIMITS.id * 2))];
  if (clean.length > RECORD_LIMITS.shownQuotes)
    throw new ClipInputError('text.too-long', { max: RECORD_LIMITS.shownQuotes });
  return clean;
}

/** A link a source may keep: parsed, an allowed scheme, within the limit; undefined otherwise. */
export function validLink(url: string): string | undefined {
  if (url.length > RECORD_LIMITS.url) return undefined;
  try {
    return SOURCE_SCHEMES.includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The link or a clear refusal (what the editor typed, shortened for the message). */
export function requireLink(url: string): string {
  if (url.length > RECORD_LIMITS.url) throw new ClipInputError('clip.link-too-long', { max: RECORD_LIMITS.url });
  const valid = validLink(url);
  if (!valid) throw new ClipInputError('clip.bad-link', { url: cleanLine(url, 80) });
  return valid;
}

/** A language tag the page gave, if it is one (pages put anything in `<html lang>`). */
export function validLang(lang: string | undefined): string | undefined {
  const tag = lang?.trim() ?? '';
  return tag.length <= RECORD_LIMITS.lang && LANG_TAG.test(tag) ? tag : undefined;
}

/** Whether text is a publication date the draft can use (ISO 8601, as capture writes it). */
export function isValidDate(value: string): boolean {
  return value.length <= RECORD_LIMITS.date && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)));
}

/** A date the editor typed: empty clears it, anything but a date is refused. */
export function requireDate(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (!isValidDate(text)) throw new ClipInputError('clip.bad-date', { date: cleanLine(text, 40) });
  return text;
}

/** A summary the editor typed, on one line, or a refusal when it is longer than a line may be (never cut). */
export function requireSummary(text: string): string {
  const clean = cleanLine(text, Number.POSITIVE_INFINITY);
  if (clean.length > RECORD_LIMITS.line) throw new ClipInputError('text.too-long', { max: RECORD_LIMITS.line });
  return clean;
}

/**
 * The drafted marks an item may keep (`Item.drafted`): only texts its summary or note still holds, each
 * once, at most a few. A mark for text the editor has since changed is dropped: the text is theirs now.
 */
export function keptDrafts(
  drafted: readonly unknown[] | undefined,
  item: { summary: string; note: string },
): string[] | undefined {
  const held = new Set([item.summary, item.note].filter((text) => text.trim() !== ''));
  const kept = [...new Set(drafted ?? [])].filter((text): text is string => typeof text === 'string' && held.has(text));
  return kept.length > 0 ? kept.slice(0, RECORD_LIMITS.drafted) : undefined;
}

/** Drafted marks as the fields they mark are cleaned when saved (one line for a summary, Markdown for a note). */
export function cleanedDrafts(marks: readonly string[]): string[] {
  return marks
    .filter((m) => typeof m === 'string')
    .flatMap((m) => [m, cleanLine(m, RECORD_LIMITS.line + 1), cleanMarkdown(m)]);
}

/** Which of an item's fields still hold a drafted text untouched (the badge and the draft checks). */
export function untouchedDrafts(item: { summary: string; note: string; drafted?: readonly string[] }) {
  const marks = item.drafted ?? [];
  return {
    summary: item.summary.trim() !== '' && marks.includes(item.summary),
    note: item.note.trim() !== '' && marks.includes(item.note),
  };
}

/** Markdown the editor wrote, cleaned, or a refusal when it is longer than a note may be. */
export function requireNote(text: string): string {
  const clean = cleanMarkdown(text);
  if (clean.length > RECORD_LIMITS.note) throw new ClipInputError('text.too-long', { max: RECORD_LIMITS.note });
  return clean;
}

/** Tags as typed: separated by commas (also the Chinese ones), trimmed, no empties. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Tags as stored: trimmed, each within its limit, once each; too many is refused. */
export function requireTags(tags: readonly string[]): string[] {
  const clean = [...new Set(tags.map((t) => cleanLine(t, RECORD_LIMITS.tag)).filter((t) => t !== ''))];
  if (clean.length > RECORD_LIMITS.tags) throw new ClipInputError('clip.too-many-tags', { max: RECORD_LIMITS.tags });
  return clean;
}

/** A quote as stored: paragraphs kept, cut at the limit; `cut` says whether it was. */
export function cleanQuote(text: string): { text: string; cut: boolean } {
  const clean = cleanBlock(text);
  return clean.length > RECORD_LIMITS.quote
    ? { text: clean.slice(0, RECORD_LIMITS.quote), cut: true }
    : { text: clean, cut: false };
}

/** The page fields whose origin is kept, in the order a backup writes them. */
export const ORIGIN_FIELDS = [
  'title',
  'source',
  'author',
  'publishedAt',
] as const satisfies readonly (keyof FieldOrigins)[];
// Every origin the type names, checked by the compiler: one added there and not here would be dropped on save.
const ORIGINS: Record<FieldOrigin, true> = {
  declared: true,
  'page-title': true,
  headline: true,
  byline: true,
  url: true,
  'known-site': true,
  logo: true,
  learned: true,
  domain: true,
  pdf: true,
  editor: true,
};

/**
 * The field origins worth keeping: known fields with known origins, for fields the record has.
 * What a page's script or a hand-edited backup put there otherwise is dropped (it only advises).
 */
export function validOrigins(
  raw: unknown,
  fields: { title?: unknown; source?: unknown; author?: unknown; publishedAt?: unknown },
): FieldOrigins | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: FieldOrigins = {};
  for (const field of ORIGIN_FIELDS) {
    const origin = (raw as Record<string, unknown>)[field];
    if (
      typeof origin === 'string' &&
      Object.hasOwn(ORIGINS, origin) &&
      fields[field] !== undefined &&
      fields[field] !== ''
    )
      out[field] = origin as FieldOrigin;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The fields a learned rule may be for. */
export const LEARNED_FIELDS: readonly LearnedField[] = ['title', 'source', 'author', 'publishedAt'];

/** The most rules kept: thirty sites, a few fields each, with room. */
export const MAX_LEARNED_RULES = 500;

// A tag, class or id in a learned selector: a plain name, so a rule can only ever select (no `:has`, quotes or combinators).
const SPOT_NAME = /^[A-Za-z_][\w-]{0,40}$/;
const META_KEY = /^[\w:.-]{1,60}$/;
// A site as the clipper names it: a host (`www.` dropped), letters, digits, dots and dashes, or an IPv6 literal.
const SITE = /^(?:[a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$|^\[[0-9a-f:.]+\]$/;

/** A host as learned rules name it: lower case, `www.` dropped; undefined for an address without one. */
export function learnedSite(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return SITE.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

function validPart(raw: unknown): { tag: string; classes: string[]; id?: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.tag !== 'string' || !SPOT_NAME.test(r.tag)) return undefined;
  if (!Array.isArray(r.classes) || r.classes.length > 3) return undefined;
  if (!r.classes.every((c) => typeof c === 'string' && SPOT_NAME.test(c))) return undefined;
  const part: { tag: string; classes: string[]; id?: string } = { tag: r.tag.toLowerCase(), classes: [...r.classes] };
  if (r.id !== undefined) {
    if (typeof r.id !== 'string' || !SPOT_NAME.test(r.id)) return undefined;
    part.id = r.id;
  }
  return part;
}

/** A learned place as it may be kept: plain names only, a short label, a meta key; anything else refused. */
export function validLearnedSpot(raw: unknown): LearnedSpot | undefined {
  const part = validPart(raw);
  if (!part) return undefined;
  const r = raw as Record<string, unknown>;
  const spot: LearnedSpot = { ...part };
  if (r.label !== undefined) {
    if (typeof r.label !== 'string' || r.label.length === 0 || r.label.length > 20) return undefined;
    spot.label = cleanLine(r.label, 20);
  }
  if (r.parent !== undefined) {
    const parent = validPart(r.parent);
    if (!parent) return undefined;
    spot.parent = parent;
  }
  if (r.meta !== undefined) {
    if (typeof r.meta !== 'string' || !META_KEY.test(r.meta) || spot.tag !== 'meta') return undefined;
    spot.meta = r.meta;
  }
  return spot;
}

/** A learned rule as it may be kept (settings, backups, team sync), or undefined. */
export function validLearnedRule(raw: unknown): LearnedRule | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.site !== 'string' || !SITE.test(r.site) || r.site.length > 253) return undefined;
  if (!LEARNED_FIELDS.includes(r.field as LearnedField)) return undefined;
  const spot = validLearnedSpot(r.spot);
  if (!spot) return undefined;
  if (typeof r.example !== 'string') return undefined;
  const time = r.learnedAt;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > 8.64e15) return undefined;
  return { site: r.site, field: r.field as LearnedField, spot, example: cleanLine(r.example, 300), learnedAt: time };
}
