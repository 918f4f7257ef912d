import { itemTerms } from '../lib/store/search-terms';
import type { Item, Source, WeekItem } from '../lib/types';
import { addDays } from '../lib/week';

const WORDS =
  'model training inference capex cloud policy agent robotics chip memory data center open weights benchmark'.split(
    ' ',
  );
const HAN = '大模型开源推理算力芯片政策监管数据中心智能体多模态长文本应用落地商业化'.split('');

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function phrase(next: () => number, words: number): string {
  // Zipf-like: a few words are everywhere, most are rare.
  const pick = <T>(list: readonly T[]) => list[Math.floor(list.length * next() ** 3)] as T;
  return Array.from({ length: words }, () =>
    next() < 0.5 ? pick(WORDS) : `${pick(HAN)}${pick(HAN)}${pick(HAN)}`,
  ).join(' ');
}

/**
 * `count` items, each citing its own source, spread over `weeks` weeks ending with `lastWeek`
 * (the newest holds `perLastWeek`); items carry their search keys as the store writes them.
 */
export function makeRecords(
  count: number,
  lastWeek: string,
  perLastWeek: number,
  seed = 7,
): { sources: Source[]; items: Item[] } {
  const next = rng(seed);
  const weeks = Math.max(1, Math.ceil((count - perLastWeek) / 100));
  const sections = ['briefs', 'analysis', 'thoughts', 'references'];
  const sources: Source[] = [];
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const weekId = i < perLastWeek ? lastWeek : addDays(lastWeek, -7 * (1 + ((i - perLastWeek) % weeks)));
    const id = `bench-${String(i).padStart(7, '0')}`;
    const source: Source = {
      id,
      pageUrl: `https://news.example/${i}`,
      canonicalUrl: `https://news.example/${i}`,
      title: `${phrase(next, 6)} ${i}`,
      source: ['Reuters', '知乎专栏', '掘金', 'The Verge', '36氪'][i % 5] as string,
      quotes: [{ text: phrase(next, 30), createdAt: 1 }],
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    };
    const item: Item = {
      id,
      weekId,
      sectionId: sections[i % 4] as string,
      order: `i${String(i).padStart(7, '0')}`.replace(/0+$/, '') || 'i',
      summary: phrase(next, 10),
      note: '',
      tags: [WORDS[i % WORDS.length] as string],
      sourceIds: [id],
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    };
    sources.push(source);
    items.push({ ...item, terms: itemTerms(item, [source]) });
  }
  return { sources, items };
}

/** The records as the renderer's week items. */
export function weekItems({ sources, items }: { sources: Source[]; items: Item[] }): WeekItem[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return items.map((i) => ({ ...i, sources: i.sourceIds.map((id) => byId.get(id) as Source) }));
}

/** An article page of about `bytes` bytes with the metadata real news pages carry. */
export function bigArticle(bytes: number): string {
  const next = rng(3);
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chip makers race to add memory capacity | Example Wire</title>
<meta property="og:site_name" content="Example Wire"><meta property="og:title" content="Chip makers race to add memory capacity">
<meta property="article:published_time" content="2026-01-29T14:05:00-05:00"><link rel="canonical" href="/tech/chips-memory?utm_source=x">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Chip makers race to add memory capacity","author":{"name":"A. Writer"},"datePublished":"2026-01-29T14:05:00-05:00","publisher":{"name":"Example Wire"}}</script>
</head><body><nav>${'<a href="/x">Section</a>'.repeat(50)}</nav><article><h1>Chip makers race to add memory capacity</h1><p class="byline">By A. Writer</p>`;
  const parts: string[] = [head];
  let size = head.length;
  let i = 0;
  while (size < bytes) {
    const p = `<div class="para-wrap"><p id="p${i}">${phrase(next, 40)} <a href="/related/${i}">related ${i}</a> <em>${phrase(next, 5)}</em>.</p></div>\n`;
    parts.push(p);
    size += p.length;
    i++;
  }
  parts.push('</article><footer>© 2019 Example Wire</footer></body></html>');
  return parts.join('');
}
