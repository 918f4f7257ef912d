/**
 * A selection's DOM as Markdown that keeps links, emphasis and code. Small on purpose: it
 * runs inside the injected clipper, whose bundle has a size budget, and a selection is a
 * few paragraphs, not a page.
 */

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'TABLE',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'DL',
  'DT',
  'DD',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
]);

function escapeText(text: string): string {
  // A marker that would start a block where a line starts (`- `, `# `, `> `, `1. `) is text too.
  return text
    .replace(/[\\`*_[\]<>]/g, '\\$&')
    .replace(/^(\s*)([-+#=]|\\>|\d{1,9}(?=[.)]))/, (_, space, mark) =>
      mark.startsWith('\\') ? `${space}${mark}` : /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

function safeHref(href: string | null, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? // encodeURIComponent leaves parentheses as they are; the link's Markdown needs them encoded.
        url.href.replace(/\(/g, '%28').replace(/\)/g, '%29')
      : undefined;
  } catch {
    return undefined;
  }
}

function inline(node: Node, base: string): string {
  if (node.nodeType === 3) return escapeText((node.textContent ?? '').replace(/\s+/g, ' '));
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const el = node as Element;
  const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
  if (SKIP.has(tag)) return '';
  if (tag === 'BR') return '\n';
  if (tag === 'PRE') return `\n\n\`\`\`\n${(el.textContent ?? '').replace(/```/g, '`\u200b``')}\n\`\`\`\n\n`;
  const inner = Array.from(node.childNodes, (child) => inline(child, base)).join('');
  const trimmed = inner.trim();
  if (BLOCKS.has(tag)) {
    const prefix =
      tag === 'LI' ? '- ' : /^H\d$/.test(tag) ? `${'#'.repeat(Number(tag[1]))} ` : tag === 'BLOCKQUOTE' ? '> ' : '';
    return trimmed ? `\n\n${prefix}${trimmed}\n\n` : '';
  }
  if (!trimmed) return inner;
  // Blanks at the edges of a link or emphasis stay outside its markers: `of <em>Title </em>now` → `of *Title* now`.
  const lead = /^\s/.test(inner) ? ' ' : '';
  const trail = /\s$/.test(inner) ? ' ' : '';
  switch (tag) {
    case 'A': {
      const href = safeHref(el.getAttribute('href'), base);
      return href ? `${lead}[${trimmed}](${href})${trail}` : inner;
    }
    case 'EM':
    case 'I':
      return `${lead}*${trimmed}*${trail}`;
    case 'STRONG':
    case 'B':
      return `${lead}**${trimmed}**${trail}`;
    case 'CODE': {
      const code = el.textContent ?? '';
      const fence = code.includes('`') ? '``' : '`';
      return `${fence}${code}${fence}`;
    }
    default:
      return inner;
  }
}

/** Markdown for a DOM fragment (a selection's cloned contents); links resolve against `base`. */
export function fragmentToMarkdown(fragment: Node, base: string): string {
  return inline(fragment, base)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
