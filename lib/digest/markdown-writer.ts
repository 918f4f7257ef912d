import { blockquote, codeSpan, escapeRun, link } from './markdown-escape';
import { type Block, buildDigest, type DigestDoc, type DigestInput, type Inline } from './model';

export { type DigestInput, digestSlug } from './model';

export interface RenderedDigest {
  title: string;
  slug: string;
  filename: string;
  markdown: string;
}

// CommonMark's classes for the flanking rules that decide whether `*` opens or closes emphasis.
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/** A run as the writer writes it: a link may carry the emphasis around it inside its label. */
type Run = Inline | { kind: 'markedLink'; text: string; url: string; marker: string };

/** The first (or last) character a run writes, as far as the flanking rules see it. */
function edgeChar(run: Run | undefined, last: boolean): string {
  if (!run || run.kind === 'break') return ' ';
  switch (run.kind) {
    case 'link':
    case 'markedLink':
      return last ? ')' : '[';
    case 'code':
      return '`';
    case 'emphasis':
      return '*';
    default: {
      if (run.text === '') return ' ';
      return last ? run.text.slice(-1) : run.text.slice(0, 1);
    }
  }
}

/**
 * The first character written for a run not yet settled: an emphasis right after another is written
 * without its markers (see `touching`), and one after blanks starts with them, so its text decides.
 */
function nextChar(run: Run | undefined): string {
  return run?.kind === 'emphasis' ? nextChar(run.content[0]) : edgeChar(run, false);
}

const isWs = (c: string) => WHITESPACE.test(c);

/** Appends a run, joining text to text: what starts a line (`2026` then `)`) is escaped as one. */
function add(out: Run[], run: Run): void {
  const last = out[out.length - 1];
  if (run.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + run.text };
  else out.push(run);
}
const isPunct = (c: string) => PUNCTUATION.test(c);

/**
 * Emphasis written so CommonMark reads it as the editor meant: blanks at its edges move outside
 * the markers, and so does punctuation that would keep a marker from opening or closing next to a
 * letter (`**Cost:**the` is literal stars; `**Cost**:the` is bold). Text is unchanged, only where
 * the markers stand. Emphasis that still could not open or close (a link at its edge next to a
 * letter: `看**[链接](…)**和`) is written piece by piece, the markers inside the link's label.
 */
function isEmptyRuns(runs: readonly Run[]): boolean {
  return runs.every((run) =>
    run.kind === 'text' ? run.text === '' : run.kind === 'emphasis' && isEmptyRuns(run.content),
  );
}

function settleEmphasis(runs: readonly Run[]): Run[] {
  // Two emphases of one kind side by side read as one; two of different kinds cannot be told apart
  // in CommonMark without a character between them (`*a***b**`), so the second is written plain.
  const content: Run[] = [];
  for (const run of runs) {
    const last = content[content.length - 1];
    if (run.kind === 'text' && run.text === '') continue;
    // Emphasis around nothing shows nothing, and must not part what stands on either side of it
    // (two code spans around it ran together as `the``the`).
    if (run.kind === 'emphasis' && isEmptyRuns(run.content)) continue;
    if (run.kind === 'text' && last?.kind === 'text')
      content[content.length - 1] = { ...last, text: last.text + run.text };
    else if (run.kind === 'emphasis' && last?.kind === 'emphasis' && last.strong === run.strong)
      content[content.length - 1] = { ...last, content: [...last.content, ...run.content] };
    // Two code spans side by side would be read as one fence; they show as one anyway.
    else if (run.kind === 'code' && last?.kind === 'code')
      content[content.length - 1] = { ...last, text: last.text + run.text };
    else content.push(run);
  }
  const out: Run[] = [];
  for (let i = 0; i < content.length; i++) {
    const run = content[i] as Run;
    if (run.kind !== 'emphasis') {
      add(out, run);
      continue;
    }
    const inner = settleEmphasis(run.content) as Inline[];
    let lead = '';
    let trail = '';
    const first = inner[0];
    if (first?.kind === 'text') {
      const before = edgeChar(out[out.length - 1], true);
      let cut = 0;
      const chars = Array.from(first.text);
      const openerSafe = isWs(before) || isPunct(before);
      while (cut < chars.length && (isWs(chars[cut] as string) || (!openerSafe && isPunct(chars[cut] as string))))
        cut++;
      lead = chars.slice(0, cut).join('');
      inner[0] = { kind: 'text', text: chars.slice(cut).join('') };
    }
    const lastIndex = inner.length - 1;
    const lastRun = inner[lastIndex];
    if (lastRun?.kind === 'text') {
      const after = nextChar(content[i + 1]);
      const closerSafe = isWs(after) || isPunct(after);
      const chars = Array.from(lastRun.text);
      let cut = chars.length;
      while (cut > 0 && (isWs(chars[cut - 1] as string) || (!closerSafe && isPunct(chars[cut - 1] as string)))) cut--;
      trail = chars.slice(cut).join('');
      inner[lastIndex] = { kind: 'text', text: chars.slice(0, cut).join('') };
    }
    const kept = inner.filter((r) => r.kind !== 'text' || r.text !== '');
    if (lead) add(out, { kind: 'text', text: lead });
    const before = edgeChar(out[out.length - 1], true);
    const after = trail ? trail.slice(0, 1) : nextChar(content[i + 1]);
    const open = edgeChar(kept[0], false);
    const close = edgeChar(kept[kept.length - 1], true);
    const opens = kept.length > 0 && !isWs(open) && (!isPunct(open) || isWs(before) || isPunct(before));
    const closes = kept.length > 0 && !isWs(close) && (!isPunct(close) || isWs(after) || isPunct(after));
    // Two emphases side by side would write one run of stars (`**a***b*`) that parses otherwise.
    const touching = out[out.length - 1]?.kind === 'emphasis' && !lead;
    const marker = run.strong ? '**' : '*';
    if (opens && closes && !touching) out.push({ kind: 'emphasis', strong: run.strong, content: kept as Inline[] });
    else if (kept.some((r) => r.kind === 'link')) {
      // Piece by piece, each piece settled in its turn: the runs between links in their own markers,
      // links marked inside.
      const pieces: Run[] = [];
      for (const r of kept) {
        const last = pieces[pieces.length - 1];
        if (r.kind === 'link') pieces.push({ kind: 'markedLink', text: r.text, url: r.url, marker });
        else if (last?.kind === 'emphasis') last.content.push(r as Inline);
        else pieces.push({ kind: 'emphasis', strong: run.strong, content: [r as Inline] });
      }
      content.splice(i + 1, 0, ...pieces, ...(trail ? [{ kind: 'text' as const, text: trail }] : []));
      continue;
    } else for (const r of kept) add(out, r);
    if (trail) add(out, { kind: 'text', text: trail });
  }
  return out;
}

/** Runs as Markdown; `indent` continues a list item's lines after a break. */
function inline(content: readonly Inline[], indent = ''): string {
  return writeRuns(settleEmphasis(content), indent, true).trimEnd();
}

function writeRuns(content: readonly Run[], indent: string, lineStart: boolean): string {
  // A loop and one string, not map and join: this runs for every line of a week of a thousand items.
  let out = '';
  let atStart = lineStart;
  let lineBegin = 0;
  for (const run of content) {
    switch (run.kind) {
      case 'link':
        // `!` right before a link would make it an image.
        if (out.endsWith('!') && !out.endsWith('\\!')) out = `${out.slice(0, -1)}\\!`;
        out += link(run.text, run.url);
        break;
      case 'markedLink': {
        if (out.endsWith('!') && !out.endsWith('\\!')) out = `${out.slice(0, -1)}\\!`;
        // `[**label**](url)`: the markers flank the label's letters, whatever stands outside the link.
        const written = link(run.text, run.url);
        out += written.startsWith('[') ? written.replace(/^\[(.*)\]\(/s, `[${run.marker}$1${run.marker}](`) : written;
        break;
      }
      case 'text':
        out += escapeRun(run.text, atStart);
        break;
      case 'literal':
        out += run.text;
        break;
      case 'code':
        out += codeSpan(run.text);
        break;
      case 'break':
        out = `${out.trimEnd()}\n${indent}`;
        atStart = true;
        lineBegin = out.length;
        continue;
      default: {
        const marker = run.strong ? '**' : '*';
        out += `${marker}${writeRuns(run.content, indent, false)}${marker}`;
      }
    }
    if (atStart && out.slice(lineBegin).trim() !== '') atStart = false;
  }
  return out;
}

/** A quote's lines: its Markdown's blocks, each line behind `> `, or its text escaped. */
function quoteLines(q: { text: string; blocks?: Block[] }, indent = ''): string[] {
  if (!q.blocks) return blockquote(q.text, indent);
  const inner: string[] = [];
  for (const b of q.blocks) {
    if (inner.length > 0) inner.push('');
    block(b, inner);
  }
  // A line broken inside a paragraph is one entry holding a newline: every line gets its `> `.
  return inner.flatMap((l) => l.split('\n')).map((l) => (l === '' ? `${indent}>` : `${indent}> ${l}`));
}

/** Appends a block's lines to `out`. */
function block(b: Block, out: string[]): void {
  switch (b.kind) {
    case 'heading':
      // A heading's text that ends in ` #` would lose it as a closing sequence.
      out.push(`${'#'.repeat(b.level)} ${inline(b.content).replace(/(\s)(#+)$/, '$1\\$2')}`);
      return;
    case 'paragraph':
      out.push(inline(b.content));
      return;
    case 'bullets':
      b.items.forEach((item, i) => {
        out.push(`- ${inline(item, '  ')}`);
        // The item's note: its blocks inside the list item, indented under the bullet's text.
        for (const child of b.notes?.[i] ?? []) {
          const lines: string[] = [];
          block(child, lines);
          out.push('', ...lines.map((l) => (l === '' ? '' : `  ${l}`)));
        }
      });
      return;
    case 'list':
      b.items.forEach((item, i) => {
        const marker = b.ordered ? `${b.start + i}. ` : '- ';
        out.push(`${marker}${inline(item, ' '.repeat(marker.length))}`);
        // A nested list sits under its item, indented to the item's text, and keeps the list tight.
        for (const child of b.children?.[i] ?? []) {
          const lines: string[] = [];
          block(child, lines);
          if (child.kind !== 'list') out.push('');
          out.push(...lines.map((l) => (l === '' ? '' : `${' '.repeat(marker.length)}${l}`)));
        }
      });
      return;
    case 'quote':
      for (const l of quoteLines(b)) out.push(l);
      if (b.attribution) out.push('>', `> ${inline(b.attribution)}`);
      return;
    case 'references':
      b.items.forEach((item, i) => {
        // The template's own `{{n}}` numbers the line: the quotes then follow it unindented.
        const marker = b.numbered ? `${i + 1}. ` : '';
        const indent = ' '.repeat(marker.length);
        if (!b.numbered && i > 0) out.push('');
        out.push(`${marker}${inline(item.content)}`);
        item.quotes.forEach((q, j) => {
          // A `>` line between quotes keeps each its own paragraph.
          if (j > 0) out.push(`${indent}>`);
          const lines = quoteLines(q, indent);
          // The link to the quote's place on the page ends its last line.
          if (q.link && lines.length > 0)
            lines[lines.length - 1] += ` ${inline([{ kind: 'link', text: '↗', url: q.link }])}`;
          for (const l of lines) out.push(l);
        });
      });
  }
}

function frontMatter(doc: DigestDoc): string[] {
  const lines = [
    '---',
    `title: ${JSON.stringify(doc.title)}`,
    `slug: ${doc.slug}`,
    `categories: [${JSON.stringify(doc.category)}]`,
    `date: ${doc.date}`,
  ];
  if (doc.tags.length > 0) lines.push(`tags: [${doc.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  return [...lines, '---'];
}

/** Appends one block's lines after a blank line; a block with no lines still stands between its separators. */
function appendBlock(out: string[], lines: readonly string[] | Block): void {
  if (out.length > 0) out.push('');
  const before = out.length;
  if (Array.isArray(lines)) for (const l of lines) out.push(l);
  else block(lines as Block, out);
  if (out.length === before) out.push('');
}

/** Markdown for a built digest; blocks are separated by one blank line. */
export function digestToMarkdown(doc: DigestDoc, withFrontMatter: boolean): string {
  // One array of lines for the whole draft, joined once.
  const out: string[] = [];
  if (withFrontMatter) appendBlock(out, frontMatter(doc));
  for (const b of doc.head) appendBlock(out, b);
  for (const b of doc.body) appendBlock(out, b);
  return `${out.join('\n')}\n`;
}

/**
 * The week's draft in the published digest's shape (docs/digest-format.md). Pure: the same input
 * gives the same bytes.
 */
export function renderDigest(input: DigestInput): RenderedDigest {
  const doc = buildDigest(input);
  return {
    title: doc.title,
    slug: doc.slug,
    filename: `${doc.slug}.md`,
    markdown: digestToMarkdown(doc, input.settings.frontMatter),
  };
}
