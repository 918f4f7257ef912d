// The development corpora `npm run eval:metadata` scores the extractor on, read from a working tree
// (or a bare snapshot's files) outside this repository; nothing of them is copied here. How each
// labels its pages, and what this reading makes of those labels: docs/metadata-accuracy.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Field } from './metadata-score';

export interface Labelled {
  id: string;
  url: string;
  /** The publisher or host a page belongs to, for the per-site learning figures. */
  site: string;
  html: () => Buffer;
  /** A field's label; '' = "the page has none"; absent = not labelled (not scored). */
  expected: Partial<Record<Field, string>>;
}

export interface Corpus {
  /** The folders inside the repository that hold pages and labels. */
  subdirs: string[];
  mirror: string;
  /** The fields the corpus labels. */
  fields: Field[];
  load: (dir: string) => Labelled[];
}

/** Labels are strings, but a few are null or lists in the corpus. */
function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join('; ');
  return value === null ? '' : String(value);
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/**
 * An author label of the Chinese corpus as names: co-authors are parted by blanks or `、`
 * (`王建宏 张文攀`, `赵延东、风笑天`), a name may carry its original in brackets (`周思博 (Joel Spolsky)`),
 * `UNKNOWN` says the page names nobody.
 */
export function zhAuthorLabel(raw: string): string {
  const label = raw.trim();
  if (label === 'UNKNOWN' || label === '') return '';
  // Blanks inside brackets belong to the name they follow.
  const kept = label.replace(/\s*[(（][^)）]*[)）]/g, (part) => part.replace(/\s+/g, '\u0001'));
  return kept
    .split(/[\s、]+/)
    .map((name) => name.replace(/\u0001/g, ' ').trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * A date label of the Chinese corpus as a day (`2005-5-7 21:23:57` → `2005-05-07`); `UNKNOWN`
 * (once misspelt `UNKNWON`) says the page shows none; a date without a day (`2018`, `1998-3`) or
 * anything else is not a label (undefined: not scored).
 */
export function zhDateLabel(raw: string): string | undefined {
  const label = raw.trim();
  if (/^UNKN/i.test(label)) return '';
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s|$)/.exec(label);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : undefined;
}

/**
 * The page inside the corpus's crawl wrapper `<text id="URL" title="…" encoding="…">…</text>`. The
 * encoding the crawler recorded (what the server's header said) is put before the page as a
 * `<meta charset>`, as a browser would have it from the header: some pages declare none themselves.
 */
export function unwrapCrawl(bytes: Buffer): { url: string; html: Buffer } {
  const head = bytes.subarray(0, 2000).toString('latin1');
  const m = /^\s*<text\s+id="([^"]*)"[^>]*>/.exec(head);
  if (!m) return { url: '', html: bytes };
  const encoding = /\sencoding="([\w-]+)"/.exec(m[0])?.[1];
  let end = bytes.length;
  const tail = bytes.subarray(Math.max(0, bytes.length - 64)).toString('latin1');
  const close = tail.lastIndexOf('</text>');
  if (close >= 0) end = bytes.length - tail.length + close;
  const page = bytes.subarray(m[0].length, end);
  const declared = /<meta[^>]+charset/i.test(page.subarray(0, 4000).toString('latin1'));
  const html = encoding && !declared ? Buffer.concat([Buffer.from(`<meta charset="${encoding}">`), page]) : page;
  return { url: m[1] ?? '', html };
}

/**
 * A fundus date label (`2024-04-22 15:26:46.863186+00:00`, in UTC) as the calendar day in the
 * pages' own zone: the German, Austrian and Swiss publishers all print Central European time, and a
 * story of 00:30 there is dated that day on the page though it is the day before in UTC.
 */
export function centralEuropeanDay(label: string | null | undefined): string | undefined {
  if (label === null) return '';
  if (!label) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(label.trim());
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2]}${m[3] ?? 'Z'}`);
  if (Number.isNaN(at.getTime())) return undefined;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
}

/** `V1` < `V1_1` < `V1_2` < `V2` < `V2_1`: a publisher's labels in the order of its pages' crawl dates. */
export function versionOrder(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^V/, '').split('_').map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

interface FundusLabel {
  title?: string | null;
  authors?: string[] | null;
  publishing_date?: string | null;
}

/** Only these fundus folders are development data; the other countries' are kept for independent evaluation. */
export const FUNDUS_FOLDERS = ['de', 'at', 'ch'].map((c) => `tests/resources/parser/test_data/${c}`);

export const CORPORA: Record<string, Corpus> = {
  trafilatura: {
    subdirs: ['tests'],
    mirror: '/work/.mirror/adbar+trafilatura/repo',
    fields: ['title', 'author', 'date'],
    load: (dir) => {
      const labels = JSON.parse(readFileSync(join(dir, 'tests/evaldata.json'), 'utf8')) as Record<
        string,
        { file: string; title?: string; author?: string; date?: string }
      >;
      return Object.entries(labels)
        .filter(([, l]) => l.title !== undefined || l.author !== undefined || l.date !== undefined)
        .map(([url, l]) => ({
          id: l.file,
          url,
          site: hostOf(url),
          html: () => readFileSync(join(dir, 'tests/eval', l.file)),
          // Every page has a title: an empty title label means the page was not labelled for it.
          expected: { title: text(l.title)?.trim() || undefined, author: text(l.author), date: text(l.date) },
        }))
        .filter((page) => existsSync(join(dir, 'tests/eval', page.id)));
    },
  },
  readability: {
    subdirs: ['test/test-pages'],
    mirror: '/work/.mirror/mozilla+readability/repo',
    fields: ['title', 'author', 'date', 'source'],
    load: (dir) => {
      const root = join(dir, 'test/test-pages');
      return readdirSync(root)
        .sort()
        .filter((name) => existsSync(join(root, name, 'expected-metadata.json')))
        .map((name) => {
          const m = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as {
            title?: string | null;
            byline?: string | null;
            publishedTime?: string | null;
            siteName?: string | null;
          };
          return {
            id: name,
            // The pages were saved from many sites; the corpus records no address for them.
            url: `https://example.com/${name}/`,
            site: name,
            html: () => readFileSync(join(root, name, 'source.html')),
            // Most sites' dates and names are left unlabelled: only the labelled ones are scored.
            expected: {
              title: m.title?.trim() || undefined,
              author: m.byline ?? '',
              date: m.publishedTime || undefined,
              source: m.siteName || undefined,
            },
          };
        });
    },
  },
  chinese: {
    subdirs: ['author', 'date', 'original'],
    mirror: '/work/.mirror/immortal-autumn+Chinese-Web-Content-Extraction-Dataset/repo',
    fields: ['author', 'date'],
    load: (dir) =>
      readdirSync(join(dir, 'author'))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .flatMap((file): Labelled[] => {
          const id = file.replace(/\.txt$/, '');
          const rawAuthor = readFileSync(join(dir, 'author', file), 'utf8');
          const datePath = join(dir, 'date', file);
          const rawDate = existsSync(datePath) ? readFileSync(datePath, 'utf8') : '';
          const htmlPath = join(dir, 'original', `${id}.html`);
          // A page with neither label filled in (empty or both `UNKNOWN`) was not labelled: 62 of 69 are.
          const author = zhAuthorLabel(rawAuthor);
          const date = zhDateLabel(rawDate);
          if (!existsSync(htmlPath) || (!author && !date)) return [];
          const { url } = unwrapCrawl(readFileSync(htmlPath));
          return [
            {
              id,
              url: url || `https://example.cn/${id}`,
              // A page saved without its address is a site of its own.
              site: url ? hostOf(url) : id,
              html: () => unwrapCrawl(readFileSync(htmlPath)).html,
              expected: { author, date },
            },
          ];
        }),
  },
  fundus: {
    subdirs: FUNDUS_FOLDERS,
    mirror: '/work/.mirror/flairNLP+fundus/repo',
    fields: ['title', 'author', 'date'],
    load: (dir) =>
      FUNDUS_FOLDERS.flatMap((folder) => {
        const root = join(dir, folder);
        if (!existsSync(root)) return [];
        const info = JSON.parse(readFileSync(join(root, 'meta.info'), 'utf8')) as Record<
          string,
          { url: string; crawl_date: string }
        >;
        return readdirSync(root)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .flatMap((file) => {
            const publisher = file.replace(/\.json$/, '');
            const labels = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, FundusLabel>;
            // The pages on disk: meta.info still lists a few files the suite has since replaced.
            const pages = Object.keys(info)
              .filter((html) => html.startsWith(`${publisher}_`) && /^_\d{4}_/.test(html.slice(publisher.length)))
              .filter((html) => existsSync(join(root, html)))
              .sort((a, b) => (info[a]?.crawl_date ?? '').localeCompare(info[b]?.crawl_date ?? ''));
            const versions = Object.keys(labels).sort(versionOrder);
            return pages.flatMap((html, i): Labelled[] => {
              const label = labels[versions[i] ?? ''];
              if (!label) return [];
              return [
                {
                  id: `${folder.slice(-2)}/${html}`,
                  url: info[html]?.url ?? '',
                  site: publisher,
                  html: () => gunzipSync(readFileSync(join(root, html))),
                  expected: {
                    title: label.title?.trim() || undefined,
                    author: label.authors === undefined ? undefined : (label.authors ?? []).join('; '),
                    date: centralEuropeanDay(label.publishing_date),
                  },
                },
              ];
            });
          });
      }),
  },
};
