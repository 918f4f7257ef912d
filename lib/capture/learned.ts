// Where on a site's pages a field is, learned from the editor's correction (issue 27 §4): a short
// description of the element that held the corrected text (its tag, its stable classes or id, and
// the label before the value such as `作者：` or `By`), never the page's text and never code. The
// next capture on that site reads there first. Pure: the DOM is a parameter.
import { cleanLine } from '../text';
import type { LearnedField, LearnedRule, LearnedSpot, PageCapture } from '../types';
import { parseDate } from './dates';
import { dateInText } from './metadata';

export type { LearnedField, LearnedSpot };

/** The `<meta>` (by name or property) whose content is the value, if the page declares it so. */
export function declaredSpot(doc: Document, value: string, field: LearnedField): LearnedSpot | undefined {
  const wanted = squash(value).toLowerCase();
  for (const el of Array.from(doc.querySelectorAll('meta[content]')).slice(0, 300)) {
    const key = el.getAttribute('property') ?? el.getAttribute('name');
    if (!key || !/^[\w:.-]{1,60}$/.test(key)) continue;
    const content = el.getAttribute('content') ?? '';
    // Data blobs and keyword lists hold every word of the page.
    if (content.length > 200 || /^[[{]/.test(content.trim()) || /keywords|analytics|data/i.test(key)) continue;
    const same =
      field === 'publishedAt'
        ? parseDate(content)?.slice(0, 10) === value.slice(0, 10)
        : squash(content).toLowerCase() === wanted;
    if (same) return { tag: 'meta', classes: [], meta: key };
  }
  return undefined;
}

const NAME = /^[A-Za-z_][\w-]{0,40}$/;
/** Class names and ids that name a thing, not a state or a build's hash (`is-active`, `css-1x2y3z`, `post-12345`). */
const stable = (name: string) =>
  NAME.test(name) && !/\d{3}|^(?:is|has)-|active|selected|hidden|open|visible|^css-|^sc-|^jsx-/i.test(name);

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

function partOf(el: Element): { tag: string; classes: string[]; id?: string } {
  const classes = Array.from(el.classList).filter(stable).slice(0, 3);
  const id = el.id && stable(el.id) ? el.id : undefined;
  return id ? { tag: el.tagName.toLowerCase(), classes, id } : { tag: el.tagName.toLowerCase(), classes };
}

function selectorOf(part: { tag: string; classes: string[]; id?: string }): string {
  if (!NAME.test(part.tag)) return '';
  const classes = part.classes.filter((c) => NAME.test(c));
  return `${part.tag}${part.id && NAME.test(part.id) ? `#${part.id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
}

/** Whether a text shows the value: the same words, or for a date the same day in any writing. */
function shows(text: string, value: string, field: LearnedField): boolean {
  if (field !== 'publishedAt') return squash(text).toLowerCase().includes(squash(value).toLowerCase());
  return text.length <= 120 && dateInText(text)?.slice(0, 10) === value.slice(0, 10);
}

/**
 * The smallest element of the page whose text shows the corrected value (a date: one that reads as
 * the same day), outside scripts, styles and the page's head; at most 20,000 elements looked at.
 */
export function locateValue(doc: Document, value: string, field: LearnedField): Element | undefined {
  const wanted = squash(value);
  if (wanted.length < 2 || !doc.body) return undefined;
  let best: Element | undefined;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(), seen = 0; node && seen < 20_000; node = walker.nextNode(), seen++) {
    const el = node as Element;
    if (/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(el.tagName)) continue;
    const text = el.textContent ?? '';
    if (text.length > 2_000 || !shows(text, wanted, field)) continue;
    // Deeper matches come later in document order and are smaller: keep the last one inside the first.
    if (!best || best.contains(el)) best = el;
  }
  return best;
}

/** The description of where a value stood, or undefined when nothing stable names that place. */
export function describeSpot(el: Element, value: string, field: LearnedField): LearnedSpot | undefined {
  const spot: LearnedSpot = partOf(el);
  const text = squash(el.textContent ?? '');
  // A label in the same element before the value (`By Jane Roe`, `作者：张三`).
  const at = field === 'publishedAt' ? -1 : text.toLowerCase().indexOf(squash(value).toLowerCase());
  const label = at > 0 ? text.slice(0, at).trim() : '';
  if (label && label.length <= 20 && !/\d/.test(label)) spot.label = label;
  if (spot.classes.length === 0 && !spot.id) {
    for (let up = el.parentElement; up && up !== el.ownerDocument.body; up = up.parentElement) {
      const part = partOf(up);
      if (part.classes.length || part.id) {
        spot.parent = part;
        break;
      }
    }
    // A bare tag anywhere on the page (`<span>`) says nothing of where: not worth learning.
    if (!spot.parent && !spot.label && !/^(?:h1|time|address)$/.test(spot.tag)) return undefined;
  }
  return spot;
}

/** What a learned spot holds on another page of the site, or undefined when it is not there. */
export function readSpot(doc: Document, spot: LearnedSpot, field: LearnedField): string | undefined {
  if (spot.meta !== undefined) {
    if (!/^[\w:.-]{1,60}$/.test(spot.meta)) return undefined;
    // Every meta of that name: some sites give one per author.
    const content = Array.from(doc.querySelectorAll(`meta[property="${spot.meta}"], meta[name="${spot.meta}"]`))
      .map((el) => el.getAttribute('content')?.trim())
      .filter(Boolean)
      .join(', ');
    if (!content) return undefined;
    return field === 'publishedAt' ? parseDate(content) : cleanLine(content, 300) || undefined;
  }
  const own = selectorOf(spot);
  if (!own) return undefined;
  const parent = spot.parent ? selectorOf(spot.parent) : '';
  let found: Element[];
  try {
    found = Array.from(doc.querySelectorAll(parent ? `${parent} ${own}` : own)).slice(0, 5);
  } catch {
    return undefined;
  }
  for (const el of found) {
    let text = squash(el.textContent ?? '');
    if (spot.label) {
      if (!text.toLowerCase().startsWith(spot.label.toLowerCase())) continue;
      text = text.slice(spot.label.length).replace(/^[\s:：|｜/／-]+/, '');
    }
    if (field === 'publishedAt') {
      const stamp = el.getAttribute('datetime');
      const parsed = (stamp ? parseDate(stamp) : undefined) ?? dateInText(text);
      if (parsed) return parsed;
      continue;
    }
    const value = cleanLine(text, 300);
    if (value && value.length <= (field === 'title' ? 300 : 120)) return value;
  }
  return undefined;
}

/** What the background asks of a page (entrypoints/learned.ts): read learned places, or find corrected values. */
export interface LearnedJob {
  read?: { field: LearnedField; spot: LearnedSpot }[];
  locate?: { field: LearnedField; value: string }[];
}

export interface LearnedAnswer {
  read: Partial<Record<LearnedField, string>>;
  located: Partial<Record<LearnedField, LearnedSpot>>;
}

/**
 * Runs one job on a page: each learned place read (what it holds now), each corrected value located and
 * described (a declaring `<meta>` first, else the element showing it). Anything malformed reads as nothing.
 */
export function runLearnedJob(doc: Document, job: LearnedJob | undefined): LearnedAnswer {
  const answer: LearnedAnswer = { read: {}, located: {} };
  for (const { field, spot } of job?.read ?? []) {
    try {
      const value = readSpot(doc, spot, field);
      if (value) answer.read[field] = value;
    } catch {
      // A place that no longer reads leaves the field to the general rules.
    }
  }
  for (const { field, value } of job?.locate ?? []) {
    if (typeof value !== 'string' || !value.trim()) continue;
    const declared = declaredSpot(doc, value, field);
    const el = declared ? undefined : locateValue(doc, value, field);
    const spot = declared ?? (el ? describeSpot(el, value, field) : undefined);
    if (spot) answer.located[field] = spot;
  }
  return answer;
}

/**
 * A capture with what its site's learned places hold: read there first (the editor showed where the
 * field is), marked `learned` with the day it was learned for the capture form.
 */
export function withLearned<T extends PageCapture>(
  capture: T,
  rules: readonly LearnedRule[],
  read: Partial<Record<LearnedField, string>> | undefined,
): T {
  let out = capture;
  for (const rule of rules) {
    const value = read?.[rule.field];
    if (!value) continue;
    out = {
      ...out,
      [rule.field]: value,
      origins: { ...out.origins, [rule.field]: 'learned' },
      learnedOn: { ...out.learnedOn, [rule.field]: rule.learnedAt },
    };
  }
  return out;
}
