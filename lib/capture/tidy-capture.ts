import { RECORD_LIMITS } from '../record-rules';
import type { FieldOrigins, PageCapture } from '../types';
import { publisherFor } from './publishers';
import { normalizeName, stripSiteName } from './site-name';
import { cleanUrl, unwrapRedirect } from './url';

// What the extension does to a capture once it has left the page. Done here rather than in the
// injected clipper so that tables (tracking parameters, known sites) do not count against its size
// budget (docs/performance.md); the clipper reads the page, this finishes the fields.

/**
 * The name the extension knows a page's site by (lib/capture/publishers.ts): it names a source the
 * page left to its domain, comes off the ends of the title, and is nobody's byline.
 */
export function withKnownSite<T extends { title: string; source: string; author?: string; origins?: FieldOrigins }>(
  fields: T,
  pageUrl: string,
): T {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return fields;
  }
  const known = publisherFor(host);
  if (!known) return fields;
  const origins: FieldOrigins = { ...fields.origins };
  const out: T = { ...fields, origins };
  if (origins.source === 'domain') {
    out.source = known;
    origins.source = 'known-site';
  }
  if (origins.title !== 'editor') out.title = stripSiteName(fields.title, [known], host) || fields.title;
  if (fields.author && normalizeName(fields.author) === normalizeName(known)) {
    delete out.author;
    delete origins.author;
  }
  const changed = out.source !== fields.source || out.title !== fields.title || out.author !== fields.author;
  return changed ? out : fields;
}

/**
 * The capture as the extension keeps it: the canonical address without tracking parameters and
 * fragment (one longer than a stored link may be gives way to the page's own address,
 * lib/record-rules.ts), and the site named as the extension knows it.
 */
export function tidyCapture(capture: PageCapture): PageCapture {
  const canonical = cleanUrl(capture.canonicalUrl);
  const page = cleanUrl(capture.pageUrl);
  const canonicalUrl = canonical.length > RECORD_LIMITS.url && page.length <= RECORD_LIMITS.url ? page : canonical;
  let named = withKnownSite(capture, capture.pageUrl);
  const markdown = named.selection?.markdown;
  if (markdown !== undefined && named.selection) {
    const tidied = tidyQuoteLinks(markdown);
    if (tidied !== markdown) named = { ...named, selection: { ...named.selection, markdown: tidied } };
  }
  return canonicalUrl === capture.canonicalUrl ? named : { ...named, canonicalUrl };
}

/** Parentheses and blanks percent-encoded (encodeURIComponent leaves parentheses as they are). */
const encodeParens = (url: string) =>
  url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

// A link as the clipper writes it in a quote's Markdown: parentheses and blanks in the address encoded.
const QUOTE_LINK = /\]\((https?:\/\/[^\s()]+)\)/g;

/**
 * The links in a quote's Markdown as a reader should follow them: a site's redirect
 * (`link.zhihu.com/?target=…`) replaced by its destination (its anchor kept: it may be the point).
 */
export function tidyQuoteLinks(markdown: string): string {
  return markdown.replace(QUOTE_LINK, (whole, url: string) => {
    const target = unwrapRedirect(url);
    return target === url ? whole : `](${encodeParens(target)})`;
  });
}

/**
 * A PDF named the way its viewer names the tab: the PDF's own title when it has one, else its file
 * name (`state-ai-budget-2026.pdf`); the publisher is the site, both marked for a check.
 */
export function namePdf(capture: PageCapture, tabTitle: string | undefined, url: string): PageCapture {
  let file = '';
  let host = '';
  try {
    const address = new URL(url);
    host = address.hostname.replace(/^www\./, '');
    file = decodeURIComponent(address.pathname.split('/').pop() ?? '');
  } catch {
    // An address the browser gave but URL cannot read: the tab's title alone names it.
  }
  const shown = tabTitle?.trim() ?? '';
  // A tab titled with its address says nothing the address does not.
  const title = shown && shown !== url && !url.endsWith(shown) ? shown : file || host;
  return { ...capture, title, source: host, origins: { title: 'pdf', source: 'domain' } };
}
