import { cleanLine } from '../text';
import type { FieldOrigin, FieldOrigins } from '../types';
import { type DateOptions, fromEpoch, parseDate } from './dates';
import { decodeEntities } from './entities';
import { lookupByDomain } from './publishers';
import { normalizeName, SEPARATORS, stripSiteName } from './site-name';
import { canonicalAllowed, registrableDomain } from './url';
import { zhBylineTexts } from './zh-lines';

export interface PageMetadata {
  title: string;
  source: string;
  /**
   * The canonical address as the page gives it; tracking parameters are removed outside the page
   * (lib/capture/tidy-capture.ts), which keeps their tables out of the injected clipper.
   */
  url: string;
  author?: string;
  publishedAt?: string;
  excerpt?: string;
  lang?: string;
  /** Where each field was read (lib/types.ts FieldOrigin), so the editor knows what to check first. */
  origins: FieldOrigins;
  /** A Chinese page's lines that may credit its writer or its outlet, read outside the page (lib/capture/zh-byline.ts). */
  credits?: string[];
  /** Set outside the page (lib/capture/tidy-capture.ts): the outlet a reprint credits. */
  reprintOf?: string;
  /** The page's `<title>` and its header logo's text when nothing else named the site: read outside the page. */
  pageTitle?: string;
  logoAlt?: string;
}

export interface ExtractOptions {
  /** Editors' publisher names by domain; they win over everything the page says. */
  publisherOverrides?: Readonly<Record<string, string>>;
  /** Told which signal (its place in the field's list) gave each field: how eval:metadata measures each rule. */
  trace?: (field: 'source' | 'author' | 'date', signal: number) => void;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|SocialMediaPosting|LiveBlogPosting|Report|WebPage|DiscussionForumPosting|VideoObject)$/;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

const MAX_JSON_LD_QUEUE = 2_000;

/** Every JSON-LD object on the page, @graph and arrays flattened; broken blocks are skipped. */
function jsonLdNodes(doc: Document): Json[] {
  const nodes: Json[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      // Older CMSs (and pages saved as XHTML) wrap the block in `<![CDATA[ … ]]>`, which is text inside an HTML <script>.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    // Bounded and iterative: a page can carry a @graph of 150,000 entries (or nest them), which
    // spread into a call or walked with shift() would overflow the stack or take quadratic time.
    const queue: unknown[] = [];
    const enqueue = (value: unknown) => {
      for (const entry of asArray(value)) {
        if (queue.length >= MAX_JSON_LD_QUEUE) return;
        queue.push(entry);
      }
    };
    enqueue(data);
    for (let i = 0; i < queue.length && nodes.length < 200; i++) {
      const node = queue[i];
      if (!isJson(node)) continue;
      nodes.push(node);
      enqueue(node['@graph']);
    }
  }
  return nodes;
}

function articleNode(nodes: Json[]): Json | undefined {
  const rank = (node: Json) => {
    const types = typesOf(node);
    if (types.some((t) => /Article|BlogPosting|Posting$/.test(t))) return 0;
    if (types.some((t) => ARTICLE_TYPES.test(t))) return 1;
    return 2;
  };
  return nodes.filter((n) => rank(n) < 2).sort((a, b) => rank(a) - rank(b))[0];
}

function names(value: unknown): string[] {
  return asArray(value)
    .map((v) => (typeof v === 'string' ? v : isJson(v) ? v.name : undefined))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !/^https?:\/\//.test(v.trim()));
}

const metaIndexes = new WeakMap<Document, Map<string, string[]>>();

/** Every <meta> of the page by lower-cased property/name/itemprop, read in one pass. */
function metaIndex(doc: Document): Map<string, string[]> {
  let index = metaIndexes.get(doc);
  if (!index) {
    index = new Map();
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const content = el.getAttribute('content')?.trim();
      if (!content) continue;
      for (const attr of ['property', 'name', 'itemprop']) {
        const key = el.getAttribute(attr)?.trim().toLowerCase();
        if (!key) continue;
        const list = index.get(key);
        if (list) list.push(content);
        else index.set(key, [content]);
      }
    }
    metaIndexes.set(doc, index);
  }
  return index;
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  const index = metaIndex(doc);
  for (const key of keys) {
    const value = index.get(key.toLowerCase())?.[0];
    if (value) return value;
  }
  return undefined;
}

function metaAll(doc: Document, key: string): string[] {
  return metaIndex(doc).get(key.toLowerCase()) ?? [];
}

function metaAuthors(doc: Document): string[] {
  for (const key of [
    'author',
    'article:author',
    'byl',
    'article-author',
    'DC.creator',
    'dcterms.creator',
    'sailthru.author',
    'parsely-author',
  ]) {
    const all = metaAll(doc, key).filter((v) => !/^https?:\/\//.test(v));
    if (all.length > 0) return all;
  }
  return [];
}

function text(el: Element | null | undefined): string | undefined {
  const value = el?.textContent?.trim();
  return value ? value : undefined;
}

function readableDomain(host: string): string {
  return registrableDomain(host) || host;
}

function canonicalOf(doc: Document, pageUrl: string, ld: Json | undefined): string {
  const candidates = [
    doc.querySelector('link[rel="canonical" i]')?.getAttribute('href'),
    meta(doc, 'og:url'),
    typeof ld?.url === 'string' ? ld.url : undefined,
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    let resolved: string;
    try {
      resolved = new URL(candidate.trim(), pageUrl).href;
    } catch {
      continue;
    }
    if (!/^https?:/.test(resolved) || !canonicalAllowed(resolved, pageUrl)) continue;
    // A canonical pointing at the site's home page from an article is a CMS mistake.
    const path = new URL(resolved).pathname;
    if ((path === '/' || path === '') && new URL(pageUrl).pathname.length > 1) continue;
    // Sites that serve https often still advertise their old http address (WeChat does).
    if (resolved.startsWith('http:') && pageUrl.startsWith('https:')) resolved = `https:${resolved.slice(5)}`;
    return resolved;
  }
  return pageUrl;
}

function weChatDate(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const match = /\b(?:var\s+)?(?:ct|create_time|publish_time)\s*=\s*["']?(\d{10})["']?/.exec(
      script.textContent ?? '',
    );
    // WeChat's own pages show Beijing time.
    if (match) return fromEpoch(Number(match[1]), 480);
  }
  return parseDate(text(doc.querySelector('#publish_time')));
}

function firstDate(values: (string | undefined | null)[]): string | undefined {
  for (const value of values) {
    const parsed = parseDate(value);
    if (parsed) return parsed;
  }
  return undefined;
}

const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[rel="author"]',
  '[itemprop="author"]',
  '.byline__name',
  '.author-name',
  '.follow-nickName',
  '#author_baidu',
  '.byline',
  '.author .fullname',
  '.author',
  // Less certain: bylines and author links as themes and CMSes name them.
  '[class*="byline" i] a',
  '[class*="byline" i]',
  'a[href*="/author/" i]',
  'a[href*="/authors/" i]',
  'a[href*="/people/" i]',
  'a[href*="/profiles/" i]',
  // Forums and link aggregators link the poster's page (`user?id=…`, Hacker News).
  'a[href^="user?id=" i]',
  '[class*="author" i] a',
  // Author boxes and German "Autorenzeile"s whose name is plain text (`von <span>Name</span>`).
  '[class*="author" i]',
  '[class*="autor" i]',
];

/** Words that introduce a byline in the languages of the pages we see, glued to the name or not. */
const AUTHOR_LABEL =
  /^\s*(?:(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|(?:zum\s+profil|alles|mehr|beitrag|eingestellt|gepostet|artikel|pressemitteilung)\s*von\s*:?|text(?:\s*(?:&|und|and)\s*(?:fotos?|bilder|interview))?\s*:|interview\s*:|recipe\s+by|(?:veröffentlicht|geschrieben|verfasst|erstellt)\s+von|(?:written|posted|published)\s+by|publié\s+par|escrito\s+por|autor(?:in)?\b|author\b|auteur\b|by\b|von\b|vom\b|par\b|por\b|作者|文\s*(?=[/|｜:：])|本报记者|记者|記者)\s*[/|｜:：]?\s*/i;
/** Dates as pages print them in text: numeric, with a month's name (German, French, English), or Chinese. */
const DATE_IN_TEXT_SOURCE = String.raw`(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2}(?![\d.]))(?:,?\s+\d{1,2}:\d{2})?|(?<![\d./])\d{1,2}/\d{1,2}/\d{4}(?:,?\s+\d{1,2}:\d{2})?|(?<![\d.])\d{1,2}\.?\s+(?:Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept?|Okt|Oct|Nov|Dez|Dec)\.?,?\s+\d{4}|(?<![\d.])\d{1,2}\.?\s+(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:：]\d{2})?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`;
/** What follows a name in a byline: a date or a time (`von lupa am 26/10/13, 03:48 pm`). */
const AUTHOR_TAIL =
  /\s+[|·•]\s+(?:publicado|posted|published|veröffentlicht|aktualisiert|stand)\b.*$|\s+(?:am|on|le|el|um|at|@|,|\|)\s+\d.*$|\s*[,|]\s*\d{1,4}[./-]\d.*$/i;

const WEEKDAY = '(?:Mo|Di|Mi|Do|Fr|Sa|So|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+';
const NAME_THEN_DATE = new RegExp(
  `^(.*?\\S)\\s*[,|·•–—-]?\\s+(?:(?:Stand|Aktualisiert|Updated|Published|Veröffentlicht)\\s*:?\\s*)?(?:${WEEKDAY})?(?:${DATE_IN_TEXT_SOURCE}).*$`,
  'u',
);

/** A byline as pages write it, made a name: no "By"/"作者:", no date after it, no shouting capitals. */
export function cleanAuthor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let name = value
    .replace(AUTHOR_LABEL, '')
    // A label glued to the name by a page that dropped the space: `AuthorAndreas Kalt`.
    .replace(/^(?:Author|Autor|Auteur|Von|By)(?=\p{Lu}\p{Ll})/u, '')
    .replace(/\s*(?:[\w.+-]+@[\w-]+\.[\w.]+)\s*/g, ' ')
    // A home page after the name: `Bradley M. Kuhn (http://ebb.org/bkuhn/)`, `Frank Bueltge - http://bueltge.de`.
    .replace(/\s*(?:[-–|]\s*)?\(?https?:\/\/\S+?\)?(?=\s|$)/g, '')
    .replace(AUTHOR_TAIL, '')
    // A date printed after the name (`Poppy Reid Feb 21, 2020`, `Tomas Spahn Fr, 18. Oktober 2019`).
    .replace(NAME_THEN_DATE, '$1')
    // Degrees after the name, and the separators a line left at its end (`wordpressadmin |`).
    .replace(/,?\s+(?:PhD|Ph\.D\.|MD|M\.D\.|MBA|MSc|M\.Sc\.)$/i, '')
    // A news agency after the name (`David Hutzler, dpa`, `Peter Maahn/SP-X`).
    .replace(/,\s*(?:dpa|afp|ap|apa|sda|kna|epd|ddp|reuters)$/i, '')
    .replace(/\s*\/\s*\p{Lu}[\p{Lu}\d-]+$/u, '')
    // A social handle or a link to the author's other posts after the name (`Williams Perdomo @wperdomod`).
    .replace(/\s+(?:@\w+|alle\s+artikel|all\s+(?:posts|articles|stories))$/i, '')
    .replace(/[\s|,;:·•–—»«›‹-]+$/u, '')
    .trim();
  const upper = name.match(/[A-Z]/g)?.length ?? 0;
  const letters = name.match(/[A-Za-z]/g)?.length ?? 0;
  // Names in capitals (`MATT O’BRIEN, BARBARA ORTUTAY`) in title case, each part after an apostrophe or hyphen too.
  if (letters >= 4 && upper / letters > 0.7)
    name = name
      .toLowerCase()
      .replace(/(^|[\s,’'-])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase())
      // …but `and` and the particles between names stay small (`Jane Doe and John Roe`, `Ursula von der Leyen`).
      .replace(/(?<=\s)(?:And|Und|Et|Von|Van|De[rn]?|Da|Di|Du|La|Le)(?=\s)/g, (word) => word.toLowerCase());
  return name || undefined;
}

function bylineText(doc: Document, plausible: (name: string) => boolean): string | undefined {
  // In order of trust, not document order: microdata before a generic ".author" box.
  for (const selector of BYLINE_SELECTORS) {
    // The first few matches: a head `<link rel=author>` or an empty headshot link comes before the name.
    for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, 5)) {
      // Nor is a button (`<button class="followAuthorBtn">Folgen</button>`) or a form.
      if (el.closest('footer, nav, [class*="comment" i], button, [role="button"], form')) continue;
      // A link to a section of people (`/people/`, a portal's channel in its menu) names nobody.
      if (
        selector.includes('href') &&
        !/\/(?:authors?|people|profiles)\/[^/?#]|^user\?id=./i.test(el.getAttribute('href') ?? '')
      )
        continue;
      const value = cleanAuthor(el.getAttribute('content') ?? text(el));
      if (value && value.length <= 120 && plausible(value)) return value;
    }
  }
  return undefined;
}

/**
 * A label that opens a byline in visible text (`Posted by`, `Autor:`, `Par`, `Autoren`), after an
 * optional date (`Posted on September 21, 2020 by …`, `06.11.2023 13:30 von Olga`). Stricter than
 * AUTHOR_LABEL, which cleans bylines already found: `Text` counts only with its colon.
 */
const BYLINE_LABEL = new RegExp(
  `^(?:(?:(?:posted|published|veröffentlicht)\\s+(?:on|am)\\s+)?(?:${DATE_IN_TEXT_SOURCE})(?:\\s+\\d{1,2}:\\d{2})?\\s*[-–|·,]?\\s*)?(?:(?:posted|written)\\s+by|(?:geschrieben|verfasst)\\s+von|by|von|par|por|autor(?:in|en)?|authors?|auteurs?|text\\s*:)(?=[\\s:：]|$)`,
  'i',
);
/** The words BYLINE_LABEL can start with: a cheap test for each text node before the real one. */
const BYLINE_START = /^\s*(?:posted|published|veröffentlicht|written|geschrieben|verfasst|by|von|par|por|aut|text|\d)/i;
/** What a name looks like: capitalised words, initials and the particles between them; no digits. */
const NAME_SHAPE =
  /^\p{Lu}[\p{L}'’.-]*(?:,?\s+(?:\p{Lu}[\p{L}'’.-]*|von|van|de[rnls]?|da|di|du|la|le|y|e|und|and|&)){0,6}$/u;
/** Where a labelled name is a credit or another post's, not this one's byline. */
const LABELLED_AUTHOR_SKIP =
  'footer, nav, aside, figure, [class*="comment" i], [class*="credit" i], [class*="widget" i]';

/**
 * A byline in small visible text that opens with a label, as themes print it without naming it in
 * their markup: `<span>Posted by Konstantin</span>`, `<h5>Autor: </h5>Peter Maahn`,
 * `<p>von <em>Klaus Stanjek</em></p>`, `Par&nbsp;<a>Matthieu Hy</a>`. The label must open its
 * element's text, which must be short, and what follows must look like a name. A label inside a
 * link is a title (`<a>Von Stubenhockern und Glucken</a>`) or a credit.
 */
function labelledAuthor(doc: Document, plausible: (name: string) => boolean): string | undefined {
  return firstInText(doc, (node, el) => {
    if (!BYLINE_START.test(node.nodeValue ?? '') || el.tagName === 'A') return undefined;
    const raw = el.textContent ?? '';
    if (raw.length > 300) return undefined;
    const own = raw.replace(/\s+/g, ' ').trim();
    const label = BYLINE_LABEL.exec(own);
    if (!label) return undefined;
    let line = own.slice(label[0].length).replace(/^\s*[:：]?\s*/, '');
    // The label alone: the name follows it (`<h4>Autor</h4><p>Name</p>`).
    for (let next = el.nextSibling; !line && next; next = next.nextSibling) line = (next.textContent ?? '').trim();
    const name = cleanAuthor(line.slice(0, 100));
    return name && NAME_SHAPE.test(name) && !el.closest(LABELLED_AUTHOR_SKIP) && plausible(name) ? name : undefined;
  });
}

/**
 * The first answer `read` gives for a text node of the page's body and the element holding it
 * (scripts and styles skipped), reading at most 20,000 nodes: walking text is cheaper than testing
 * each element of a 2 MB page.
 */
function firstInText<T>(doc: Document, read: (node: Node, parent: Element) => T | undefined): T | undefined {
  if (!doc.body) return undefined;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), seen = 0; node && seen < 20_000; node = walker.nextNode(), seen++) {
    const parent = node.parentElement;
    if (!parent || /^(?:SCRIPT|STYLE)$/.test(parent.tagName)) continue;
    const found = read(node, parent);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where themes put the site's own name as an `<h1>`: logo and brand boxes, and the page's header. */
const SITE_HEADING = '[class*="logo" i], [id*="logo" i], [class*="site-title" i], [class*="brand" i]';
const isSiteHeading = (el: Element) =>
  !!el.closest(SITE_HEADING) || (!!el.closest('header') && !el.closest('article, main, [role="main"]'));

/**
 * What a heading's own parts say, without the parts themes put inside it around the headline: a
 * kicker or roof line (`<span class="roofline">`, `<small>`), a subtitle, a date, text hidden for
 * screen readers (`<span class="element-invisible"> | Site</span>`).
 */
const HEADING_EXTRAS =
  'small, time, [class*="roofline" i], [class*="overline" i], [class*="topline" i], [class*="kicker" i], [class*="subheadline" i], [class*="subtitle" i], [class*="dachzeile" i], [class*="eyebrow" i], [class*="colon" i], [class*="date" i], [class*="invisible" i], [class*="visually-hidden" i], [class*="visuallyhidden" i], [class*="sr-only" i], [class*="screen-reader" i]';

function headingText(el: Element): string {
  if (!el.querySelector(HEADING_EXTRAS)) return el.textContent ?? '';
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const extra = parent?.closest(HEADING_EXTRAS);
    // What stood between two parts still parts them.
    if (extra && extra !== el && el.contains(extra)) out += ' ';
    else out += node.nodeValue ?? '';
  }
  // A heading that is all extras (a date-only h1) keeps its text.
  return out.trim() ? out : (el.textContent ?? '');
}

/**
 * The page's visible headline among its `<h1>`s (the first ten with text that are not the site's
 * name): the one that agrees with the declared title (one contains the other), since pages put
 * their navigation, a cookie box or a newsletter form in `<h1>`s too; else the first outside the
 * header and logo (themes often make the site name an `<h1>` and leave the first one empty); the
 * first with text when every one is the site's.
 */
function headlineH1(doc: Document, siteNames: string[], host: string, title: string): string {
  let fallback = '';
  let first = '';
  const wanted = normalizeName(title);
  const agrees = (name: string) =>
    name.length >= 4 && wanted.length >= 4 && (wanted.includes(name) || name.includes(wanted));
  for (const el of Array.from(doc.querySelectorAll('h1')).slice(0, 10)) {
    const heading = cleanLine(stripSiteName(cleanLine(decodeEntities(headingText(el)), 2000), siteNames, host), 500);
    if (!heading) continue;
    fallback ||= heading;
    const name = normalizeName(heading);
    if (siteNames.some((site) => normalizeName(site) === name)) continue;
    if (isSiteHeading(el)) continue;
    if (agrees(name)) return heading;
    first ||= heading;
  }
  if (first) return first;
  if (agrees(normalizeName(fallback))) return fallback;
  // No headline in an <h1> (blogs and old sites put it in an <h2>): an <h2> that agrees with the title.
  for (const el of Array.from(doc.querySelectorAll('h2')).slice(0, 5)) {
    const heading = cleanLine(headingText(el), 500);
    if (agrees(normalizeName(heading)) && !isSiteHeading(el)) return heading;
  }
  return fallback;
}

/** Names CMSes and themes put where an author goes: account defaults, not people. */
const PLACEHOLDER_AUTHOR =
  /^(?:tweet|teilen|share|folgen|follow|abonnieren|subscribe|veröffentlicht|published|login|e?magazine login|zum inhalt springen|skip to content|afficher mon profil complet|view (?:my )?(?:complete )?profile|\d+ (?:articles?|posts?|beiträge|artikel)|admin(?:istrator)?|wp-?admin|wordpress-?admin|wordpressadmin|super ?user|site ?admin|webmaster|root|user|guest|anonymous|anonym|unknown|no ?author|n\/a|none|null|undefined|default|editor|author|autor)$/i;
/**
 * Names that say they are an organisation: legal forms, public bodies, an address. A newsroom
 * (`Redaktion`, `TVT-Redaktion`) is kept: pages sign with it as their author, and a desk is what
 * an editor would cite.
 */
const ORGANISATION =
  /\b(?:GmbH|AG|e\.\s?V\.|eG|Ltd|Inc|LLC|KG|S\.A\.|Verlag|Bundesministerium|Ministerium|Ministry|Bundesverband|Verband|Departement|Department|publisher|anónimo)\b|\b[\w-]+\.(?:com|de|ch|at|org|net|fr|it|es)\b|(?:公司|集团|集團|网络|網絡|科技|有限)$/iu;
/** Credits for a site's design that templates print in an author slot. */
const DESIGN_CREDIT =
  /\btheme|\b(?:designed by|powered by|wordpress|template|discuz|comsenz|phpwind|dedecms)\b|\bdesigned$/i;

const comparable = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether a candidate can be the article's author: not a placeholder, not a design credit, not
 * the publisher itself or its domain, not a sentence. (General rules, measured on real pages:
 * docs/metadata-accuracy.md.)
 */
export function plausibleAuthor(name: string, publisher: string, host: string): boolean {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100 || trimmed.split(/\s+/).length > 10) return false;
  if (PLACEHOLDER_AUTHOR.test(trimmed) || DESIGN_CREDIT.test(trimmed)) return false;
  // A company, a ministry or an association is a publisher, not a byline.
  if (ORGANISATION.test(trimmed)) return false;
  // A credit for pictures, a time stamp or a date is not who wrote the text.
  if (/^(?:fotos?|photos?|bild(?:er)?|bildquelle|stand|posted on|publicado|aktualisiert)\b/i.test(trimmed))
    return false;
  // A name starts with a letter and is not a sentence (`3 de Mayo de 2022`, `Endlich mehr Beschleunigung wagen!`).
  if (/^\d/.test(trimmed) || /[!?]$/.test(trimmed)) return false;
  if (DATE_IN_TEXT.exec(trimmed)?.index === 0 || !/\p{L}/u.test(trimmed)) return false;
  // Editors and source lines are not authors (责任编辑：张三, 来源：新浪科技, Quelle: dpa), nor a tag in brackets ([人物]).
  if (/责任编辑|責任編輯|责编|責編|来源[:：]|來源[:：]|^(?:quelle|source)\s*:|^[[【〔]/i.test(trimmed)) return false;
  // Code a page printed where its byline goes (`window._folmq.push(function() {…`).
  if (/[{};]|\bfunction\s*\(|=>/.test(trimmed)) return false;
  if (/^https?:\/\/|^www\./i.test(trimmed)) return false;
  const key = comparable(trimmed);
  if (key === '') return false;
  // The site's own name: its registrable domain without the suffix (`de.happycoffee.org` → happycoffee).
  const domain = registrableDomain(host);
  const site = comparable(domain.split('.')[0] ?? domain);
  return key !== comparable(publisher) && key !== site && key !== comparable(domain) && key !== comparable(host);
}

// Dates pages keep in their own scripts (Tencent, 36Kr, many CMSes).
const SCRIPT_DATE =
  /["']?(?:pubtime|publishTime|publish_time|publishDate|publish_date|published_at|first_published_at|pubDate|datePublished|publishedAt|createTime|ctime)["']?\s*[:=]\s*["']?([0-9][0-9 :TZ+\-./]{7,28})/;
const DATE_IN_TEXT = new RegExp(DATE_IN_TEXT_SOURCE);
const LEADING_DATE = new RegExp(`^(?:${DATE_IN_TEXT_SOURCE})\\s*[-–|:·]\\s+(?=\\S)`);

/**
 * A date a CMS stored as local midnight and printed in UTC (`2021-11-04T23:00:00Z` for a German
 * page of 5 November) is that next day. Only a whole hour from 20:00 to 23:00 with no minutes or
 * seconds reads so: a story published at that exact second is rarer than this habit.
 */
export function localMidnight(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(2[0-3]):00:00(?:\.0+)?(?:Z|\+00:00)$/.exec(date);
  if (!m) return date;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * A time declared in UTC names another day than the page's own where the day turns at another hour
 * (`2022-05-04T00:25:00Z` for an Argentine story of 3 May). Where a zone can be that far from UTC
 * (before 08:00 UTC, the day before: the Americas; from 22:00, the day after: Europe, Africa; from
 * 15:00 on East Asian pages), a date the page shows one day away in that direction is its own day.
 */
export function pageDay(date: string, shown: () => string | undefined, eastAsian = false): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})[^Z+-]*(?:Z|[+-]00:?00)$/.exec(date);
  const hour = Number(m?.[2]);
  const step = hour < 8 ? -1 : hour >= 22 || (eastAsian && hour >= 15) ? 1 : 0;
  const day = m && step ? shown()?.slice(0, 10) : undefined;
  return day && (Date.parse(day) - Date.parse(m?.[1] as string)) / 864e5 === step ? day : date;
}

/** The first date written in some text, parsed; undefined when none parses. */
export function dateInText(text: string, options?: DateOptions): string | undefined {
  const match = DATE_IN_TEXT.exec(text);
  return match ? parseDate(match[0], options) : undefined;
}

/** `/2026/01/30/` or `/2026-01-30-` in the address: the last resort, day precision only. */
export function urlDate(pageUrl: string): string | undefined {
  let path = '';
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    return undefined;
  }
  const m =
    /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/\-_.]|$)/.exec(path) ??
    // `/20030331_Rede.html`, `/20260130/`: eight digits opening a segment (never an archive's 14-digit stamp).
    /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/\-_.]|$)/.exec(path);
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`)?.slice(0, 10) : undefined;
}

function scriptDate(doc: Document): string | undefined {
  const scripts = Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 30);
  for (const script of scripts) {
    const match = SCRIPT_DATE.exec((script.textContent ?? '').slice(0, 200_000));
    const parsed = match ? parseDate((match[1] as string).trim()) : undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

/**
 * A date shown near the headline or in an element named for dates. Only the first few
 * hundred characters are read, and never a footer (copyright years).
 */
function visibleDate(doc: Document, options: DateOptions): string | undefined {
  const candidates = Array.from(
    doc.querySelectorAll(
      '[class*="date" i], [class*="time" i], [id*="time" i], [id*="date" i], [class*="publish" i], [class*="publication" i], [class*="created" i], [class*="authored" i], [class*="uploaded" i], [class*="posted" i], [class*="datum" i], [class*="info" i], [class*="meta" i]',
    ),
  )
    .filter((el) => !el.closest('footer'))
    .slice(0, 40)
    .map((el) => (el.textContent ?? '').slice(0, 200));
  const h1 = doc.querySelector('h1');
  let after = '';
  for (let el = h1?.nextElementSibling; el && after.length < 600; el = el.nextElementSibling) {
    if (el.tagName !== 'FOOTER') after += ` ${(el.textContent ?? '').slice(0, 300)}`;
  }
  for (const textual of [...candidates, after]) {
    if (/updated|更新/i.test(textual) && !/published|发布/i.test(textual)) continue;
    const parsed = dateInText(textual, options);
    if (parsed) return parsed;
  }
  return undefined;
}

/**
 * Whether the page writes `03/04/2020` day first: pages in any language but American English do;
 * a page that names no language leaves such a date unread.
 */
function dayFirstOf(doc: Document): DateOptions {
  const lang = (doc.documentElement?.getAttribute('lang') || meta(doc, 'og:locale') || '')
    .toLowerCase()
    .replace('_', '-');
  if (!lang) return {};
  if (lang === 'en-us') return { dayFirst: false };
  if (lang === 'en') return {};
  return { dayFirst: true };
}

/** A label a page puts before its date: `Datum:`, `Erschienen am`, `Published`, `发布时间：`. */
const DATE_LABEL =
  /^(?:datum|date|published(?:\s+on)?|posted(?:\s+on)?|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|erstellt(?:\s+am)?|stand|mise\s+en\s+ligne|publié\s+le|publicado(?:\s+el)?|pubblicato\s+il|发布时间|发布日期|日期)\s*[:：]?/i;

/**
 * A date after a label that names it, in the label's own text or just after it
 * (`Erschienen am: 01.11.2023`, `<span>Datum:</span> <span>18.10.2021</span>`,
 * `<h5>Datum:</h5>03.11.2021`, `Stand - 12.11.2021<br>`).
 */
function labelledDate(doc: Document, options: DateOptions): string | undefined {
  return firstInText(doc, (node, parent) => {
    const own = (node.nodeValue ?? '').trim();
    if (own.length > 80 || !DATE_LABEL.test(own)) return undefined;
    let textual = own;
    // What follows the label in its element, or after the element when the label is all it holds.
    let next = node.nextSibling ?? (parent.childNodes.length === 1 ? parent.nextSibling : null);
    for (; next && textual.length < 160; next = next.nextSibling)
      textual += ` ${(next.textContent ?? '').slice(0, 100)}`;
    return dateInText(textual, options);
  });
}

function langOf(doc: Document, ld: Json | undefined): string | undefined {
  const raw =
    doc.documentElement?.getAttribute('lang') ||
    meta(doc, 'og:locale', 'language', 'content-language') ||
    (typeof ld?.inLanguage === 'string' ? ld.inLanguage : undefined);
  if (!raw) return undefined;
  const normalized = raw.trim().replace('_', '-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(normalized) ? normalized : undefined;
}

/**
 * What an editor needs of a page, from the signals real pages carry, most trusted first:
 * editor overrides, JSON-LD, OpenGraph/Twitter, Highwire citation_*, Dublin Core, plain meta,
 * microdata, <time>, then visible text. Never throws on hostile markup.
 */
/**
 * The first signal that gives a value (and passes `accept`), with where it came from; each is
 * asked only when the ones before gave nothing.
 */
function firstFound<T>(
  signals: readonly (readonly [FieldOrigin, () => T | undefined])[],
  accept: (value: T) => boolean = () => true,
  traced?: (signal: number) => void,
): [FieldOrigin | undefined, T | undefined] {
  for (let i = 0; i < signals.length; i++) {
    const [origin, read] = signals[i] as (typeof signals)[number];
    const value = read();
    if (value !== undefined && value !== '' && accept(value)) {
      traced?.(i);
      return [origin, value];
    }
  }
  return [undefined, undefined];
}

export function extractPageMetadata(doc: Document, pageUrl: string, options: ExtractOptions = {}): PageMetadata {
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    host = '';
  }
  const nodes = jsonLdNodes(doc);
  const ld = articleNode(nodes);
  const isWeChat = host === 'mp.weixin.qq.com';

  const override = lookupByDomain(host, options.publisherOverrides ?? {});
  const ldPublisher =
    names(ld?.publisher)[0] ??
    names(nodes.find((n) => typesOf(n).includes('Organization') || typesOf(n).includes('NewsMediaOrganization')))[0];
  const weChatAccount = isWeChat ? (text(doc.querySelector('#js_name')) ?? meta(doc, 'og:article:author')) : undefined;
  const declaredSite =
    meta(doc, 'og:site_name') ??
    ldPublisher ??
    meta(doc, 'application-name', 'citation_publisher', 'DC.publisher', 'dcterms.publisher');
  const siteName = declaredSite === undefined ? undefined : decodeEntities(declaredSite);
  // Chinese info lines are read only on pages written in Chinese.
  // (Old portals name no language and may put the title in no <title> or <h1>: their description says it.)
  const chinese =
    /^zh/i.test(doc.documentElement?.getAttribute('lang') ?? '') ||
    /[\u4e00-\u9fff]/.test(
      `${text(doc.querySelector('title')) ?? ''}${text(doc.querySelector('h1')) ?? ''}${meta(doc, 'description', 'keywords') ?? ''}`,
    ) ||
    /^(?:gb|big5)/i.test(doc.characterSet ?? '');
  const zhTexts = chinese ? zhBylineTexts(doc) : [];
  const [sourceOrigin, rawSource] = firstFound<string>(
    [
      ['editor', () => override],
      ['declared', () => weChatAccount ?? (isWeChat ? undefined : siteName)],
      // A site the extension knows by name (lib/capture/publishers.ts) is named after the capture has
      // left the page (withKnownSite in lib/capture/tidy-capture.ts), keeping the table out of the clipper.
      ['domain', () => readableDomain(host)],
    ],
    undefined,
    (i) => options.trace?.('source', i),
  );
  const source = cleanLine(decodeEntities(rawSource ?? ''), 200);

  const siteNames = [source, siteName ?? '', ldPublisher ?? ''].filter((n) => n);
  const metaTitle = meta(doc, 'og:title', 'twitter:title', 'citation_title', 'DC.title', 'dcterms.title', 'headline');
  // A JSON-LD headline that shares no word with the page's other titles describes something else
  // (Wikipedia's is the topic's one-line description: `constitutional monarchy in Oceania`).
  const words = (value: string | undefined) =>
    (value ?? '').toLowerCase().match(/[\p{L}\p{N}]{4,}|\p{Script=Han}/gu) ?? [];
  const otherWords = new Set(words(`${metaTitle ?? ''} ${text(doc.querySelector('title')) ?? ''}`));
  const ldHeadline =
    typeof ld?.headline === 'string' && (otherWords.size === 0 || words(ld.headline).some((w) => otherWords.has(w)))
      ? ld.headline
      : undefined;
  const declaredTitle = ldHeadline ?? metaTitle ?? (isWeChat ? text(doc.querySelector('#activity-name')) : undefined);
  const titleTag = declaredTitle === undefined ? text(doc.querySelector('title')) : undefined;
  const rawTitle = declaredTitle ?? titleTag ?? text(doc.querySelector('h1')) ?? '';
  // A day before the title is the page's date, not its title (`23.01.2022 - Dorothea Wierer darf …`).
  const stripped = cleanLine(
    stripSiteName(cleanLine(decodeEntities(rawTitle), 2000), siteNames, host).replace(LEADING_DATE, ''),
    500,
  );
  const h1 = headlineH1(doc, siteNames, host, stripped);
  // "标题|关键词|关键词_网易科技", "标题-CSDN博客": the headline is the title's head.
  const headIsH1 =
    h1.length >= 6 &&
    stripped.length > h1.length &&
    stripped.startsWith(h1) &&
    /^\s*[|｜_\-–—:·]/.test(stripped.slice(h1.length));
  // "Site :: Headline", "Headline › Blog": the h1 is one whole segment of the title.
  const h1IsSegment =
    h1.length >= 4 &&
    stripped !== h1 &&
    stripped.split(SEPARATORS).some((part) => normalizeName(part) === normalizeName(h1));
  // The visible headline when the title is only it plus a kicker or a tag ("Chronik: Headline",
  // "Headline (neues deutschland)"), or the same words with quotes and dashes flattened. Not when
  // the title goes on in words after it: then the h1 is the shortened one.
  const at = h1.length >= 8 ? stripped.toLowerCase().indexOf(h1.toLowerCase()) : -1;
  const before = at >= 0 ? stripped.slice(0, at).trim() : '';
  const after = at >= 0 ? stripped.slice(at + h1.length).trim() : '';
  const h1Within =
    !siteNames.some((name) => normalizeName(name) === normalizeName(h1)) &&
    ((h1.length >= 8 && normalizeName(h1) === normalizeName(stripped)) ||
      (at >= 0 &&
        h1.length >= stripped.length * 0.4 &&
        ((before !== '' && after === '' && /[:：|»›\-–—]$/.test(before)) ||
          (before === '' && after !== '' && /^[(（[\-–—|:»]/.test(after)))));
  // The declared title is the headline cut short ("…Gigafactory-Kapazität" for "…Kapazität in
  // Tennessee"): the visible headline holds all of it.
  const h1Extends =
    stripped.length >= 12 &&
    h1.length > stripped.length &&
    normalizeName(h1).startsWith(normalizeName(stripped)) &&
    normalizeName(stripped).length >= normalizeName(h1).length * 0.5;
  const fromH1 = headIsH1 || h1IsSegment || h1Within || h1Extends;
  const title = (fromH1 ? h1 : stripped) || h1 || host.replace(/^www\./, '');
  const titleOrigin: FieldOrigin =
    fromH1 || (!stripped && h1)
      ? 'headline'
      : !stripped
        ? 'domain'
        : declaredTitle !== undefined
          ? 'declared'
          : titleTag !== undefined
            ? 'page-title'
            : 'headline';

  // A candidate as it would be stored: references decoded, the site's own segment cut
  // (`Michael Humpa | CHIP Software-Redaktion`); judged in that form.
  const asAuthor = (name: string) => cleanLine(stripSiteName(decodeEntities(name), [source], host), 300);
  const authors = names(ld?.author).filter((name) => plausibleAuthor(name, source, host));
  // Each `citation_author` is one person, often `Last, First` (arXiv): `Chen, Wei` is Wei Chen, not two people.
  const citationAuthors = metaAll(doc, 'citation_author').map((name) => name.replace(/^([^,]+),\s*([^,]+)$/, '$2 $1'));
  // In order of trust; a placeholder or the publisher's own name falls through to the next.
  // Evaluated in turn, so the costlier DOM searches run only when the cheap signals gave nothing.
  const [authorOrigin, rawAuthor] = firstFound<string>(
    [
      ['declared', () => (authors.length > 0 ? authors.join(', ') : undefined)],
      ['declared', () => (citationAuthors.length > 0 ? citationAuthors.join(', ') : undefined)],
      // Every author of the first kind of meta a page gives (`parsely-author` once per person).
      ['declared', () => cleanAuthor([...new Set(metaAuthors(doc))].join(', '))],
      // A WeChat article's writer: its own field, or the author line under the title (`原创 新智元编辑部 新智元`),
      // whose first plain entry is the writer (not the 原创 mark, the account or the time).
      [
        'byline',
        () =>
          isWeChat
            ? (text(doc.querySelector('#js_author_name')) ??
              Array.from(doc.querySelectorAll('#meta_content .rich_media_meta_text'))
                .filter((el) => !el.id && el.tagName !== 'EM')
                .map((el) => text(el))
                .find((name) => name && name !== '原创'))
            : undefined,
      ],
      ['byline', () => bylineText(doc, (name) => plausibleAuthor(name, source, host))],
      // A Chinese page's credits are read outside the page from its lines (lib/capture/tidy-capture.ts);
      // European labels (`von`, `par`) say nothing there.
      ['byline', () => (chinese ? undefined : labelledAuthor(doc, (name) => plausibleAuthor(name, source, host)))],
    ],
    (name) => plausibleAuthor(asAuthor(name), source, host),
    (i) => options.trace?.('author', i),
  );
  const author = rawAuthor ? asAuthor(rawAuthor) : '';

  const [dateOrigin, publishedAt] = firstFound<string>(
    [
      ['declared', () => (isWeChat ? weChatDate(doc) : undefined)],
      [
        'declared',
        () =>
          firstDate([
            typeof ld?.datePublished === 'string' ? ld.datePublished : undefined,
            meta(doc, 'article:published_time', 'og:article:published_time'),
            meta(doc, 'citation_publication_date', 'citation_date', 'citation_online_date'),
            meta(doc, 'DC.date', 'DC.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created'),
            meta(
              doc,
              'pubdate',
              'publishdate',
              'publish-date',
              'publish_time',
              'date',
              'sailthru.date',
              'parsely-pub-date',
              'datePublished',
              'article.published',
              'apub:time',
              'publication_date',
              'publication-date',
            ),
            doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ??
              doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content'),
            // Video pages and some CMSs name the first publication otherwise (read from the meta index:
            // a query over every element's attributes costs milliseconds on a large page).
            meta(doc, 'uploadDate', 'dateCreated', 'schema:dateCreated'),
            (doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute(
              'datetime',
            ),
            // An age shown as `3 hours ago` with the time in its title (`2026-01-28T15:04:05 1769612645`, Hacker News).
            doc.querySelector('[class~="age"][title]')?.getAttribute('title')?.split(' ')[0],
            typeof ld?.dateCreated === 'string' ? ld.dateCreated : undefined,
          ]),
      ],
      ['declared', () => scriptDate(doc)],
      // A time stamp in milliseconds beside a date shown as `Updated 3:45 PM EST, January 28, 2026` (AP).
      [
        'declared',
        () => {
          const stamp = Number(doc.querySelector('[data-timestamp]')?.getAttribute('data-timestamp'));
          return stamp > 1e11 && stamp < 1e13 ? new Date(stamp).toISOString() : undefined;
        },
      ],
      ['byline', () => visibleDate(doc, dayFirstOf(doc))],
      ['byline', () => labelledDate(doc, dayFirstOf(doc))],
      ['url', () => urlDate(pageUrl)],
    ],
    undefined,
    (i) => options.trace?.('date', i),
  );

  const excerpt = cleanLine(
    (typeof ld?.description === 'string' ? ld.description : undefined) ??
      meta(doc, 'og:description', 'description', 'twitter:description', 'citation_abstract', 'DC.description'),
    1000,
  );

  const origins: FieldOrigins = { title: titleOrigin, source: sourceOrigin ?? 'domain' };
  const result: PageMetadata = { title, source, url: canonicalOf(doc, pageUrl, ld), origins };
  if (author && authorOrigin) {
    result.author = author;
    origins.author = authorOrigin;
  }
  if (publishedAt && dateOrigin) {
    result.publishedAt = localMidnight(
      dateOrigin === 'declared'
        ? pageDay(
            publishedAt,
            () => visibleDate(doc, dayFirstOf(doc)),
            chinese || /^(?:ja|ko)/i.test(doc.documentElement?.getAttribute('lang') ?? ''),
          )
        : publishedAt,
    );
    origins.publishedAt = dateOrigin;
  }
  if (excerpt) result.excerpt = excerpt;
  if (zhTexts.length) result.credits = zhTexts;
  if (sourceOrigin === 'domain') {
    result.pageTitle = text(doc.querySelector('title'))?.slice(0, 300);
    result.logoAlt = doc
      .querySelector('[class*="logo" i] img[alt], [id*="logo" i] img[alt], header img[alt], a[href="/"] img[alt]')
      ?.getAttribute('alt')
      ?.slice(0, 100);
  }
  const lang = langOf(doc, ld);
  if (lang) result.lang = lang;
  return result;
}
