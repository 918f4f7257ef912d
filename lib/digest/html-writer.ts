import { readingTimeOf } from './markdown-writer';
import { type Block, buildDigest, type DigestDoc, type DigestInput, type Inline } from './model';

/**
 * The draft as HTML for CMS editors (rich-text paste) and `.html` downloads. Every string
 * from a page or the editor is escaped; only http(s) links are made, so nothing a page
 * carried (script, style, event handlers, javascript: URLs) can survive into the output.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function inline(content: Inline[]): string {
  return content
    .map((run) => {
      switch (run.kind) {
        case 'link': {
          const href = safeHref(run.url);
          const label = escapeHtml((run.text || run.url).replace(/\s+/g, ' ').trim());
          return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
        }
        case 'code':
          return `<code>${escapeHtml(run.text)}</code>`;
        case 'break':
          return '<br>';
        case 'emphasis': {
          const tag = run.strong ? 'strong' : 'em';
          return `<${tag}>${inline(run.content)}</${tag}>`;
        }
        default:
          return escapeHtml(run.text.replace(/\s+/g, ' '));
      }
    })
    .join('');
}

function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(
      (p) =>
        `<p>${p
          .split('\n')
          .map((line) => escapeHtml(line.trim()))
          .join('<br>')}</p>`,
    )
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inline(b.content)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'list': {
      const items = b.items.map((item) => `<li>${inline(item)}</li>`).join('');
      return b.ordered ? `<ol${b.start === 1 ? '' : ` start="${b.start}"`}>${items}</ol>` : `<ul>${items}</ul>`;
    }
    case 'quote':
      return `<blockquote>${paragraphs(b.text)}${b.attribution ? `<p>${inline(b.attribution)}</p>` : ''}</blockquote>`;
    case 'references':
      return `<ol>${b.items
        .map(
          (item) =>
            `<li>${inline(item.content)}${item.quotes.map((q) => `<blockquote>${paragraphs(q)}</blockquote>`).join('')}</li>`,
        )
        .join('')}</ol>`;
  }
}

/** The draft's body as an HTML fragment (what a rich-text copy puts on the clipboard). */
export function digestToHtmlFragment(doc: DigestDoc): string {
  return [...doc.head.map(block), `<p>${escapeHtml(readingTimeOf(doc))}</p>`, ...doc.body.map(block)].join('\n');
}

export interface RenderedHtml {
  filename: string;
  fragment: string;
  document: string;
}

export function renderDigestHtml(input: DigestInput): RenderedHtml {
  const doc = buildDigest(input);
  const fragment = digestToHtmlFragment(doc);
  const lang = input.settings.language === 'zh' ? 'zh-CN' : 'en';
  const document = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
</head>
<body>
${fragment}
</body>
</html>
`;
  return { filename: `${doc.slug}.html`, fragment, document };
}
