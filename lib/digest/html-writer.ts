import { type Block, type Inline, inlineText } from './blocks';
import { buildDigest, type DigestDoc, type DigestInput } from './model';

/**
 * The draft as HTML for CMS editors (rich-text paste), `.html` downloads and the 公众号 editor.
 * Every string from a page or the editor is escaped; only http(s) links are made, so nothing a
 * page carried (script, style, event handlers, javascript: URLs) can survive into the output.
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

type Tag = 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'ul' | 'ol' | 'li' | 'blockquote' | 'code' | 'sup' | 'section' | 'small';

export type DocLang = 'zh-CN' | 'en';

interface Writer {
  /** The document's language; a block written in the other script says its own. */
  lang: DocLang;
  /** Inline styles per element, for editors that drop classes and stylesheets (the 公众号 editor). */
  styles?: Partial<Record<Tag, string>>;
  /** When set, links become numbered markers and their addresses are collected here, once each. */
  links?: string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;
const LATIN = /[A-Za-z]/;

/** ` lang="…"` for text in the other script than the document's: English under zh-CN renders apostrophes full-width. */
function langOf(w: Writer, text: string): string {
  if (w.lang === 'zh-CN' && LATIN.test(text) && !CJK.test(text)) return ' lang="en"';
  if (w.lang === 'en' && CJK.test(text)) return ' lang="zh-CN"';
  return '';
}

function open(w: Writer, tag: Tag, text = '', extra = ''): string {
  const style = w.styles?.[tag];
  return `<${tag}${extra}${style ? ` style="${style}"` : ''}${text ? langOf(w, text) : ''}>`;
}

/**
 * English words inside a Chinese line (a title, a product name) get `lang="en"`, so their quotes
 * and apostrophes render in Latin shapes, not full-width.
 */
function latin(w: Writer, raw: string, html: string): string {
  return w.lang === 'zh-CN' && LATIN.test(raw) && !CJK.test(raw) ? `<span lang="en">${html}</span>` : html;
}

function inline(w: Writer, content: Inline[]): string {
  return content
    .map((run) => {
      switch (run.kind) {
        case 'link': {
          const href = safeHref(run.url);
          const text = (run.text || run.url).replace(/\s+/g, ' ').trim();
          const label = latin(w, text, escapeHtml(text));
          if (!href) return label;
          if (!w.links) return `<a href="${escapeHtml(href)}">${label}</a>`;
          // The 公众号 editor refuses links to other sites: a numbered marker, the address listed at the end.
          let n = w.links.indexOf(href) + 1;
          if (n === 0) n = w.links.push(href);
          return `${label}${open(w, 'sup')}[${n}]</sup>`;
        }
        case 'code':
          return `${open(w, 'code')}${escapeHtml(run.text)}</code>`;
        case 'break':
          return '<br>';
        case 'emphasis': {
          const tag = run.strong ? 'strong' : 'em';
          return `<${tag}>${inline(w, run.content)}</${tag}>`;
        }
        case 'text':
          return latin(w, run.text, escapeHtml(run.text.replace(/\s+/g, ' ')));
        default:
          return escapeHtml(run.text.replace(/\s+/g, ' '));
      }
    })
    .join('');
}

function paragraphs(w: Writer, text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(
      (p) =>
        `${open(w, 'p', p)}${p
          .split('\n')
          .map((line) => escapeHtml(line.trim()))
          .join('<br>')}</p>`,
    )
    .join('');
}

/** A quote's Markdown as blocks (links, emphasis, lists), or its text as paragraphs. */
function quoteHtml(w: Writer, q: { text: string; blocks?: Block[] }): string {
  return q.blocks ? q.blocks.map((b) => block(w, b)).join('') : paragraphs(w, q.text);
}

function item(w: Writer, content: Inline[], after = ''): string {
  return `${open(w, 'li', inlineText(content))}${inline(w, content)}${after}</li>`;
}

function block(w: Writer, b: Block): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${Math.min(b.level, 4)}` as Tag;
      return `${open(w, tag, inlineText(b.content))}${inline(w, b.content)}</${tag}>`;
    }
    case 'paragraph':
      return `${open(w, 'p', inlineText(b.content))}${inline(w, b.content)}</p>`;
    case 'bullets':
      return `${open(w, 'ul')}${b.items
        .map((i, n) => item(w, i, (b.notes?.[n] ?? []).map((child) => block(w, child)).join('')))
        .join('')}</ul>`;
    case 'list': {
      const items = b.items
        .map((i, n) => item(w, i, (b.children?.[n] ?? []).map((child) => block(w, child)).join('')))
        .join('');
      return b.ordered
        ? `${open(w, 'ol', '', b.start === 1 ? '' : ` start="${b.start}"`)}${items}</ol>`
        : `${open(w, 'ul')}${items}</ul>`;
    }
    case 'quote': {
      const attribution = b.attribution
        ? `${open(w, 'p', inlineText(b.attribution))}${inline(w, b.attribution)}</p>`
        : '';
      return `${open(w, 'blockquote')}${quoteHtml(w, b)}${attribution}</blockquote>`;
    }
    case 'references': {
      const quotes = (i: (typeof b.items)[number]) =>
        i.quotes
          .map((q) => {
            const link = q.link ? ` ${inline(w, [{ kind: 'link', text: '↗', url: q.link }])}` : '';
            return `${open(w, 'blockquote')}${quoteHtml(w, q)}${link}</blockquote>`;
          })
          .join('');
      // The template's own `{{n}}` numbers each line: paragraphs, not a second list number.
      if (!b.numbered)
        return b.items
          .map((i) => `${open(w, 'p', inlineText(i.content))}${inline(w, i.content)}</p>${quotes(i)}`)
          .join('');
      return `${open(w, 'ol')}${b.items.map((i) => item(w, i.content, quotes(i))).join('')}</ol>`;
    }
  }
}

function body(w: Writer, doc: DigestDoc): string {
  return [...doc.head.map((b) => block(w, b)), ...doc.body.map((b) => block(w, b))].join('\n');
}

/** The draft's body as an HTML fragment (what a rich-text copy puts on the clipboard). */
export function digestToHtmlFragment(doc: DigestDoc, lang: DocLang = 'zh-CN'): string {
  return body({ lang }, doc);
}

const docLang = (input: DigestInput): DocLang => (input.settings.language === 'zh' ? 'zh-CN' : 'en');

/** A stylesheet of the download's own: readable on screen and in print, light and dark, CJK fonts first. */
const STYLESHEET = `:root{color-scheme:light dark}
body{max-width:42em;margin:2em auto;padding:0 1em;font:16px/1.75 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d2330;background:#fff}
h1{font-size:1.6em;line-height:1.3}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #d9dde5;padding-bottom:.2em}
blockquote{margin:.5em 0;padding:.2em 1em;border-left:3px solid #c5ccd8;color:#4a5262}
a{color:#1f5fbf}code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f2f4f7;padding:0 .25em;border-radius:3px}
li{margin:.3em 0}
@media (prefers-color-scheme:dark){body{color:#e7e9ee;background:#1b1e24}blockquote{color:#b8bfcc;border-color:#4a5262}a{color:#7fb0ff}code{background:#252a32}h2{border-color:#3a404b}}`;

/** A whole page around a draft's HTML, with a stylesheet of its own when given. */
function htmlDocument(lang: DocLang, title: string, body: string, stylesheet?: string): string {
  const style = stylesheet ? `\n<style>${stylesheet}</style>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${style}
</head>
<body>
${body}
</body>
</html>
`;
}

export interface RenderedHtml {
  filename: string;
  fragment: string;
  document: string;
}

export function renderDigestHtml(input: DigestInput): RenderedHtml {
  const doc = buildDigest(input);
  const lang = docLang(input);
  const fragment = digestToHtmlFragment(doc, lang);
  const document = htmlDocument(lang, doc.title, fragment, STYLESHEET);
  return { filename: `${doc.slug}.html`, fragment, document };
}

/** Inline styles the 公众号 editor keeps (it drops classes and stylesheets). */
const WECHAT_STYLES: Partial<Record<Tag, string>> = {
  // A font for the whole draft: without one, a browser sets the English runs (lang="en") in its serif.
  section:
    "font-family:-apple-system,BlinkMacSystemFont,'Helvetica Neue','PingFang SC','Hiragino Sans GB','Microsoft YaHei',Arial,sans-serif;font-size:15px;line-height:1.75;color:#333;letter-spacing:0.5px;",
  h1: 'font-size:20px;font-weight:bold;margin:24px 0 12px;',
  h2: 'font-size:17px;font-weight:bold;margin:28px 0 12px;padding-left:10px;border-left:4px solid #1f5fbf;',
  h3: 'font-size:16px;font-weight:bold;margin:20px 0 8px;',
  h4: 'font-size:15px;font-weight:bold;margin:16px 0 8px;',
  p: 'margin:0 0 12px;',
  ul: 'margin:0 0 12px;padding-left:22px;',
  ol: 'margin:0 0 12px;padding-left:22px;',
  li: 'margin:6px 0;',
  blockquote: 'margin:8px 0 12px;padding:8px 12px;border-left:3px solid #d0d7de;background:#f6f8fa;color:#555;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:13px;background:#f6f8fa;padding:0 4px;border-radius:3px;',
  sup: 'color:#1f5fbf;font-size:11px;',
  small: 'font-size:12px;color:#888;word-break:break-all;',
};

export interface WechatDraft {
  filename: string;
  /** What the 公众号 editor is given: styled inline, no links to other sites, addresses listed at the end. */
  html: string;
  /** The same as plain text, for editors that take no HTML. */
  text: string;
  document: string;
}

/**
 * The draft for the 公众号 editor: inline styles only, each external link a numbered marker `[1]`
 * with the addresses listed at the end (WeChat allows no links to other sites in an article).
 */
export function renderDigestWechat(input: DigestInput): WechatDraft {
  const doc = buildDigest(input);
  const lang = docLang(input);
  const w: Writer = { lang, styles: WECHAT_STYLES, links: [] };
  const main = body(w, doc);
  const links = (w.links ?? [])
    .map((url, i) => `${open(w, 'p')}${open(w, 'small')}[${i + 1}] ${escapeHtml(url)}</small></p>`)
    .join('\n');
  const linkList = links ? `\n${open(w, 'h2')}${escapeHtml(doc.labels.links)}</h2>\n${links}` : '';
  const html = `${open(w, 'section', '', ` lang="${lang}"`)}\n${main}${linkList}\n</section>`;
  const text = [
    ...[...doc.head, ...doc.body].map((b) => blockText(b)),
    ...(w.links?.length ? [doc.labels.links, ...(w.links ?? []).map((url, i) => `[${i + 1}] ${url}`)] : []),
  ].join('\n\n');
  return { filename: `${doc.slug}-wechat.html`, html, text, document: htmlDocument(lang, doc.title, html) };
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return inlineText(b.content);
    case 'bullets':
      return b.items
        .map((i, n) => [`• ${inlineText(i)}`, ...(b.notes?.[n] ?? []).map(blockText)].join('\n'))
        .join('\n');
    case 'list':
      return b.items
        .map((i, n) =>
          [
            `${b.ordered ? `${b.start + n}.` : '•'} ${inlineText(i)}`,
            ...(b.children?.[n] ?? []).map((child) => blockText(child).replace(/^/gm, '  ')),
          ].join('\n'),
        )
        .join('\n');
    case 'quote':
      return [b.text, b.attribution ? inlineText(b.attribution) : ''].filter((x) => x).join('\n');
    case 'references':
      return b.items
        .map((i, n) =>
          [`${b.numbered ? `${n + 1}. ` : ''}${inlineText(i.content)}`, ...i.quotes.map((q) => q.text)].join('\n'),
        )
        .join('\n');
  }
}
