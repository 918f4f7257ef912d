import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { type Backup, createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import {
  joinItems,
  moveItem,
  purgeItem,
  restoreItem,
  saveClip,
  settleItemConflict,
  settleSourceConflict,
  splitSource,
  trashItem,
  updateItem,
  updateSource,
} from '../../../lib/store/item-writes';
import { deleteSection } from '../../../lib/store/section-writes';
import { rebucketWeeks, updateSettings } from '../../../lib/store/settings';
import { settleWeekConflict, setWeekText } from '../../../lib/store/weeks';
import { rebucketWeekId } from '../../../lib/week';

/**
 * The merge as a team will run it: two or three copies of the week, each editing on its own with a
 * clock of its own (minutes to days off), exchanging backups in random directions. Whatever they did,
 * after the last exchanges the copies agree on every record and every open conflict, no cited page is
 * missing, an editor's last word on a field is kept or shown as a conflict, and exchanging again
 * changes nothing. A short run in CI (MODEL_RUNS, default 30); `npm run test:long` runs 10,000.
 */

const RUNS = Number(process.env.MODEL_RUNS ?? 30);
const WEEK = '2026-01-26';
const T0 = Date.parse('2026-01-28T10:00:00Z');
const WORDS = ['alpha', 'beta', 'gamma', '数据', 'delta'];
const PAGES = 4;

type Op =
  | { kind: 'clip'; at: number; page: number; section: number; quote: string }
  | { kind: 'edit'; at: number; pick: number; field: 'summary' | 'note' | 'tags'; text: string }
  | { kind: 'source'; at: number; pick: number; field: 'title' | 'author'; text: string }
  | { kind: 'link'; at: number; pick: number; page: number }
  | { kind: 'join' | 'split'; at: number; pick: number; other: number }
  | { kind: 'move'; at: number; pick: number; section: number }
  | { kind: 'trash' | 'restore' | 'purge'; at: number; pick: number }
  | { kind: 'lede'; at: number; text: string }
  | { kind: 'deleteSection'; at: number }
  | { kind: 'settle'; at: number; pick: number; theirs: boolean }
  | { kind: 'weekStart'; at: number; day: number }
  | { kind: 'exchange'; at: number; from: number; tick: number };

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }).map((w) => w.join(' '));
const at = fc.nat(2);
const pick = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('clip' as const),
      at,
      page: fc.nat(PAGES - 1),
      section: fc.nat(2),
      quote: fc.oneof(fc.constant(''), text),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      at,
      pick,
      field: fc.constantFrom('summary' as const, 'note' as const, 'tags' as const),
      text,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('source' as const),
      at,
      pick,
      field: fc.constantFrom('title' as const, 'author' as const),
      text,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), at, pick, page: fc.nat(PAGES + 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('join' as const, 'split' as const), at, pick, other: pick }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), at, pick, section: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const), at, pick }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lede' as const), at, text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteSection' as const), at }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const), at, pick, theirs: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weekStart' as const), at, day: fc.constantFrom(0, 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('exchange' as const), at, from: fc.nat(2), tick: fc.nat(3) }) },
);

const SECTIONS = ['briefs', 'analysis', 'thoughts'];
const url = (page: number) => `https://news.example/p/${page}`;

let opened: ClipperDb[] = [];
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

async function backupOf(db: ClipperDb): Promise<Backup> {
  const parsed = parseBackup(await createBackup(db));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.backup;
}

/** A copy's records as the editor sees them: pages by address (each copy names its own), no clocks or keys. */
async function view(db: ClipperDb) {
  const sources = await db.sources.toArray();
  const page = new Map(sources.map((s) => [s.id, s.pageUrl]));
  const plain = (record: object, drop: string[]) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([k]) => !drop.includes(k))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const drop = ['clocks', 'terms', 'updatedAt', 'createdAt', 'id', 'origins'];
  // The first day of the week is each editor's own (a copy files entries under its own weeks): weeks are
  // compared by the days they cover, as Monday weeks.
  const week = (id: string) => rebucketWeekId(id, 1);
  const items = (await db.items.toArray())
    .map((i) => ({
      id: i.id,
      ...plain(
        { ...i, weekId: week(i.weekId), sourceIds: i.sourceIds.map((id) => page.get(id) ?? `missing:${id}`) },
        drop,
      ),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    items,
    sources: sources
      .map((s) => plain(s, drop))
      .sort((a, b) => (`${a.pageUrl} ${a.canonicalUrl}` < `${b.pageUrl} ${b.canonicalUrl}` ? -1 : 1)),
    weeks: rebucketWeeks(await db.weeks.toArray(), 1).map((w) => ({ id: w.id, ...plain(w, [...drop, 'checks']) })),
    sections: (await db.sections.toArray()).map((s) => plain(s, ['clocks', 'updatedAt'])),
  };
}

/** A replica's own clock: the shared time plus its offset, never going back. */
function clockOf(offset: number) {
  let last = 0;
  return (time: number) => {
    last = Math.max(last + 1, time + offset);
    return last;
  };
}

interface Write {
  /** The record and field (items by id, pages by address, the week's lede). */
  key: string;
  value: string;
  replica: number;
  /** What the replica had seen of each replica's ops when it wrote (a version vector). */
  seen: number[];
}

describe('two or three copies editing and exchanging (model-based)', () => {
  it(
    'agree on every record and conflict, lose no cited page or last edit, and a second exchange changes nothing',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 3 }),
          fc.array(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), { minLength: 3, maxLength: 3 }),
          fc.array(op, { minLength: 5, maxLength: 40 }),
          async (count, offsets, ops) => {
            run++;
            for (const db of opened) db.close();
            opened = Array.from({ length: count }, (_, i) => openDatabase(`model-${run}-${i}-${Math.random()}`));
            const copies = opened;
            const clocks = copies.map((_, i) => clockOf(i === 0 ? 0 : (offsets[i] as number)));
            let time = T0;
            let ids = 0;
            const newId = (r: number) => () => `r${r}-${++ids}`;
            // Version vectors: what each copy has seen of each copy's writes.
            const seen = copies.map(() => copies.map(() => 0));
            const writes: Write[] = [];
            // Deleted for good somewhere: that is the editor's last word on every field of it (it may come back
            // with a change made elsewhere meanwhile, as it should, but not with the fields edited before).
            const purged = new Set<string>();
            const wrote = (r: number, key: string, value: string, before?: string) => {
              // Writing the value a field already has changes nothing (no clock moves): not a word to keep.
              if (value === before) return;
              (seen[r] as number[])[r] = ((seen[r] as number[])[r] as number) + 1;
              writes.push({ key, value, replica: r, seen: [...(seen[r] as number[])] });
            };
            const exchange = async (to: number, from: number) => {
              time += 1000;
              const now = clocks[to]?.(time) as number;
              await applyRestore(copies[to] as ClipperDb, await backupOf(copies[from] as ClipperDb), now);
              seen[to] = (seen[to] as number[]).map((n, i) => Math.max(n, (seen[from] as number[])[i] as number));
            };

            for (const o of ops) {
              const r = o.at % count;
              const db = copies[r] as ClipperDb;
              time += 60_000;
              const now = clocks[r]?.(time) as number;
              const items = await db.items.toArray();
              const live = items.filter((i) => i.deletedAt === undefined);
              const trashed = items.filter((i) => i.deletedAt !== undefined);
              const one = <T>(list: T[], n: number) => list[n % Math.max(list.length, 1)];
              try {
                switch (o.kind) {
                  case 'clip':
                    await saveClip(
                      db,
                      {
                        pageUrl: url(o.page),
                        canonicalUrl: url(o.page),
                        title: `Page ${o.page}`,
                        source: 'Wire',
                        sectionId: SECTIONS[o.section],
                        selection: o.quote ? { text: o.quote } : undefined,
                      },
                      { now, weekId: WEEK, newId: newId(r), defaultSectionId: 'briefs' },
                    );
                    break;
                  case 'edit': {
                    const item = one(live, o.pick);
                    if (!item) break;
                    const value = o.field === 'tags' ? o.text.split(' ') : o.text;
                    // What the record holds (tags are kept once each, text cleaned), not what was typed.
                    const saved = await updateItem(db, item.id, { [o.field]: value }, now);
                    wrote(
                      r,
                      `item:${item.id}:${o.field}`,
                      JSON.stringify(saved[o.field]),
                      JSON.stringify(item[o.field]),
                    );
                    break;
                  }
                  case 'source': {
                    const source = one(await db.sources.toArray(), o.pick);
                    if (!source) break;
                    const saved = await updateSource(db, source.id, { [o.field]: o.text }, now);
                    wrote(
                      r,
                      `source:${source.pageUrl}:${o.field}`,
                      JSON.stringify(saved[o.field] ?? ''),
                      JSON.stringify(source[o.field] ?? ''),
                    );
                    break;
                  }
                  case 'link': {
                    // A correction to an address of its own. Two copies correcting two pages to one address
                    // (or one page to another's) is not covered yet: each copy then holds both pages.
                    const source = one(await db.sources.toArray(), o.pick);
                    if (source)
                      await updateSource(db, source.id, { canonicalUrl: `${source.pageUrl}?v=${r}-${++ids}` }, now);
                    break;
                  }
                  case 'join': {
                    const [a, b] = [one(live, o.pick), one(live, o.other)];
                    if (a && b && a.id !== b.id) await joinItems(db, a.id, b.id, now);
                    break;
                  }
                  case 'split': {
                    const item = one(
                      live.filter((i) => i.sourceIds.length > 1),
                      o.pick,
                    );
                    if (item) await splitSource(db, item.id, item.sourceIds.at(-1) as string, { now, newId: newId(r) });
                    break;
                  }
                  case 'move': {
                    const item = one(live, o.pick);
                    if (item)
                      await moveItem(db, item.id, { sectionId: SECTIONS[o.section] as string, toEnd: true }, now);
                    break;
                  }
                  case 'trash': {
                    const item = one(live, o.pick);
                    if (item) await trashItem(db, item.id, now);
                    break;
                  }
                  case 'restore': {
                    const item = one(trashed, o.pick);
                    if (item) await restoreItem(db, item.id, now);
                    break;
                  }
                  case 'purge': {
                    const item = one(trashed, o.pick);
                    if (item) {
                      await purgeItem(db, item.id, now);
                      purged.add(item.id);
                    }
                    break;
                  }
                  case 'lede':
                    {
                      const before = JSON.stringify((await db.weeks.get(WEEK))?.lede ?? '');
                      await setWeekText(db, WEEK, { lede: o.text }, now);
                      wrote(r, 'week:lede', JSON.stringify((await db.weeks.get(WEEK))?.lede ?? ''), before);
                    }
                    break;
                  case 'deleteSection':
                    await deleteSection(db, 'thoughts', 'briefs', now);
                    break;
                  case 'settle': {
                    const choice = o.theirs ? 'theirs' : 'mine';
                    const item = one(
                      items.filter((i) => i.conflicts?.length),
                      o.pick,
                    );
                    const source = one(
                      (await db.sources.toArray()).filter((s) => s.conflicts?.length),
                      o.pick,
                    );
                    const week = (await db.weeks.toArray()).find((w) => w.conflicts?.length);
                    // A settle is the editor's word on the field, having seen both values.
                    const held = (record: unknown, field: string) =>
                      JSON.stringify((record as Record<string, unknown>)[field] ?? '');
                    if (item?.conflicts?.[0]) {
                      const { field } = item.conflicts[0];
                      const saved = await settleItemConflict(db, item.id, item.conflicts[0], choice, now);
                      wrote(r, `item:${item.id}:${field}`, held(saved, field));
                    } else if (source?.conflicts?.[0]) {
                      const { field } = source.conflicts[0];
                      const saved = await settleSourceConflict(db, source.id, source.conflicts[0], choice, now);
                      wrote(r, `source:${source.pageUrl}:${field}`, held(saved, field));
                    } else if (week?.conflicts?.[0]) {
                      const { field } = week.conflicts[0];
                      await settleWeekConflict(db, week.id, week.conflicts[0], choice, now);
                      if (field === 'lede' && week.id === WEEK)
                        wrote(r, 'week:lede', held(await db.weeks.get(WEEK), 'lede'));
                    }
                    break;
                  }
                  case 'weekStart':
                    // The team's first day of the week, changed by agreement in every copy (each files its
                    // own notes again). One copy alone on another first day joins week notes that the
                    // others keep apart: that is an editor's private view, not a shared week.
                    for (const [i, copy] of copies.entries()) {
                      time += 1000;
                      await updateSettings(copy, { weekStartsOn: o.day }, clocks[i]?.(time) as number);
                    }
                    break;
                  case 'exchange':
                    await exchange(r, (r + 1 + (o.from % (count - 1))) % count);
                    break;
                }
              } catch (error) {
                // Refusals are part of the game (a published week, a duplicate link, one source left);
                // anything else is a bug.
                if (!(error as { code?: string }).code) throw error;
              }
            }

            // Everyone hears from everyone: rounds around the ring until a full round changes nothing.
            const views = async () => Promise.all(copies.map(view));
            for (let round = 0; round < 4; round++)
              for (let i = 0; i < count * 2; i++) await exchange(i % count, (i + 1) % count);

            const [first, ...rest] = await views();
            for (const other of rest) expect(other).toEqual(first);
            // A second exchange changes nothing.
            for (let i = 0; i < count; i++) await exchange(i, (i + 1) % count);
            expect((await views())[0]).toEqual(first);

            const final = first as Awaited<ReturnType<typeof view>>;
            // No cited page is missing, on any copy.
            for (const item of final.items as { id: string; sourceIds?: string[] }[])
              for (const source of item.sourceIds ?? []) expect(source, `item ${item.id}`).not.toMatch(/^missing:/);

            // An editor's last word on a field (one no later write on any copy had seen) is the field's value or
            // an open conflict's, as long as the record is still there.
            const shown = (key: string): string[] | undefined => {
              const [kind, id, field] = key.split(':') as [string, string, string];
              if (kind === 'week') {
                const week = final.weeks.find((w) => w.id === WEEK) as Record<string, unknown> | undefined;
                if (!week) return undefined;
                return [
                  JSON.stringify(week.lede ?? ''),
                  ...((week.conflicts as { field: string; value: unknown }[] | undefined) ?? [])
                    .filter((c) => c.field === 'lede')
                    .map((c) => JSON.stringify(c.value)),
                ];
              }
              const record = (
                kind === 'item' ? final.items.find((i) => i.id === id) : final.sources.find((s) => s.pageUrl === id)
              ) as Record<string, unknown> | undefined;
              if (!record) return undefined;
              return [
                JSON.stringify(record[field] ?? ''),
                ...((record.conflicts as { field: string; value: unknown }[] | undefined) ?? [])
                  .filter((c) => c.field === field)
                  .map((c) => JSON.stringify(c.value)),
              ];
            };
            // Joining and splitting write these fields too (a joined note, tags), unseen by this bookkeeping:
            // runs with them check the week's lede only. A change of the first day of the week files notes
            // again (moved, not edited): runs with it check entries and pages only.
            const rewritten = ops.some((o) => o.kind === 'join' || o.kind === 'split');
            const refiled = ops.some((o) => o.kind === 'weekStart');
            for (const w of writes) {
              if (rewritten && !w.key.startsWith('week:')) continue;
              if (refiled && w.key.startsWith('week:')) continue;
              if (w.key.startsWith('item:') && purged.has(w.key.split(':')[1] as string)) continue;
              const later = writes.some(
                (x) => x !== w && x.key === w.key && (x.seen[w.replica] as number) >= (w.seen[w.replica] as number),
              );
              if (later) continue;
              const values = shown(w.key);
              if (values) expect(values, `${w.key} by copy ${w.replica}`).toContain(w.value);
            }
          },
        ),
        {
          numRuns: RUNS,
          endOnFailure: true,
          // A failure prints its seed and path: MODEL_SEED=… MODEL_PATH=… replays exactly that run.
          ...(process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED), path: process.env.MODEL_PATH } : {}),
        },
      );
    },
    // About 0.1–0.3 s a run here; a busy two-core machine may take three times as long.
    Math.max(60_000, RUNS * 1_000),
  );
});
