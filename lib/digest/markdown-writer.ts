import { blockquote, codeSpan, escapeInline, link } from './markdown-escape';
import { type Block, buildDigest, type DigestDoc, type DigestInput, type Inline, plainTexts } from './model';
import { readingMinutes } from './reading-time';

export { type DigestInput, digestSlug } from './model';

export interface RenderedDigest {
  title: string;
  slug: string;
  filename: string;
  markdown: string;
}

/** Runs as Markdown; `indent` continues a list item's lines after a break. */
function inline(content: Inline[], indent = ''): string {
  return content
    .map((run) => {
      switch (run.kind) {
        case 'link':
          return link(run.text, run.url);
        case 'text':
          return escapeInline(run.text);
        case 'literal':
          return run.text;
        case 'code':
          return codeSpan(run.text);
        case 'break':
          return `\n${indent}`;
        default: {
          const marker = run.strong ? '**' : '*';
          return `${marker}${inline(run.content, indent)}${marker}`;
        }
      }
    })
    .join('');
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      // A heading's text that ends in ` #` would lose it as a closing sequence.
      return [`${'#'.repeat(b.level)} ${inline(b.content).replace(/(\s)(#+)$/, '$1\\$2')}`];
    case 'paragraph':
      return [inline(b.content)];
    case 'bullets':
      return b.items.map((item) => `- ${inline(item, '  ')}`);
    case 'list':
      return b.items.map((item, i) => {
        const marker = b.ordered ? `${b.start + i}. ` : '- ';
        return `${marker}${inline(item, ' '.repeat(marker.length))}`;
      });
    case 'quote':
      return [...blockquote(b.text), ...(b.attribution ? ['>', `> ${inline(b.attribution)}`] : [])];
    case 'references':
      return b.items.flatMap((item, i) => {
        const marker = `${i + 1}. `;
        const indent = ' '.repeat(marker.length);
        // A `>` line between quotes keeps each its own paragraph.
        const quotes = item.quotes.flatMap((q, j) => {
          const lines = blockquote(q.text, indent);
          // The link to the quote's place on the page ends its last line.
          if (q.link && lines.length > 0)
            lines[lines.length - 1] += ` ${inline([{ kind: 'link', text: '↗', url: q.link }])}`;
          return [...(j > 0 ? [`${indent}>`] : []), ...lines];
        });
        return [`${marker}${inline(item.content)}`, ...quotes];
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
  return doc.labels.readingTime(readingMinutes(plainTexts([...doc.head, ...doc.body])));
}

/** Markdown for a built digest; blocks are separated by one blank line. */
export function digestToMarkdown(doc: DigestDoc, withFrontMatter: boolean): string {
  const blocks = [...doc.head.map(block), [readingTimeOf(doc)], ...doc.body.map(block)];
  if (withFrontMatter) blocks.unshift(frontMatter(doc));
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
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
