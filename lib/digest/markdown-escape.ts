/**
 * Escaping for text the editor typed or a page supplied, so it renders in CommonMark
 * exactly as written: no emphasis, links, HTML, headings or lists it did not ask for.
 */
import { foldSpace } from './fold-space';

// Characters that start inline constructs anywhere in a line.
const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g;
// Markers that start a block when they open a line (after our own prefix they still would).
const BLOCK_START = /^(#{1,6}(?=\s|$)|[>+\-=]|\d{1,9}(?=[.)]))/;

// Most text has none of these; testing first spares two replacements per run.
const NEEDS_ESCAPE = /[\\`*_[\]<>|~&]/;
const ENTITY_START = /&(?=#?\w+;)/g;

function escapeLine(line: string): string {
  let out = NEEDS_ESCAPE.test(line) ? line.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_START, '\\&') : line;
  const block = BLOCK_START.exec(out);
  if (block) {
    const marker = block[0];
    out = /^\d/.test(marker) ? `${marker}\\${out.slice(marker.length)}` : `\\${out}`;
  }
  return out;
}

/** One line of inline text: line breaks folded to spaces, everything special escaped. */
export function escapeInline(text: string): string {
  return escapeLine(foldSpace(text));
}

/**
 * A run of text inside a line, next to emphasis, links or code: whitespace folds to one space but the
 * ends are kept (`of *Title*` must not become `of*Title*`, which CommonMark shows as `ofTitle`).
 * `lineStart` trims its start and escapes a block marker there, as for a whole line.
 */
export function escapeRun(text: string, lineStart: boolean): string {
  const folded = /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ') : text;
  if (lineStart) return escapeLine(folded.trimStart());
  return NEEDS_ESCAPE.test(folded) ? folded.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_START, '\\&') : folded;
}

// Line breaks, runs of blanks, or blanks at either end: then the text is split and folded.
const NEEDS_SPLIT = /[\r\n\t\f\v\u00a0]| {2}|^\s|\s$/;

/** Paragraphs of text as lines; blank-line separated paragraphs survive. */
function paragraphs(text: string): string[][] {
  // A one-line quote with nothing to fold (most are) is its own only paragraph.
  if (!NEEDS_SPLIT.test(text)) return text === '' ? [] : [[text]];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
}

/** A block quote; `indent` puts it inside a list item. */
export function blockquote(text: string, indent = ''): string[] {
  const out: string[] = [];
  for (const lines of paragraphs(text)) {
    if (out.length > 0) out.push(`${indent}>`);
    for (const line of lines) out.push(`${indent}> ${escapeLine(line)}`);
  }
  return out;
}

/** Inline code exactly as written: a fence longer than any backtick run inside it. */
export function codeSpan(code: string): string {
  const text = code.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const URL_UNSAFE = /[\s()<>\\]|[\u0000-\u001f\u007f]/gu;
const DESTINATION_SPECIALS = /[\s()<>\\&]|[\u0000-\u001f\u007f]/u;

/** A link destination that survives spaces and parentheses; undefined for non-web URLs. */
export function linkDestination(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  // Most addresses need neither; testing first spares two replacements per link.
  if (!DESTINATION_SPECIALS.test(trimmed)) return trimmed;
  return (
    trimmed
      .replace(URL_UNSAFE, (c) => {
        const bytes = new TextEncoder().encode(c);
        return Array.from(bytes, (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
      })
      // CommonMark decodes entities in destinations; `?a=1&#0;` must stay as written.
      .replace(/&(?=#?\w+;)/g, '\\&')
  );
}

/** `[text](url)`, or the escaped text alone when the URL is not a web address. */
export function link(text: string, url: string): string {
  const label = escapeInline(text) || escapeInline(url);
  const destination = linkDestination(url);
  return destination ? `[${label}](${destination})` : label;
}
