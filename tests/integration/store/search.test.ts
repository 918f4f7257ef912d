import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { joinItems, purgeItem, saveClip, splitSource, trashItem, updateItem } from '../../../lib/store/item-writes';
import { withSources } from '../../../lib/store/items';
import { searchItems } from '../../../lib/store/search';
import { itemTerms, queryTokens } from '../../../lib/store/search-terms';
import { postingRows } from '../../../lib/store/term-index';
import type { Item, Source, WeekItem } from '../../../lib/types';

const WEEK = '2026-01-26';
let db: ClipperDb;
afterEach(() => db?.close());

/** A small vocabulary, so that queries and texts meet often: English words, Chinese without spaces, numbers. */
const WORDS = ['model', 'models', 'open', 'openai', 'ai', '2026', '20', '人工智能', '智能芯片', '芯片', '数据', 'GPU'];
// Words run together too, as Chinese text does.
const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), fc.constantFrom(' ', ''))
  .map(([ws, sep]) => ws.join(sep));
const query = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      // Prefixes of words and single Chinese characters are searched by prefix.
      fc.constantFrom(...WORDS).map((w) =>
        Array.from(w)
          .slice(0, 1 + (w.length >> 1))
          .join(''),
      ),
    ),
    { minLength: 1, maxLength: 2 },
  )
  .map((ws) => ws.join(' '));

type Step =
  | { kind: 'clip'; page: number; title: string; quote: string }
  | { kind: 'edit'; at: number; summary: string; note: string }
  | { kind: 'trash' | 'purge'; at: number }
  | { kind: 'join' | 'split'; at: number; other: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('clip' as const), page: fc.nat(8), title: text, quote: text }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), summary: text, note: text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('trash' as const, 'purge' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('join' as const, 'split' as const), at: fc.nat(), other: fc.nat() }),
  },
);

/** What a search must answer, by reading every item: each query token among the item's keys, each word in its text. */
async function fullScan(q: string): Promise<string[]> {
  const tokens = queryTokens(q);
  const words = q.toLowerCase().normalize('NFKC').split(/\s+/).filter(Boolean);
  const items = (await withSources(db, await db.items.toArray())).filter((i) => i.deletedAt === undefined);
  return items
    .filter((item: WeekItem) => {
      const keys = itemTerms(item, item.sources);
      const body = [
        item.summary,
        item.note,
        item.tags.join(' '),
        ...item.sources.flatMap((s) => [s.title, s.source, ...s.quotes.map((x) => x.text)]),
      ]
        .join('\n')
        .toLowerCase()
        .normalize('NFKC');
      return (
        tokens.every((t) => keys.some((k) => (t.prefix ? k.startsWith(t.key) : k === t.key))) &&
        words.every((w) => body.includes(w))
      );
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
