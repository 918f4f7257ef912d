import { SAME_STORY_LIKENESS, titleLikeness } from '../same-story';
import type { WeekItem } from '../types';

/**
 * Link and quote checks before publishing (docs/publishing.md, "Checking links and quotes"):
 * every page the week cites is fetched once, the answer is classified, and each quote is looked
 * for in the page's text. The fetching is a parameter, so this runs in Node against recorded
 * answers and in the popup against the web.
 */

/** What fetching one address gave: after redirects, the status, the final address and, for pages, their text. */
export interface FetchedPage {
  status: number;
  finalUrl: string;
  /** The page's title and readable text, for HTML answers. */
  title?: string;
  text?: string;
}

/**
 * Why a fetch failed without an answer: `unreachable` is DNS, TLS or a refused connection
 * (the browser does not say which); `elsewhere` a redirect to a site the check was not allowed to read.
 */
export class FetchFailure extends Error {
  constructor(readonly kind: 'unreachable' | 'elsewhere') {
    super(kind);
  }
}

export type PageFetcher = (url: string, signal: AbortSignal) => Promise<FetchedPage>;

export type LinkStatus =
  | 'ok'
  | 'moved'
  | 'gone'
  | 'server-error'
  | 'refused'
  | 'client-error'
  | 'unreachable'
  | 'timeout'
  | 'login'
  | 'paywall'
  /** The article's own address shows a barrier (its title, an offer to subscribe or sign in, no story). */
  | 'barrier'
  | 'home'
  | 'elsewhere';

/** Statuses that mean the link must not go out as it is; the rest are fine or worth a look. */
export const BROKEN: ReadonlySet<LinkStatus> = new Set([
  'gone',
  'server-error',
  'unreachable',
  'timeout',
  'login',
  'paywall',
  'home',
]);

export interface QuoteCheck {
  text: string;
  found: boolean;
  /** The page's passage most like the quote, when it is not there word for word. */
  closest?: string;
}

export interface LinkCheck {
  url: string;
  /** Items citing or linking the address, in the week's order. */
  itemIds: string[];
  status: LinkStatus;
  httpStatus?: number;
  finalUrl?: string;
  quotes: QuoteCheck[];
  /** Quotes that could not be looked for: the page did not answer, or is not HTML (a PDF). */
  unchecked?: number;
}

export interface PageCheckReport {
  at: number;
  links: LinkCheck[];
}

export interface CheckTarget {
  url: string;
  itemIds: string[];
  quotes: string[];
  /** The title the page was clipped under (absent for links in notes): an error page is not it. */
  title?: string;
}

const NOTE_LINK = /\]\((https?:\/\/[^\s)]+)\)|<(https?:\/\/[^\s>]+)>|(?<![(<])\bhttps?:\/\/[^\s)<>\]]+/g;

/** Every address the week links: each cited source (with its quotes), then links in notes. */
export function checkTargets(items: readonly WeekItem[]): CheckTarget[] {
  const byUrl = new Map<string, CheckTarget>();
  const add = (url: string, itemId: string, quotes: readonly string[] = [], title?: string) => {
    const target: CheckTarget = byUrl.get(url) ?? { url, itemIds: [], quotes: [] };
    if (target.title === undefined && title) target.title = title;
    if (!target.itemIds.includes(itemId)) target.itemIds.push(itemId);
    for (const quote of quotes) if (!target.quotes.includes(quote)) target.quotes.push(quote);
    byUrl.set(url, target);
  };
  for (const item of items) {
    for (const source of item.sources)
      add(
        source.canonicalUrl,
        item.id,
        source.quotes.map((q) => q.text),
        source.title,
      );
    for (const match of item.note.matchAll(NOTE_LINK))
      add((match[1] ?? match[2] ?? match[0]).replace(/[.,;:!?]+$/, ''), item.id);
  }
  return [...byUrl.values()];
}

// A sign-in or an offer is a whole part of an address (a path segment, maybe with an extension, or the
// host's first label), never a word of a story's slug: short links redirect to slugs such as
// /google-ends-sign-in-with-passwords or /netflix-raises-subscription-prices all the time.
const LOGIN_WORD = '(log-?in|sign-?in|sign_in|signon|auth|sso|session|passport|accounts?|my-?account|oauth2?)';
const LOGIN_PATH = new RegExp(`(^|/)${LOGIN_WORD}(\\.\\w+)?(/|$)`, 'i');
const LOGIN_HOST = new RegExp(`^${LOGIN_WORD}\\.`, 'i');
const PAYWALL_PATH = /(^|\/)(subscribe|subscriptions?|paywall|register|membership|offers?)(\.\w+)?(\/|$)/i;
const isLogin = (url: URL) => LOGIN_HOST.test(url.hostname) || LOGIN_PATH.test(url.pathname);
const HOME = /^\/?(index\.\w+|[a-z]{2}(-[a-z]{2})?\/?)?$/i;
const NOT_FOUND_TITLE = /\b404\b|page not found|not found|页面不存在|找不到|已删除/i;

/**
 * Whether a page's title is the clipped one (give or take the site's name), compared as the same-story
 * suggestion compares titles: a story about something
 * "not found" (为什么年轻人找不到工作) is that story, not an error page.
 */
function isClippedTitle(title: string, clipped: string | undefined): boolean {
  const wanted = normalizeForMatch(clipped ?? '');
  // A word or two proves nothing: an error page's title may hold it in the site's name.
  if (!clipped || wanted.length < 5) return false;
  return normalizeForMatch(title).includes(wanted) || titleLikeness(title, clipped) >= SAME_STORY_LIKENESS;
}

/** What an answer means for a reader who follows the link (clipped under `clippedTitle`). */
export function classifyAnswer(requested: string, page: FetchedPage, clippedTitle?: string): LinkStatus {
  const { status } = page;
  if (status === 404 || status === 410) return 'gone';
  if (status >= 500) return 'server-error';
  if (status === 401 || status === 403 || status === 429) return 'refused';
  if (status >= 400) return 'client-error';
  let from: URL;
  let to: URL;
  try {
    from = new URL(requested);
    to = new URL(page.finalUrl);
  } catch {
    return 'ok';
  }
  // A soft 404: an error page served with 200.
  if (page.title !== undefined && NOT_FOUND_TITLE.test(page.title) && !isClippedTitle(page.title, clippedTitle))
    return 'gone';
  if (to.href === from.href) return 'ok';
  if (isLogin(to) && !isLogin(from)) return 'login';
  if (PAYWALL_PATH.test(to.pathname) && !PAYWALL_PATH.test(from.pathname)) return 'paywall';
  if (HOME.test(to.pathname) && !HOME.test(from.pathname)) return 'home';
  return 'moved';
}

/** What quote matching ignores: width (full/half), case, whitespace, punctuation and symbols. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Overlapping character pairs: what quote matching compares, in any script. */
function bigrams(text: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < text.length - 1; i++) pairs.push(text.slice(i, i + 2));
  return pairs;
}

// Where a sentence ends: after full-width punctuation, after Latin punctuation followed by a blank (a point
// inside `$37.5` or `v2.1` ends nothing), or at a line break.
const PASSAGE_END = /(?<=[。！？；])\s*|(?<=[!?.;])\s+|\n+/g;

/** The page's sentences as spans of its own text, so a passage shown is the page's words exactly. */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const boundary of text.matchAll(PASSAGE_END)) {
    const end = boundary.index ?? 0;
    if (text.slice(start, end).trim() !== '') spans.push({ start, end });
    start = end + boundary[0].length;
  }
  if (text.slice(start).trim() !== '') spans.push({ start, end: text.length });
  return spans;
}

/** One sentence as the matcher sees it: its normalized length and ends, and the quote's pairs it holds. */
interface SentenceGrams {
  start: number;
  end: number;
  length: number;
  first: string;
  last: string;
  /** Counts of the pairs the quote has (the others cannot count as shared). */
  hits: Map<string, number>;
}

/**
 * Whether a quote is still on the page; if not, the passage most like it (one to three
 * consecutive sentences, at least half alike) so the editor sees what changed.
 *
 * Linear in the page and the quote: each sentence is normalized once and keeps only the counts of
 * the quote's own character pairs; a passage's likeness is put together from its sentences' counts
 * and the pairs across their joins. `deadline` (a Date.now() time) stops the search for the closest
 * passage on a huge page: the quote is then reported not found, without a passage.
 */
export function findQuote(quote: string, pageText: string, deadline = Number.POSITIVE_INFINITY): QuoteCheck {
  const wanted = normalizeForMatch(quote);
  if (wanted === '' || normalizeForMatch(pageText).includes(wanted)) return { text: quote, found: true };
  const want = new Map<string, number>();
  for (const pair of bigrams(wanted)) want.set(pair, (want.get(pair) ?? 0) + 1);
  const wantSize = Math.max(wanted.length - 1, 0);
  const sentences: SentenceGrams[] = [];
  for (const { start, end } of sentenceSpans(pageText)) {
    if (sentences.length % 512 === 0 && Date.now() > deadline) return { text: quote, found: false };
    const normal = normalizeForMatch(pageText.slice(start, end));
    const hits = new Map<string, number>();
    for (let k = 0; k < normal.length - 1; k++) {
      const pair = normal.slice(k, k + 2);
      if (want.has(pair)) hits.set(pair, (hits.get(pair) ?? 0) + 1);
    }
    sentences.push({ start, end, length: normal.length, first: normal.slice(0, 1), last: normal.slice(-1), hits });
  }
  let best = { score: 0.5, passage: '' };
  const counts = new Map<string, number>();
  for (let i = 0; i < sentences.length; i++) {
    if (i % 512 === 0 && Date.now() > deadline) break;
    counts.clear();
    let length = 0;
    let last = '';
    for (let j = i; j < Math.min(i + 3, sentences.length); j++) {
      const sentence = sentences[j] as SentenceGrams;
      // The pair across the join of the passage so far and this sentence (blanks and punctuation between are not text).
      if (length > 0 && sentence.length > 0) {
        const join = last + sentence.first;
        if (want.has(join)) counts.set(join, (counts.get(join) ?? 0) + 1);
      }
      for (const [pair, n] of sentence.hits) counts.set(pair, (counts.get(pair) ?? 0) + n);
      if (sentence.length > 0) last = sentence.last;
      length += sentence.length;
      if (length > wanted.length * 3) break;
      let shared = 0;
      for (const [pair, n] of counts) shared += Math.min(n, want.get(pair) ?? 0);
      const pairs = Math.max(length - 1, 0);
      const score = wantSize === 0 || pairs === 0 ? 0 : (2 * shared) / (wantSize + pairs);
      if (score > best.score) {
        // The page's own text from the first sentence to this one, blanks folded: never re-joined words.
        const passage = pageText
          .slice((sentences[i] as SentenceGrams).start, sentence.end)
          .replace(/\s+/g, ' ')
          .trim();
        best = { score, passage };
      }
    }
  }
  return best.passage === '' ? { text: quote, found: false } : { text: quote, found: false, closest: best.passage };
}

export interface CheckOptions {
  fetchPage: PageFetcher;
  now: () => number;
  /** Requests in flight at once: polite to sites, and the popup stays responsive. */
  concurrency?: number;
  /** How long one address may take, redirects included. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Stops starting new requests and aborts the ones in flight. */
  signal?: AbortSignal;
  /**
   * Looks for a page's quotes by `deadline` (a Date.now() time); the popup runs it in a worker, off
   * the page's thread, and gives up at the deadline. Undefined: the time ran out. Inline by default.
   */
  matchQuotes?: QuoteMatcher;
}

export type QuoteMatcher = (
  quotes: readonly string[],
  text: string,
  deadline: number,
  signal: AbortSignal,
) => Promise<QuoteCheck[] | undefined>;

/** The quotes looked for here, on this thread: what Node and the tests use. */
export const matchQuotesInline: QuoteMatcher = async (quotes, text, deadline) => {
  const checks = quotes.map((q) => findQuote(q, text, deadline));
  return Date.now() > deadline ? undefined : checks;
};

// What a barrier page says in place of the story: an offer to subscribe or to sign in to read on.
const BARRIER_WORDS =
  /subscribe (now )?to (continue|keep|read)|to (continue|keep) reading|subscribers? only|for subscribers|already a subscriber|(sign|log) ?in to (continue|read|keep reading)|create a free account to|register to (continue|read)|订阅(后|即可|以)?(继续)?(阅读|查看)|登录(后|即可|以)?(继续)?(阅读|查看)|付费(内容|阅读|文章)|开通会员|会员专享|剩余\d+%未读/i;
/** A story shorter than this (letters) with a barrier's words is the barrier, not the story. */
const BARRIER_MAX_CHARS = 1500;

/**
 * Whether the page at the clipped address is a paywall or sign-in barrier: it says so, and either
 * a quote is not in it or it is too short to be the story. A story that merely ends with an offer to
 * subscribe still has its quotes and its length.
 */
function isBarrier(text: string, quotes: readonly QuoteCheck[]): boolean {
  if (!BARRIER_WORDS.test(text)) return false;
  return quotes.some((q) => !q.found) || normalizeForMatch(text).length < BARRIER_MAX_CHARS;
}

/** Fewer letters than this (spaces and punctuation aside) is no story: a script's empty shell, an error line. */
const MIN_STORY_CHARS = 100;

async function checkOne(target: CheckTarget, options: CheckOptions): Promise<LinkCheck> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop);
  const limit = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + limit;
  const timer = setTimeout(stop, limit);
  const unchecked = target.quotes.length > 0 ? { unchecked: target.quotes.length } : {};
  try {
    const page = await options.fetchPage(target.url, controller.signal);
    let status = classifyAnswer(target.url, page, target.title);
    const readable = page.status < 400 && page.text !== undefined;
    // The page's time limit covers looking for its quotes too: past it, they count as not checked.
    let quotes =
      readable && target.quotes.length > 0
        ? ((await (options.matchQuotes ?? matchQuotesInline)(
            target.quotes,
            page.text as string,
            deadline,
            controller.signal,
          )) ?? [])
        : [];
    // A page whose words its script draws sends an empty shell ("enable JavaScript"), and a barrier
    // shows an offer instead of the story: a quote not in either was not looked for in the story, so
    // it is not checked rather than missing.
    if (readable && (status === 'ok' || status === 'moved') && isBarrier(page.text as string, quotes)) {
      status = 'barrier';
      quotes = quotes.filter((q) => q.found);
    }
    if (readable && normalizeForMatch(page.text as string).length < MIN_STORY_CHARS)
      quotes = quotes.filter((q) => q.found);
    const notLookedFor = target.quotes.length - quotes.length;
    return {
      url: target.url,
      itemIds: target.itemIds,
      status,
      httpStatus: page.status,
      ...(page.finalUrl !== target.url ? { finalUrl: page.finalUrl } : {}),
      quotes,
      ...(notLookedFor > 0 ? { unchecked: notLookedFor } : {}),
    };
  } catch (error) {
    const status: LinkStatus = controller.signal.aborted
      ? 'timeout'
      : error instanceof FetchFailure
        ? error.kind
        : 'unreachable';
    return { url: target.url, itemIds: target.itemIds, status, quotes: [], ...unchecked };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

function siteOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Checks every target, at most `concurrency` at a time and one at a time per site (a site asked for
 * many pages at once may refuse some with 429, which would read as broken links); the report keeps
 * the targets' order.
 */
export async function checkPages(targets: readonly CheckTarget[], options: CheckOptions): Promise<PageCheckReport> {
  const links: LinkCheck[] = new Array(targets.length);
  const waiting = targets.map((_, i) => i);
  const busy = new Set<string>();
  // Settled whenever a site becomes free, so workers waiting for one look again.
  let free = () => {};
  let freed = new Promise<void>((resolve) => (free = resolve));
  let done = 0;
  const worker = async () => {
    while (waiting.length > 0 && !options.signal?.aborted) {
      const at = waiting.findIndex((i) => !busy.has(siteOf((targets[i] as CheckTarget).url)));
      if (at < 0) {
        await freed;
        continue;
      }
      const index = waiting.splice(at, 1)[0] as number;
      const target = targets[index] as CheckTarget;
      const site = siteOf(target.url);
      busy.add(site);
      try {
        links[index] = await checkOne(target, options);
      } finally {
        busy.delete(site);
        const wake = free;
        freed = new Promise<void>((resolve) => (free = resolve));
        wake();
      }
      options.onProgress?.(++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, targets.length) }, worker));
  return { at: options.now(), links: links.filter(Boolean) };
}

const HEADER_CHARSET = /charset\s*=\s*["']?([\w:.-]+)/i;
// A <meta charset> or <meta http-equiv content="…; charset=…"> in the page's first bytes.
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i;

function knownEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** How far into a page its <meta charset> is looked for: the standard's prescan takes 1,024 bytes, but a
 * browser that meets the <meta> later still switches to it, and long heads put it past 1 KB. */
export const CHARSET_SCAN_BYTES = 4096;

/**
 * The encoding a browser would read a page in (the HTML standard's order, shortened): a byte order
 * mark, then the header's charset, then a <meta> near the top, else UTF-8. Many Chinese sites serve
 * GBK and say so only in the <meta>; read as UTF-8, every quote would be missing.
 */
export function pageEncoding(contentType: string, head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  const declared = knownEncoding(HEADER_CHARSET.exec(contentType)?.[1]);
  if (declared) return declared;
  // Bytes as Latin-1 characters: the markup is ASCII whatever the page's encoding.
  const start = String.fromCharCode(...head.subarray(0, CHARSET_SCAN_BYTES));
  const meta = knownEncoding(META_CHARSET.exec(start)?.[1]);
  // A <meta> naming UTF-16 was itself read as single bytes, so the page is not UTF-16: the standard takes UTF-8.
  return meta?.startsWith('utf-16') ? 'utf-8' : (meta ?? 'utf-8');
}

const BLOCK = /^(P|LI|H[1-6]|BLOCKQUOTE|DIV|SECTION|ARTICLE|TD|TH|PRE|BR|DT|DD|FIGCAPTION|TR)$/;

/** A parsed page's visible words, one line per block (what a reader sees; scripts and styles left out). */
export function readableText(doc: Document): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const name = (child as Element).tagName.toUpperCase();
        if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') continue;
        walk(child);
        if (BLOCK.test(name)) parts.push('\n');
      }
    }
  };
  if (doc.body) walk(doc.body);
  return parts.join('');
}
