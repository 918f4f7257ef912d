// `npm run eval:metadata -- --corpus trafilatura|readability [--root DIR] [--out FILE] [--limit N]`
//
// Scores the extractor the clipper ships (lib/capture/metadata.ts) on real saved pages from a
// public corpus that lives outside this repository (nothing of it is copied here). Each page is
// parsed with a real DOM implementation (happy-dom), extracted, and compared with the corpus's
// labels; see docs/metadata-accuracy.md for the normalisation and the current figures.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { extractPageMetadata, type PageMetadata } from '../lib/capture/metadata';
import { withKnownSite } from '../lib/capture/tidy-capture';
import { type Field, score } from './metadata-score';
import { decode } from './page-decode';

interface Labelled {
  id: string;
  url: string;
  html: () => Buffer;
  expected: Partial<Record<Field, string>>;
}

interface Corpus {
  /** The folder inside the repository that holds pages and labels. */
  subdir: string;
  mirror: string;
  load: (dir: string) => Labelled[];
}

const CORPORA: Record<string, Corpus> = {
  trafilatura: {
    subdir: 'tests',
    mirror: '/work/.mirror/adbar+trafilatura/repo',
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
          html: () => readFileSync(join(dir, 'tests/eval', l.file)),
          expected: { title: text(l.title), author: text(l.author), date: text(l.date) },
        }))
        .filter((page) => existsSync(join(dir, 'tests/eval', page.id)));
    },
  },
  readability: {
    subdir: 'test/test-pages',
    mirror: '/work/.mirror/mozilla+readability/repo',
    load: (dir) => {
      const root = join(dir, 'test/test-pages');
      const names = readdirSync(root).sort();
      return names
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
            html: () => readFileSync(join(root, name, 'source.html')),
            expected: {
              title: m.title ?? '',
              author: m.byline ?? '',
              date: m.publishedTime ?? '',
              source: m.siteName ?? '',
            },
          };
        });
    },
  },
};

/** Labels are strings, but a few are null or lists in the corpus. */
function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.join('; ');
  return value === null ? '' : String(value);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A working tree of the corpus: the folder given, or the pages extracted once from a bare mirror. */
function corpusDir(corpus: Corpus, root: string): string | undefined {
  if (existsSync(join(root, corpus.subdir))) return root;
  if (existsSync(join(root, 'HEAD')) && existsSync(join(root, 'objects'))) {
    const dir = mkdtempSync(join(tmpdir(), 'metadata-corpus-'));
    execSync(`git --git-dir=${JSON.stringify(root)} archive HEAD ${corpus.subdir} | tar -x -C ${JSON.stringify(dir)}`, {
      maxBuffer: 1 << 30,
    });
    return dir;
  }
  return undefined;
}

/** Pages declare their own encoding; older European and Chinese pages are rarely UTF-8. */
// A fresh window per page, closed after it: one window for ~900 pages grows without bound.
function newWindow(): Window {
  return new Window({
    // A real origin, so that relative links in <head> resolve instead of throwing.
    url: 'https://localhost/',
    settings: {
      handleDisabledFileLoadingAsSuccess: true,
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
}

function parse(window: Window, html: string, url: string): Document {
  // happy-dom mis-parses some inline SVG (a <style> inside a <symbol>) and loses the rest of the page
  // with it, which a browser never does; the extractor reads nothing in SVG, so it is left out (an
  // empty `<svg …/>` has nothing to remove, and one written in a script's string has its quotes
  // escaped: matching from either would swallow the page up to the next real `</svg>`).
  const doc = new window.DOMParser().parseFromString(
    html.replace(/<svg\b[^>\\]*(?<!\/)>[\s\S]*?<\/svg>/gi, ''),
    'text/html',
  ) as unknown as Document;
  // Relative links resolve against the page's own address, as in the browser.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head?.prepend(base);
  }
  return doc;
}

function gotOf(meta: PageMetadata, field: Field): string | undefined {
  if (field === 'date') return meta.publishedAt;
  return meta[field];
}

// ---- run ----

const name = arg('corpus') ?? 'trafilatura';
const corpus = CORPORA[name];
if (!corpus) {
  console.error(`eval:metadata: unknown corpus "${name}"; use ${Object.keys(CORPORA).join(' or ')}`);
  process.exit(2);
}
const root = arg('root') ?? corpus.mirror;
const dir = existsSync(root) ? corpusDir(corpus, root) : undefined;
if (!dir) {
  console.log(
    `eval:metadata: the ${name} corpus is not on this machine (looked in ${root}); nothing to score. Bring it with the search tool's fetch, or pass --root.`,
  );
  process.exit(0);
}
const limit = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
const out = arg('out') ?? join(tmpdir(), `metadata-mismatches-${name}.jsonl`);
const pages = corpus.load(dir).slice(0, limit);

const fields: Field[] = name === 'readability' ? ['title', 'author', 'date', 'source'] : ['title', 'author', 'date'];
const totals = Object.fromEntries(fields.map((f) => [f, { n: 0, exact: 0, lenient: 0 }])) as Record<
  Field,
  { n: number; exact: number; lenient: number }
>;
const mismatches: string[] = [];
let failures = 0;
const started = performance.now();
for (const page of pages) {
  let meta: PageMetadata;
  const window = newWindow();
  try {
    // As the extension keeps it: the clipper's reading, then the site named as the extension knows it.
    meta = withKnownSite(extractPageMetadata(parse(window, decode(page.html()), page.url), page.url), page.url);
  } catch (error) {
    failures++;
    mismatches.push(JSON.stringify({ id: page.id, error: String(error) }));
    continue;
  } finally {
    await window.happyDOM.close();
  }
  for (const field of fields) {
    const expected = page.expected[field];
    if (expected === undefined) continue;
    // The readability corpus leaves most sites' dates and names unlabelled: score only the labelled ones.
    if (name === 'readability' && (field === 'date' || field === 'source') && !expected) continue;
    // Every page has a title: an empty title label means the page was not labelled for it.
    if (field === 'title' && !expected.trim()) continue;
    const got = gotOf(meta, field);
    const result = score(field, expected, got);
    const t = totals[field];
    t.n++;
    if (result.exact) t.exact++;
    if (result.lenient) t.lenient++;
    if (!result.exact)
      mismatches.push(
        JSON.stringify({ id: page.id, url: page.url, field, expected, got: got ?? null, lenient: result.lenient }),
      );
  }
}
writeFileSync(out, `${mismatches.join('\n')}\n`);

const pct = (a: number, n: number) => (n ? (100 * a) / n : 0);
console.log(
  `\n${name}: ${pages.length} pages, ${failures} extraction failures, ${(performance.now() - started) / 1000} s`,
);
console.log('field    pages  exact %  lenient %');
for (const field of fields) {
  const t = totals[field];
  console.log(
    `${field.padEnd(8)} ${String(t.n).padStart(5)}  ${pct(t.exact, t.n).toFixed(1).padStart(7)}  ${pct(t.lenient, t.n).toFixed(1).padStart(9)}`,
  );
}
for (const field of fields) {
  const t = totals[field];
  console.log(
    JSON.stringify({ metric: `metadata_${field}_${name}`, value: Number(pct(t.exact, t.n).toFixed(1)), unit: '%' }),
  );
  console.log(
    JSON.stringify({
      metric: `metadata_${field}_${name}_lenient`,
      value: Number(pct(t.lenient, t.n).toFixed(1)),
      unit: '%',
    }),
  );
}
console.log(`mismatches: ${out}`);
