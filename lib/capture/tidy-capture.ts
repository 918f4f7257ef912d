import { RECORD_LIMITS } from '../record-rules';
import type { FieldOrigins, PageCapture } from '../types';
import { publisherFor } from './publishers';
import { normalizeName, SEPARATORS, sameBrand, siteNameInLogo, siteNameInTitle, stripSiteName } from './site-name';
import { cleanUrl, registrableDomain, unwrapRedirect } from './url';
import { zhByline, zhDateLine, zhSourceLine } from './zh-byline';

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
 * What a Chinese page's credit lines say (lib/capture/zh-byline.ts), read here rather than in the
 * page: the writer when the page's markup named none, and the outlet a reprint credits
 * (`来源：澎湃新闻`), which is where the story first ran, not the publisher of the page the draft links
 * to. The lines themselves are dropped.
 */
export function readCredits<
  T extends {
    source: string;
    author?: string;
    publishedAt?: string;
    credits?: string[];
    origins?: FieldOrigins;
    reprintOf?: string;
  },
>(fields: T): T {
  if (!fields.credits) return fields;
  const { credits, ...rest } = fields;
  const out = rest as T;
  const lines = credits.filter((line) => typeof line === 'string').slice(0, 120);
  if (!out.author) {
    const author = zhByline(lines);
    if (author && normalizeName(author) !== normalizeName(out.source)) {
      out.author = author;
      out.origins = { ...out.origins, author: 'byline' };
    }
  }
  // A date with its time in the text beats none, and a day guessed from the address.
  if (!out.publishedAt || out.origins?.publishedAt === 'url') {
    const date = zhDateLine(lines);
    if (date) {
      out.publishedAt = date;
      out.origins = { ...out.origins, publishedAt: 'byline' };
    }
  }
  const reprint = zhSourceLine(lines);
  if (reprint && normalizeName(reprint) !== normalizeName(out.source)) out.reprintOf = reprint;
  return out;
}

/**
 * A page that names its site nowhere but in its title (`… – Example Weekly` on exampleweekly.com,
 * `…--大河网`) is named so, off the title's end; the domain stays only when nothing names the site
 * (lib/capture/site-name.ts siteNameInTitle). The page's title itself is dropped.
 */
export function withTitleSite<
  T extends {
    title: string;
    source: string;
    author?: string;
    pageTitle?: string;
    logoAlt?: string;
    origins?: FieldOrigins;
  },
>(fields: T, pageUrl: string): T {
  if (fields.pageTitle === undefined && fields.logoAlt === undefined) return fields;
  const { pageTitle, logoAlt, ...rest } = fields;
  const out = rest as T;
  if (out.origins?.source !== 'domain') return out;
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return out;
  }
  const domain = registrableDomain(host) || host;
  const fromTitle = pageTitle ? siteNameInTitle(pageTitle, domain) : undefined;
  const name = fromTitle ?? (logoAlt ? siteNameInLogo(logoAlt, domain) : undefined);
  if (!name) return out;
  out.source = name;
  out.origins = { ...out.origins, source: fromTitle ? 'page-title' : 'logo' };
  if (out.origins.title !== 'editor') out.title = stripSiteName(out.title, [name], host) || out.title;
  // The site is nobody's byline.
  if (out.author && normalizeName(out.author) === normalizeName(name)) {
    delete out.author;
    delete out.origins.author;
  }
  return out;
}

type Finishable = {
  title: string;
  source: string;
  author?: string;
  publishedAt?: string;
  credits?: string[];
  pageTitle?: string;
  logoAlt?: string;
  origins?: FieldOrigins;
  reprintOf?: string;
};

/** Everything the extension does to the fields once they have left the page: credits read, the site named. */
export function finishFields<T extends Finishable>(fields: T, pageUrl: string): T {
  // A site the extension knows by name comes before a guess from the title.
  return ownDesk(withTitleSite(withKnownSite(readCredits(fields), pageUrl), pageUrl), fields.pageTitle);
}

/**
 * A credit line naming the site's own desk (`来源：网易科技报道` on 163.com, `来源：新浪科技` on a
 * Sina page) is no reprint: it names the publisher more precisely, and becomes the source. Another
 * outlet's name stays a reprint's credit.
 */
function ownDesk<T extends Finishable>(fields: T, pageTitle: string | undefined): T {
  const credited = fields.reprintOf;
  if (!credited || fields.origins?.source === 'editor') return fields;
  const inTitle = (pageTitle ?? '').split(SEPARATORS).some((part) => normalizeName(part) === normalizeName(credited));
  if (!sameBrand(credited, fields.source) && !inTitle) return fields;
  const { reprintOf, ...rest } = fields;
  return { ...rest, source: credited, origins: { ...fields.origins, source: 'byline' } } as T;
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
  let named = finishFields(capture, capture.pageUrl);
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
