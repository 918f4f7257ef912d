import { blockquote, codeSpan, escapeInline, link } from './markdown-escape';
import { type Block, buildDigest, type DigestDoc, type DigestInput, type Inline, readingMinutesOf } from './model';

export { type DigestInput, digestSlug } from './model';

export interface RenderedDigest {
  title: string;
  slug: string;
  filename: string;
  markdown: string;
}

/** Runs as Markdown; `indent` continues a list item's lines after a break. */
function inline(content: readonly Inline[], indent = ''): string {
  // A loop and one string, not map and join: this runs for every line of a week of a thousand items.
  let out = '';
  for (const run of content) {
    switch (run.kind) {
      case 'link':
        out += link(run.text, run.url);
        break;
      case 'text':
        out += escapeInline(run.text);
        break;
      case 'literal':
        out += run.text;
        break;
      case 'code':
        out += codeSpan(run.text);
        break;
      case 'break':
        out += `\n${indent}`;
        break;
      default: {
        const marker = run.strong ? '**' : '*';
        out += `${marker}${inline(run.content, indent)}${marker}`;
      }
    }
  }
  return out;
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
      for (const item of b.items) out.push(`- ${inline(item, '  ')}`);
      return;
    case 'list':
      b.items.forEach((item, i) => {
        const marker = b.ordered ? `${b.start + i}. ` : '- ';
        out.push(`${marker}${inline(item, ' '.repeat(marker.length))}`);
      });
      return;
    case 'quote':
      for (const l of blockquote(b.text)) out.push(l);
      if (b.attribution) out.push('>', `> ${inline(b.attribution)}`);
      return;
    case 'references':
      b.items.forEach((item, i) => {
        const marker = `${i + 1}. `;
        const indent = ' '.repeat(marker.length);
        out.push(`${marker}${inline(item.content)}`);
        item.quotes.forEach((q, j) => {
          // A `>` line between quotes keeps each its own paragraph.
          if (j > 0) out.push(`${indent}>`);
          const lines = blockquote(q.text, indent);
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

export function readingTimeOf(doc: DigestDoc): string {
  return doc.labels.readingTime(readingMinutesOf([...doc.head, ...doc.body]));
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
  appendBlock(out, [readingTimeOf(doc)]);
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
