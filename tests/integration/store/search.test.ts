import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { joinItems, purgeItem, saveClip, splitSource, trashItem, updateItem } from '../../../lib/store/item-writes';
import { withSources } from '../../../lib/store/items';
import { searchItems } from '../../../lib/store/search';
import { itemTerms } from '../../../lib/store/search-terms';
import { postingRows } from '../../../lib/store/term-index';
import type { Item, Source, WeekItem } from '../../../lib/types';

const WEEK = '2026-01-26';
let db: ClipperDb;
afterEach(() => db?.close());

/**
 * A small vocabulary, so that queries and texts meet often: English words, Chinese without spaces,
 * numbers, Latin glued to Chinese, a word over 40 letters, a character outside the BMP.
 */
const WORDS = [
  'model',
  'models',
  'open',
  'openai',
  'ai',
  '2026',
  '20',
  '人工智能',
  '智能芯片',
  '芯片',
  '数据',
  'GPU',
  'OpenAI发布GPT-5',
  '宣布',
  'ChatGPT',
  'Pneumonoultramicroscopicsilicovolcanoconiosis-like',
  '𠀀字',
];
// Words run together too, as Chinese text does.
const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), fc.constantFrom(' ', ''))
  .map(([ws, sep]) => ws.join(sep));
const query = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      // Any piece of a word: its start, its middle, its end (a word's middle finds nothing, a Chinese one does).
      fc.tuple(fc.constantFrom(...WORDS), fc.nat(), fc.nat()).map(([w, a, b]) => {
        const chars = Array.from(w);
        const from = a % chars.length;
        return chars.slice(from, from + 1 + (b % (chars.length - from))).join('');
      }),
    ),
    { minLength: 1, maxLength: 2 },
  )
  .map((ws) => ws.join(' '));

type Step =
  | { kind: 'clip'; page: number; title: string; quote: string }
  | { kind: 'edit'; at: number; summary: string; note: string }
  /** A note of more distinct words than an item keeps keys for, the searched text at its end. */
  | { kind: 'long-note'; at: number; tail: string }
  | { kind: 'trash' | 'purge'; at: number }
  | { kind: 'join' | 'split'; at: number; other: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('clip' as const), page: fc.nat(8), title: text, quote: text }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), summary: text, note: text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-note' as const), at: fc.nat(), tail: text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('trash' as const, 'purge' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('join' as const, 'split' as const), at: fc.nat(), other: fc.nat() }),
  },
);

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** A letter or digit of a spaced script (not Chinese, Japanese or Korean). */
const SPACED = `(?:(?![${CJK}])[\\p{L}\\p{N}])`;

/**
 * What a search must answer, by reading every item's text (no index, no keys): each word of the query
 * occurs in it, at the start of a word when the query word starts with a spaced script's letter or digit.
 */
async function fullScan(q: string): Promise<string[]> {
  const words = q.toLowerCase().normalize('NFKC').split(/\s+/).filter(Boolean);
  const patterns = words.map((w) => {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(new RegExp(`^${SPACED}`, 'u').test(w) ? `(?<!${SPACED})${escaped}` : escaped, 'u');
  });
  const items = (await withSources(db, await db.items.toArray())).filter((i) => i.deletedAt === undefined);
  return items
    .filter((item: WeekItem) => {
      const body = [
        item.summary,
        item.note,
        item.tags.join(' '),
        ...item.sources.flatMap((s) => [s.title, s.source, ...s.quotes.map((x) => x.text)]),
      ]
        .join('\n')
        .toLowerCase()
        .normalize('NFKC');
      return patterns.every((p) => p.test(body));
    })
    .map((i) => i.id)
    .sort();
}

describe('searchItems', () => {
  it('answers exactly what a full scan answers, after any saves, edits, joins, splits, trashing and purges (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        async (steps, queries) => {
          db?.close();
          db = openDatabase(`search-${++run}-${Math.random()}`);
          let clock = 1_000;
          let ids = 0;
          const ctx = () => ({ now: ++clock, weekId: WEEK, newId: () => `n${++ids}`, defaultSectionId: 'briefs' });
          const live = async () => (await db.items.toArray()).filter((i) => i.deletedAt === undefined);
          for (const s of steps) {
            const items = await live();
            const pick = (n: number) => items[n % Math.max(items.length, 1)];
            // Refusals (a locked week, an item with one source) are part of the game: the index must stay right.
            await (async () => {
              if (s.kind === 'clip') {
                const url = `https://e.example/${s.page}`;
                await saveClip(
                  db,
                  {
                    pageUrl: url,
                    canonicalUrl: url,
                    title: s.title || 'untitled',
                    source: 'Pub',
                    sectionId: 'briefs',
                    selection: s.quote ? { text: s.quote } : undefined,
                  },
                  ctx(),
                );
              } else if (s.kind === 'long-note') {
                const item = pick(s.at);
                const filler = Array.from({ length: 2100 }, (_, i) => `w${i}`).join(' ');
                if (item) await updateItem(db, item.id, { note: `${filler} ${s.tail}` }, ++clock);
              } else if (s.kind === 'edit') {
                const item = pick(s.at);
                if (item) await updateItem(db, item.id, { summary: s.summary, note: s.note }, ++clock);
              } else if (s.kind === 'trash') {
                const item = pick(s.at);
                if (item) await trashItem(db, item.id, ++clock);
              } else if (s.kind === 'purge') {
                const item = pick(s.at);
                if (item) {
                  await trashItem(db, item.id, ++clock);
                  await purgeItem(db, item.id, ++clock);
                }
              } else if (s.kind === 'join') {
                const [a, b] = [pick(s.at), pick(s.other)];
                if (a && b && a.id !== b.id) await joinItems(db, a.id, b.id, ++clock);
              } else {
                const item = pick(s.at);
                const last = item?.sourceIds.at(-1);
                if (item && last && item.sourceIds.length > 1)
                  await splitSource(db, item.id, last, { now: ++clock, newId: () => `n${++ids}` });
              }
            })();
          }
          for (const q of queries) {
            const found = (await searchItems(db, q)).map((i) => i.id).sort();
            expect(found, q).toEqual(await fullScan(q));
          }
          // The index holds no key of an item that is gone, and every key of every item that is not.
          const rows = await db.postings.toArray();
          const indexed = rows.flatMap((r) => r.ids.map((id) => `${id} ${r.key.split('\u0001')[0]}`)).sort();
          const all = await withSources(db, await db.items.toArray());
          expect(indexed).toEqual(all.flatMap((i) => itemTerms(i, i.sources).map((t) => `${i.id} ${t}`)).sort());
          // A bulk load (the bench's seeding) lays the rows out as the writes do.
          const sorted = (r: { key: string; ids: string[] }[]) =>
            r.map((x) => `${x.key} ${[...x.ids].sort().join(',')}`).sort();
          expect(sorted(postingRows(await db.items.toArray()))).toEqual(sorted(rows));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('finds Latin glued to Chinese, words over 40 letters, and words past the first 2,000 of an item', async () => {
    db = openDatabase(`search-edges-${Math.random()}`);
    let ids = 0;
    const clip = (n: number, title: string) =>
      saveClip(
        db,
        {
          pageUrl: `https://e.example/${n}`,
          canonicalUrl: `https://e.example/${n}`,
          title,
          source: 'Pub',
          sectionId: 'briefs',
        },
        { now: 1_000 + n, weekId: WEEK, newId: () => `e${++ids}`, defaultSectionId: 'briefs' },
      );
    const glued = await clip(1, 'OpenAI发布GPT-5');
    const long = await clip(2, 'Pneumonoultramicroscopicsilicovolcanoconiosis explained');
    const crowded = await clip(3, 'A crowded page');
    const filler = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    await updateItem(db, crowded.item?.id as string, { note: `${filler} zeitgeist` }, 2_000);
    const found = async (q: string) => (await searchItems(db, q)).map((i) => i.id);
    expect(await found('gpt')).toEqual([glued.item?.id]);
    expect(await found('GPT-5')).toEqual([glued.item?.id]);
    expect(await found('openai 发布')).toEqual([glued.item?.id]);
    expect(await found('布')).toEqual([glued.item?.id]);
    expect(await found('chatgpt')).toEqual([]);
    expect(await found('pneumonoultramicroscopicsilicovolcanoconiosis')).toEqual([long.item?.id]);
    expect(await found('pneumonoultramicroscopicsilicovolcanoconiosis explained')).toEqual([long.item?.id]);
    expect(await found('zeitgeist')).toEqual([crowded.item?.id]);
    expect(await found('w2499')).toEqual([crowded.item?.id]);
    // Signs alone have no index key: found by reading the items (the property test's counterexample, `-`).
    expect(await found('-')).toEqual([glued.item?.id]);
    expect(await found('  ')).toEqual([]);
  }, 30_000);

  it('returns the newest fifty of many matches, read through the updatedAt index', async () => {
    db = openDatabase(`search-many-${Math.random()}`);
    let ids = 0;
    for (let i = 0; i < 420; i++) {
      const url = `https://e.example/many/${i}`;
      await saveClip(
        db,
        {
          pageUrl: url,
          canonicalUrl: url,
          title: `Model news ${i % 3 === 0 ? '芯片' : 'other'}`,
          source: 'Pub',
          sectionId: 'briefs',
        },
        { now: 10_000 + i, weekId: WEEK, newId: () => `m${++ids}`, defaultSectionId: 'briefs' },
      );
    }
    const found = await searchItems(db, 'model');
    expect(found).toHaveLength(50);
    expect(found.map((i) => i.updatedAt)).toEqual(Array.from({ length: 50 }, (_, k) => 10_419 - k));
    // Both words: only every third page, still newest first.
    const both = await searchItems(db, 'model 芯片');
    expect(both.map((i) => i.sources[0]?.title.endsWith('芯片'))).toEqual(Array(50).fill(true));
    expect(both[0]?.updatedAt).toBe(10_419 - (419 % 3));
    // A time limit of its own: 420 clips through fake-indexeddb take about 1.5 s alone and over 5 s on a busy two-core machine.
  }, 30_000);

  it('walks the newest items page by page when thousands match, and still answers newest first', async () => {
    db = openDatabase(`search-dense-${Math.random()}`);
    // Written straight into the stores (as the bench seeds), with the index rows a bulk load lays out.
    const items: Item[] = [];
    const sources: Source[] = [];
    for (let i = 0; i < 2_600; i++) {
      const id = `d${i}`;
      sources.push({
        id,
        pageUrl: `https://e.example/d/${i}`,
        canonicalUrl: `https://e.example/d/${i}`,
        title: i % 2 ? `Model news 芯片 ${i}` : `Model news ${i}`,
        source: 'Pub',
        quotes: [],
        createdAt: 1,
        updatedAt: 1,
      });
      const item: Item = {
        id,
        weekId: WEEK,
        sectionId: 'briefs',
        order: 'i',
        summary: '',
        note: '',
        tags: [],
        sourceIds: [id],
        createdAt: 1,
        // Ids and times in different orders, so the order can only come from the time.
        updatedAt: 100_000 + ((i * 7919) % 2_600),
        ...(i === 2_599 ? { deletedAt: 5 } : {}),
      };
      items.push({ ...item, terms: itemTerms(item, [sources[i] as Source]) });
    }
    await db.sources.bulkPut(sources);
    await db.items.bulkPut(items);
    await db.postings.bulkPut(postingRows(items));
    const newest = (pick: (i: Item) => boolean) =>
      items
        .filter((i) => i.deletedAt === undefined && pick(i))
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .slice(0, 50)
        .map((i) => i.id);
    // One list of thousands, two of thousands (pages of the updatedAt index), and one short list.
    expect((await searchItems(db, 'model')).map((i) => i.id)).toEqual(newest(() => true));
    expect((await searchItems(db, 'mod news')).map((i) => i.id)).toEqual(newest(() => true));
    const odd = (i: Item) => Number(i.id.slice(1)) % 2 === 1;
    expect((await searchItems(db, 'news 芯片')).map((i) => i.id)).toEqual(newest(odd));
  });
});
