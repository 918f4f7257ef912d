import { blockquote, escapeInline, link, prose } from './markdown-escape';
import { type Block, buildDigest, type DigestDoc, type DigestInput, type Inline, plainTexts } from './model';
import { readingMinutes } from './reading-time';

export { type DigestInput, digestSlug } from './model';

export interface RenderedDigest {
  title: string;
  slug: string;
  filename: string;
  markdown: string;
}

function inline(content: Inline[]): string {
  return content
    .map((run) =>
      run.kind === 'link' ? link(run.text, run.url) : run.kind === 'text' ? escapeInline(run.text) : run.text,
    )
    .join('');
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${inline(b.content)}`];
    case 'paragraph':
      return [inline(b.content)];
    case 'prose':
      return prose(b.text);
    case 'bullets':
      return b.items.map((item) => `- ${inline(item)}`);
    case 'quote':
      return [...blockquote(b.text), ...(b.attribution ? ['>', `> ${inline(b.attribution)}`] : [])];
    case 'references':
      return b.items.flatMap((item, i) => {
        const marker = `${i + 1}. `;
        const indent = ' '.repeat(marker.length);
        return [`${marker}${inline(item.content)}`, ...item.quotes.flatMap((q) => blockquote(q, indent))];
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
