// `npm run eval:metadata -- [--corpus all|trafilatura|readability|chinese|fundus] [--root DIR] [--out FILE] [--limit N]`
//
// Scores the extractor the clipper ships (lib/capture/metadata.ts) on real saved pages from public
// corpora that live outside this repository (nothing of them is copied here; scripts/metadata-corpora.ts
// reads them). Each page is parsed with a real DOM implementation (happy-dom), extracted, and
// compared with the corpus's labels: right, wrong or missing per field (scripts/metadata-score.ts);
// see docs/metadata-accuracy.md for the normalisation and the current figures.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { declaredSpot, describeSpot, type LearnedField, locateValue, readSpot } from '../lib/capture/learned';
import { cleanAuthor, extractPageMetadata, type PageMetadata } from '../lib/capture/metadata';
import { finishFields } from '../lib/capture/tidy-capture';
import { CORPORA, type Corpus, type Labelled } from './metadata-corpora';
import { type Field, type Outcome, score } from './metadata-score';
import { decode } from './page-decode';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A working tree of the corpus: the folder given, or the pages extracted once from a bare mirror. */
function corpusDir(corpus: Corpus, root: string): string | undefined {
  if (corpus.subdirs.every((sub) => existsSync(join(root, sub)))) return root;
  if (existsSync(join(root, 'HEAD')) && existsSync(join(root, 'objects'))) {
    const dir = mkdtempSync(join(tmpdir(), 'metadata-corpus-'));
    // Only the folders named: of some snapshots (fundus) the other folders are not ours to read.
    const paths = corpus.subdirs.map((sub) => JSON.stringify(sub)).join(' ');
    execSync(`git --git-dir=${JSON.stringify(root)} archive HEAD ${paths} | tar -x -C ${JSON.stringify(dir)}`, {
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

interface Tally {
  n: number;
  exact: number;
  outcomes: Record<Outcome, number>;
}

async function evaluate(name: string, corpus: Corpus): Promise<boolean> {
  const root = (corpusArg === 'all' ? undefined : arg('root')) ?? corpus.mirror;
  const dir = existsSync(root) ? corpusDir(corpus, root) : undefined;
  if (!dir) {
    console.log(
      `eval:metadata: the ${name} corpus is not on this machine (looked in ${root}); nothing to score. Bring it with the search tool's fetch, or pass --root.`,
    );
    return false;
  }
  const limit = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
  const out = (corpusArg === 'all' ? undefined : arg('out')) ?? join(tmpdir(), `metadata-mismatches-${name}.jsonl`);
  const pages = corpus.load(dir).slice(0, limit);
  const fields = corpus.fields;
  const totals = Object.fromEntries(
    fields.map((f) => [f, { n: 0, exact: 0, outcomes: { right: 0, wrong: 0, missing: 0 } }]),
  ) as Record<Field, Tally>;
  const mismatches: string[] = [];
  const outcomes = new Map<string, Outcome>();
  let failures = 0;
  let bareDomains = 0;
  let signals: Partial<Record<Field, number>> = {};
  // Per field, per signal (its place in the extractor's list): how often what it gave was right or wrong.
  const bySignal = new Map<string, Record<Outcome, number>>();
  const started = performance.now();
  for (const page of pages) {
    let meta: PageMetadata;
    const window = newWindow();
    try {
      // As the extension keeps it: the clipper's reading, then what the background does with it (credits
      // read, the site named as the extension knows it).
      signals = {};
      meta = finishFields(
        extractPageMetadata(parse(window, decode(page.html()), page.url), page.url, {
          trace: (field, signal) => {
            signals[field] = signal;
          },
        }),
        page.url,
      );
    } catch (error) {
      failures++;
      mismatches.push(JSON.stringify({ id: page.id, error: String(error) }));
      continue;
    } finally {
      await window.happyDOM.close();
    }
    // A bare domain is a source nothing named: the page declared no name and the extension knows none
    // (a site that calls itself `tagesschau.de` or `FAZ.NET` in its own metadata has named itself).
    if (meta.origins.source === 'domain') {
      bareDomains++;
      mismatches.push(
        JSON.stringify({
          id: page.id,
          url: page.url,
          field: 'source',
          outcome: 'bare-domain',
          got: meta.source,
          title: meta.title,
        }),
      );
    }
    for (const field of fields) {
      const expected = page.expected[field];
      if (expected === undefined) continue;
      const got = gotOf(meta, field);
      const result = score(field, expected, got);
      outcomes.set(`${page.id}#${field}`, result.outcome);
      const t = totals[field];
      t.n++;
      if (result.exact) t.exact++;
      t.outcomes[result.outcome]++;
      if (got && field !== 'title') {
        // A value no signal in the page gave was found after it (a Chinese page's credits).
        const key = `${field}#${signals[field] ?? 'after'}`;
        const tally = bySignal.get(key) ?? { right: 0, wrong: 0, missing: 0 };
        tally[result.outcome]++;
        bySignal.set(key, tally);
      }
      if (!result.exact)
        mismatches.push(
          JSON.stringify({
            id: page.id,
            url: page.url,
            field,
            expected,
            got: got ?? null,
            outcome: result.outcome,
            origin: meta.origins[field === 'date' ? 'publishedAt' : field] ?? null,
            signal: signals[field] ?? null,
          }),
        );
    }
  }
  writeFileSync(out, `${mismatches.join('\n')}\n`);

  const pct = (a: number, n: number) => (n ? (100 * a) / n : 0);
  const cell = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `\n${name}: ${pages.length} pages, ${failures} extraction failures, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log('field    pages  exact %  right %  wrong %  missing %');
  for (const field of fields) {
    const t = totals[field];
    console.log(
      `${field.padEnd(8)} ${String(t.n).padStart(5)}  ${cell(pct(t.exact, t.n))}  ${cell(pct(t.outcomes.right, t.n))}  ${cell(pct(t.outcomes.wrong, t.n))}  ${cell(pct(t.outcomes.missing, t.n)).padStart(9)}`,
    );
  }
  console.log(
    `by signal (field#place in the extractor's list: right/wrong): ${[...bySignal.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, t]) => `${key} ${t.right}/${t.wrong}`)
      .join(', ')}`,
  );
  console.log(
    `sources that are a bare domain: ${bareDomains} of ${pages.length} (${pct(bareDomains, pages.length).toFixed(1)} %)`,
  );
  const metric = (id: string, value: number) =>
    console.log(JSON.stringify({ metric: `metadata_${id}_${name}`, value: Number(value.toFixed(1)), unit: '%' }));
  for (const field of fields) {
    const t = totals[field];
    metric(field, pct(t.exact, t.n));
    metric(`${field}_lenient`, pct(t.outcomes.right, t.n));
    metric(`${field}_wrong`, pct(t.outcomes.wrong, t.n));
    metric(`${field}_missing`, pct(t.outcomes.missing, t.n));
  }
  metric('bare_domain_source', pct(bareDomains, pages.length));
  await learnedFigures(name, pages, fields, outcomes);
  console.log(`mismatches: ${out}`);
  return true;
}

/**
 * Learning per site, simulated (issue 27 §4): on each site with several pages, the editor corrects
 * each field on its first labelled page (the label is what they type); where that text stands is
 * learned (lib/capture/learned.ts), and the site's other pages are read there first. Scored on
 * those other pages, before (the general rules) and after.
 */
async function learnedFigures(
  name: string,
  pages: Labelled[],
  fields: Field[],
  outcomes: Map<string, Outcome>,
): Promise<void> {
  const bySite = new Map<string, Labelled[]>();
  for (const page of pages) bySite.set(page.site, [...(bySite.get(page.site) ?? []), page]);
  const sites = [...bySite.values()].filter((list) => list.length >= 2);
  if (sites.length === 0) return;
  const asField = (field: Field): LearnedField => (field === 'date' ? 'publishedAt' : (field as LearnedField));
  const read = async <T>(page: Labelled, use: (doc: Document) => T): Promise<T> => {
    const window = newWindow();
    try {
      return use(parse(window, decode(page.html()), page.url));
    } finally {
      await window.happyDOM.close();
    }
  };
  console.log(`learned per site (${sites.length} sites with several pages; right % on their other pages):`);
  for (const field of fields.filter((f) => f !== 'source')) {
    let n = 0;
    let before = 0;
    let after = 0;
    let learned = 0;
    for (const list of sites) {
      const first = list.findIndex((page) => page.expected[field]);
      if (first < 0) continue;
      const teacher = list[first] as Labelled;
      // What the editor types (co-authors with commas); found on the page by the first name.
      const names = (teacher.expected[field] as string).split('; ');
      const typed = names.join(', ');
      const firstName = names[0] as string;
      const spot = await read(teacher, (doc) => {
        const declared = declaredSpot(doc, typed, asField(field));
        if (declared) return declared;
        const el = locateValue(doc, firstName, asField(field));
        return el ? describeSpot(el, firstName, asField(field)) : undefined;
      });
      if (spot) learned++;
      for (const page of list.slice(first + 1)) {
        const expected = page.expected[field];
        if (expected === undefined) continue;
        const was = outcomes.get(`${page.id}#${field}`);
        if (!was) continue;
        n++;
        if (was === 'right') before++;
        let value = spot ? await read(page, (doc) => readSpot(doc, spot, asField(field))) : undefined;
        if (value && field === 'author') value = cleanAuthor(value);
        const now = value ? score(field, expected, value).outcome : was;
        if (now === 'right') after++;
      }
    }
    const pct = (a: number) => (n ? ((100 * a) / n).toFixed(1) : '–');
    console.log(
      `  ${field.padEnd(8)} ${String(n).padStart(4)} pages, ${learned} sites learned: before ${pct(before)} %, after ${pct(after)} %`,
    );
    if (n) {
      console.log(JSON.stringify({ metric: `learned_${field}_${name}_before`, value: Number(pct(before)), unit: '%' }));
      console.log(JSON.stringify({ metric: `learned_${field}_${name}_after`, value: Number(pct(after)), unit: '%' }));
    }
  }
}

const corpusArg = arg('corpus') ?? 'all';
const names = corpusArg === 'all' ? Object.keys(CORPORA) : [corpusArg];
for (const name of names) {
  const corpus = CORPORA[name];
  if (!corpus) {
    console.error(`eval:metadata: unknown corpus "${name}"; use all, ${Object.keys(CORPORA).join(', ')}`);
    process.exit(2);
  }
  await evaluate(name, corpus);
}
