import type { Block, Inline } from './blocks';

/**
 * The Markdown an editor writes in a note, the lede or the closing paragraph (docs/digest-format.md,
 * "Notes"): paragraphs, `-`/`*`/`+` and numbered lists, headings, `*emphasis*`, `**strong**`,
 * `` `code` `` and `[links](https://…)`. Parsed into the draft's blocks, so every writer keeps the
 * structure and escapes the text: raw HTML stays text, links other than http(s) stay text.
 * Anything else is text as written.
 */

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const MAX_NESTING = 6;

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/**
 * Where `delimiter` closes, from `from`; -1 if nowhere. `failed` remembers, per delimiter, the earliest
 * start that found none, so a line of 100,000 unclosed `[` is scanned once, not once per `[`.
 */
function closingIndex(source: string, from: number, delimiter: string, failed: Map<string, number>): number {
  if (from >= (failed.get(delimiter) ?? Number.POSITIVE_INFINITY)) return -1;
  const found = scanClosing(source, from, delimiter);
  if (found < 0) failed.set(delimiter, Math.min(from, failed.get(delimiter) ?? from));
  return found;
}

function scanClosing(source: string, from: number, delimiter: string): number {
  let i = from;
  while (i < source.length) {
    if (source[i] === '\\') {
      i += 2;
      continue;
    }
    if (source.startsWith(delimiter, i)) {
      // `*` must not close on the first star of `**` (and the other way round).
      const single = delimiter.length === 1;
      if (!single || source[i + 1] !== delimiter) return i;
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}

// `(url)`, `(<url>)`, or a URL with balanced parentheses inside (`…/Foo_(bar)`), as CommonMark allows.
const DESTINATION = /\(\s*(?:<([^<>\n]+)>|((?:[^\s()<>]|\([^\s()<>]*\))+))\s*\)/y;

/** Inline Markdown of one line (or a joined paragraph) as runs. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const failed = new Map<string, number>();
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\' && i + 1 < source.length && ASCII_PUNCTUATION.test(source[i + 1] as string)) {
      pushText(out, source[i + 1] as string);
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (source[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let end = source.indexOf(fence, i + n);
      while (end >= 0 && source[end + n] === '`') end = source.indexOf(fence, end + n + 1);
      if (end > i + n - 1) {
        const body = source.slice(i + n, end);
        out.push({ kind: 'code', text: /^ .* $/.test(body) && body.trim() !== '' ? body.slice(1, -1) : body });
        i = end + n;
        continue;
      }
      pushText(out, fence);
      i += n;
      continue;
    }
    if (c === '[') {
      const close = closingIndex(source, i + 1, ']', failed);
      DESTINATION.lastIndex = close + 1;
      const match = close > 0 ? DESTINATION.exec(source) : null;
      if (match) {
        const url = (match[1] ?? match[2]) as string;
        const label = source.slice(i + 1, close);
        const end = close + 1 + match[0].length;
        if (/^https?:\/\//i.test(url)) {
          out.push({ kind: 'link', text: label.replace(/\\([!-/:-@[-`{-~])/g, '$1'), url });
        } else {
          // Only web links are made; anything else (javascript:, file:) is shown as written.
          pushText(out, source.slice(i, end));
        }
        i = end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const strong = source[i + 1] === c;
      const delimiter = strong ? c + c : c;
      const start = i + delimiter.length;
      const prev = source[i - 1] ?? ' ';
      // `snake_case` and `2*3*4` are text: `_` never opens inside a word.
      const intraword = c === '_' && /[\p{L}\p{N}]/u.test(prev);
      const end = intraword ? -1 : closingIndex(source, start, delimiter, failed);
      const inner = end > start ? source.slice(start, end) : '';
      if (inner !== '' && inner.trim() === inner) {
        out.push({ kind: 'emphasis', strong, content: parseInline(inner) });
        i = end + delimiter.length;
        continue;
      }
      pushText(out, delimiter);
      i += delimiter.length;
      continue;
    }
    pushText(out, c);
    i++;
  }
  return out;
}

function lineRuns(lines: readonly string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push({ kind: 'break' });
    out.push(...parseInline(line.trim()));
  });
  return out;
}

/**
 * A note as blocks; headings are nested under `parentLevel` (a `#` in a deep dive's note is one
 * level below the deep dive's own heading), never deeper than 6.
 */
export function parseNote(text: string, parentLevel: number, depth = 0): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Each item: its lines, where its text starts (the marker's width), and the lines indented under it as a
  // nested list (dedented to that width, parsed as a note of their own).
  let list:
    | { ordered: boolean; start: number; items: { lines: string[]; marker: number; indent: number; sub: string[] }[] }
    | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: lineRuns(paragraph) });
    paragraph = [];
    if (list) {
      const block: Block = {
        kind: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((i) => lineRuns(i.lines)),
      };
      if (list.items.some((i) => i.sub.length > 0))
        block.children = list.items.map((i) =>
          i.sub.length > 0 ? parseNote(i.sub.join('\n'), parentLevel, depth + 1) : undefined,
        );
      blocks.push(block);
    }
    list = undefined;
  };
  let blankBefore = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    if (line.trim() === '') {
      if (paragraph.length > 0) flush();
      blankBefore = true;
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const current = list?.items[list.items.length - 1];
    const leading = (/^[ \t]*/.exec(line) as RegExpExecArray)[0].replace(/\t/g, '    ').length;
    // Indented under an item: a list of its own (and what follows it, indented), not more items of this one.
    // Lists nest a few levels deep (each level reads its lines again): deeper ones continue their item.
    if (
      current &&
      depth < MAX_NESTING &&
      !heading &&
      leading >= current.marker + 2 &&
      (bullet || numbered || (current.sub.length > 0 && !blankBefore))
    ) {
      current.sub.push(line.replace(/\t/g, '    ').slice(Math.min(leading, current.indent)));
      blankBefore = false;
      continue;
    }
    if (heading) {
      flush();
      const level = Math.min(6, parentLevel + (heading[1] as string).length) as Level;
      blocks.push({ kind: 'heading', level, content: parseInline(heading[2] as string) });
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      if (!list) list = { ordered, start: ordered ? Number((numbered as RegExpExecArray)[1]) : 1, items: [] };
      const match = (bullet ?? numbered) as RegExpExecArray;
      const text = match[ordered ? 2 : 1] as string;
      list.items.push({
        lines: [text],
        marker: leading,
        indent: leading + line.trimStart().length - text.length,
        sub: [],
      });
    } else if (list && (CONTINUATION.test(line) || !blankBefore)) {
      // An indented line (or one straight after an item) continues the item above it.
      list.items[list.items.length - 1]?.lines.push(line.trim());
    } else {
      if (list) flush();
      paragraph.push(line);
    }
    blankBefore = false;
  }
  flush();
  return blocks;
}
