import type { FieldOrigins, PageFields } from './types';

/**
 * Captured fields worth a second look before saving, so the editor checks those first: a
 * publisher that is only the site's domain, a date missing or implausible, an author missing or
 * the publisher itself. Codes only; the UI words them.
 */
export type FieldDoubt =
  | 'source-missing'
  | 'source-domain'
  | 'date-missing'
  | 'date-url'
  | 'date-future'
  | 'date-old'
  | 'author-missing'
  | 'author-publisher'
  | 'title-pdf'
  | 'title-domain';

export function fieldDoubts(
  fields: PageFields,
  today: string,
  origins: FieldOrigins = {},
): Partial<Record<'title' | 'source' | 'publishedAt' | 'author', FieldDoubt>> {
  const out: Partial<Record<'title' | 'source' | 'publishedAt' | 'author', FieldDoubt>> = {};
  // A title the page did not give: a PDF's file name (or its own title, often a template's), or the domain.
  const source = fields.source.trim();
  let host = '';
  try {
    host = new URL(fields.canonicalUrl || fields.pageUrl).hostname.replace(/^www\./, '');
  } catch {
    // A manual entry without an address yet.
  }
  const title = fields.title
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (origins.title === 'pdf') out.title = 'title-pdf';
  // A page with no title of its own (or one that is only its host) shows its host: worth the same check.
  else if (origins.title === 'domain' || (host && origins.title !== 'editor' && title === host))
    out.title = 'title-domain';
  if (!source) out.source = 'source-missing';
  else if (
    origins.source === 'domain' ||
    (host && (source.toLowerCase() === host || host.endsWith(`.${source.toLowerCase()}`)))
  )
    out.source = 'source-domain';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(fields.publishedAt ?? '')?.[0];
  if (!day) out.publishedAt = 'date-missing';
  else if (day > today) out.publishedAt = 'date-future';
  else if (day < '1990-01-01') out.publishedAt = 'date-old';
  // A day read from the address (/2026/01/30/) is often the day the URL was made, not published.
  else if (origins.publishedAt === 'url') out.publishedAt = 'date-url';
  const author = fields.author?.trim() ?? '';
  if (!author) out.author = 'author-missing';
  else if (source && author.toLowerCase() === source.toLowerCase()) out.author = 'author-publisher';
  return out;
}
