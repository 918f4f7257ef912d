import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipInputError } from '../../../lib/errors';
import { compareByOrder } from '../../../lib/order-key';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import {
  joinItems,
  moveItem,
  nudgeItem,
  purgeItem,
  restoreItem,
  saveClip,
  splitSource,
  trashItem,
  updateItem,
  updateSource,
} from '../../../lib/store/item-writes';
import { allTags, listTrash, listWeek, weeksWithCounts } from '../../../lib/store/items';
import { searchItems } from '../../../lib/store/search';
import { addSection, deleteSection } from '../../../lib/store/section-writes';
import { listSections } from '../../../lib/store/sections';
import { getSettings, updateSettings } from '../../../lib/store/settings';
import type { WeekItem } from '../../../lib/types';

let db: ClipperDb;
let n = 0;
const newId = () => `id-${++n}`;

/** Clips a page titled `title`; returns its item. */
async function clip(title: string, sectionId = 'briefs', weekId = '2026-01-26', extra: Record<string, unknown> = {}) {
  const { item } = await saveClip(
    db,
    {
      pageUrl: `https://e.com/${encodeURIComponent(title)}`,
      canonicalUrl: `https://e.com/${encodeURIComponent(title)}`,
      title,
      source: 'Src',
      sectionId,
      ...extra,
    },
    { now: 1000 + n, weekId, newId, defaultSectionId: 'briefs' },
  );
  return item as WeekItem;
}

const titleOf = (i: WeekItem) => i.sources.map((s) => s.title).join('+') || i.summary;

async function titles(weekId = '2026-01-26', sectionId = 'briefs') {
  return (await listWeek(db, weekId))
    .filter((c) => c.sectionId === sectionId)
    .sort(compareByOrder)
    .map(titleOf);
}

beforeEach(() => {
  db = openDatabase(`organize-${Math.random()}`);
});
afterEach(() => db.close());

describe('ordering and moving', () => {
  it('moves an item after another, to the start, to the end and across sections', async () => {
    const a = await clip('A');
    const b = await clip('B');
    const c = await clip('C');
    await moveItem(db, c.id, { sectionId: 'briefs', afterId: a.id }, 2000);
    expect(await titles()).toEqual(['A', 'C', 'B']);
    await moveItem(db, b.id, { sectionId: 'briefs' }, 2000);
    expect(await titles()).toEqual(['B', 'A', 'C']);
    await moveItem(db, b.id, { sectionId: 'briefs', toEnd: true }, 2000);
    expect(await titles()).toEqual(['A', 'C', 'B']);
    await moveItem(db, a.id, { sectionId: 'analysis', toEnd: true }, 2000);
    expect(await titles()).toEqual(['C', 'B']);
    expect(await titles('2026-01-26', 'analysis')).toEqual(['A']);
  });

  it('nudges up and down with Alt+arrows, stopping at the ends', async () => {
    await clip('A');
    const b = await clip('B');
    await clip('C');
    await nudgeItem(db, b.id, -1, 2000);
    expect(await titles()).toEqual(['B', 'A', 'C']);
    await nudgeItem(db, b.id, -1, 2000);
    expect(await titles()).toEqual(['B', 'A', 'C']);
    await nudgeItem(db, b.id, 1, 2000);
    await nudgeItem(db, b.id, 1, 2000);
    expect(await titles()).toEqual(['A', 'C', 'B']);
  });

  it('moves an item to another week', async () => {
    const a = await clip('A');
    await moveItem(db, a.id, { sectionId: 'briefs', toEnd: true, weekId: '2026-02-02' }, 2000);
    expect(await titles('2026-01-26')).toEqual([]);
    expect(await titles('2026-02-02')).toEqual(['A']);
  });
});

describe('stories, edits, trash', () => {
  it('joins two items into one story citing both sources, and splits a source off again', async () => {
    const a = await clip('A', 'briefs', '2026-01-26', { summary: '' });
    const b = await clip('B', 'briefs', '2026-01-26', { summary: 'the story', note: 'b note' });
    await clip('C');
    const story = await joinItems(db, a.id, b.id, 2000);
    expect(story.sources.map((s) => s.title)).toEqual(['A', 'B']);
    expect(story).toMatchObject({ summary: 'the story', note: 'b note' });
    expect(await titles()).toEqual(['A+B', 'C']);
    const split = await splitSource(db, a.id, story.sourceIds[0] as string, { now: 3000, newId });
    expect(split.sources.map((s) => s.title)).toEqual(['A']);
    expect(await titles()).toEqual(['B', 'A', 'C']);
    await expect(splitSource(db, a.id, story.sourceIds[1] as string, { now: 1, newId })).rejects.toThrow(
      'item.one-source',
    );
    await expect(joinItems(db, a.id, a.id, 1)).rejects.toThrow(ClipInputError);
  });

  it('refuses a join whose notes together pass the note limit, and changes nothing', async () => {
    const a = await clip('A', 'briefs', '2026-01-26', { summary: 'The story' });
    const b = await clip('B');
    await updateItem(db, a.id, { note: 'n'.repeat(120_000) }, 2000);
    await updateItem(db, b.id, { note: 'm'.repeat(120_000) }, 2001);
    await expect(joinItems(db, a.id, b.id, 2002)).rejects.toThrow('text.too-long');
    expect((await db.items.get(a.id))?.note.length).toBe(120_000);
    expect((await db.items.get(b.id))?.sourceIds).toHaveLength(1);
  });

  it('keeps the quotes ticked to show through a join, and a split takes its page’s ticks along', async () => {
    const a = await clip('A');
    const b = await clip('B');
    const [ka, kb] = [`${a.sourceIds[0]}/1.a`, `${b.sourceIds[0]}/1.b`];
    await updateItem(db, a.id, { shownQuotes: [ka] }, 2000);
    await updateItem(db, b.id, { shownQuotes: [kb] }, 2001);
    const story = await joinItems(db, a.id, b.id, 2002);
    expect(story.shownQuotes).toEqual([ka, kb]);
    const split = await splitSource(db, a.id, b.sourceIds[0] as string, { now: 3000, newId });
    expect(split.shownQuotes).toEqual([kb]);
    expect((await db.items.get(a.id))?.shownQuotes).toEqual([ka]);
  });

  it('updates only the fields given, so concurrent edits of other fields survive', async () => {
    const a = await clip('A');
    await Promise.all([
      updateItem(db, a.id, { summary: 'new summary' }, 2000),
      updateItem(db, a.id, { tags: ['x', 'x', ' y '] }, 2001),
    ]);
    const stored = await db.items.get(a.id);
    expect(stored).toMatchObject({ summary: 'new summary', tags: ['x', 'y'] });
    expect(await allTags(db)).toEqual(['x', 'y']);
    const sourceId = a.sourceIds[0] as string;
    await expect(updateSource(db, sourceId, { title: '  ' }, 1)).rejects.toThrow('clip.no-title');
    await expect(updateSource(db, sourceId, { canonicalUrl: 'javascript:alert(1)' }, 1)).rejects.toThrow(
      ClipInputError,
    );
  });

  it('edits quotes: reorder and delete one', async () => {
    const a = await clip('A', 'briefs', '2026-01-26', { selection: { text: 'one' } });
    const source = a.sources[0] as WeekItem['sources'][number];
    await saveClip(
      db,
      { ...source, sectionId: 'briefs', selection: { text: 'two' } },
      { now: 5, weekId: '2026-01-26', newId, defaultSectionId: 'briefs' },
    );
    const withTwo = (await db.sources.get(source.id))?.quotes ?? [];
    await updateSource(db, source.id, { quotes: [...withTwo].reverse() }, 6);
    expect((await db.sources.get(source.id))?.quotes.map((q) => q.text)).toEqual(['two', 'one']);
    await updateSource(db, source.id, { quotes: [withTwo[0] as (typeof withTwo)[number]] }, 7);
    expect((await db.sources.get(source.id))?.quotes.map((q) => q.text)).toEqual(['one']);
  });

  it('trashes, restores and purges; nothing leaves without going through the trash', async () => {
    const a = await clip('A');
    await clip('B');
    await trashItem(db, a.id, 2000);
    expect(await titles()).toEqual(['B']);
    expect((await listTrash(db)).map(titleOf)).toEqual(['A']);
    expect(await weeksWithCounts(db)).toEqual([{ weekId: '2026-01-26', count: 1 }]);
    await restoreItem(db, a.id, 3000);
    expect(await titles()).toEqual(['A', 'B']);
    await expect(purgeItem(db, a.id, 3500)).rejects.toThrow('clip.purge-not-trashed');
    await trashItem(db, a.id, 4000);
    await purgeItem(db, a.id, 5000);
    expect(await db.items.get(a.id)).toBeUndefined();
    // Its source goes with it when nothing else cites it.
    expect(await db.sources.get(a.sourceIds[0] as string)).toBeUndefined();
    expect(await db.sources.count()).toBe(1);
  });
});

describe('search across weeks', () => {
  it('finds Chinese text without spaces, English by word prefix, and filters by tag and source', async () => {
    await clip('Kimi K2.5 开源', 'briefs', '2026-01-26', { summary: '中国大模型本周更新', tags: ['模型'] });
    await clip('Microsoft capex record', 'analysis', '2025-06-02', { source: 'Reuters', tags: ['capex'] });
    await clip('Apple buys Q.ai', 'briefs', '2026-01-26', { selection: { text: 'audio AI start-up in Israel' } });
    const found = async (q: string, f = {}) => (await searchItems(db, q, f)).map(titleOf).sort();
    expect(await found('大模型')).toEqual(['Kimi K2.5 开源']);
    expect(await found('模')).toEqual(['Kimi K2.5 开源']);
    expect(await found('micro')).toEqual(['Microsoft capex record']);
    expect(await found('israel audio')).toEqual(['Apple buys Q.ai']);
    expect(await found('k2.5')).toEqual(['Kimi K2.5 开源']);
    expect(await found('capex', { source: 'Src' })).toEqual([]);
    expect(await found('', { tag: 'capex' })).toEqual(['Microsoft capex record']);
    expect(await found('nothing-like-this')).toEqual([]);
  });

  it('keeps the index current after edits and leaves trashed items out', async () => {
    const a = await clip('Plain title');
    await updateItem(db, a.id, { summary: '华为云医疗' }, 2);
    expect((await searchItems(db, '医疗')).map((c) => c.id)).toEqual([a.id]);
    await trashItem(db, a.id, 3);
    expect(await searchItems(db, '医疗')).toEqual([]);
  });
});

describe('sections and settings', () => {
  it('adds a section and deletes one, moving its items instead of losing them', async () => {
    const extra = await addSection(db, ' 工具推荐 ', 'briefs', () => 'tools', 1);
    expect(extra).toMatchObject({ id: 'tools', name: '工具推荐', order: 5 });
    await clip('T', 'tools');
    await updateSettings(db, { defaultSectionId: 'tools' }, 1);
    expect(await deleteSection(db, 'tools', 'briefs', 5_000)).toBe(1);
    expect(await titles()).toEqual(['T']);
    expect((await listSections(db)).map((s) => s.id)).toEqual(['briefs', 'analysis', 'thoughts', 'references']);
    expect((await getSettings(db)).defaultSectionId).toBe('briefs');
    await expect(addSection(db, '  ', 'briefs', newId, 1)).rejects.toThrow('section.no-name');
  });

  it('re-buckets items when the week starts on another day, and refuses a bad time zone', async () => {
    await clip('A');
    await db.weeks.put({ id: '2026-01-26', lede: 'the lede', closing: 'the end', updatedAt: 1 });
    await updateSettings(db, { weekStartsOn: 0 }, 9_000);
    expect((await db.items.toArray()).map((c) => [c.weekId, c.updatedAt])).toEqual([['2026-01-25', 9_000]]);
    // The week's texts move with its items, and say they changed.
    expect(await db.weeks.toArray()).toEqual([
      { id: '2026-01-25', lede: 'the lede', closing: 'the end', updatedAt: 9_000 },
    ]);
    await expect(updateSettings(db, { timeZone: 'Mars/Olympus' }, 1)).rejects.toThrow('settings.time-zone');
    expect((await getSettings(db)).timeZone).toBe('');
  });
});

describe('backup reminder', () => {
  it('is due a week after the last backup, or a week after the first clip without one, and never when off', async () => {
    const { backupOverdue, getLocalMeta, recordBackup } = await import('../../../lib/store/settings');
    const settings = await getSettings(db);
    const day = 86_400_000;
    expect(backupOverdue(await getLocalMeta(db), settings, undefined, 10 * day)).toBe(false);
    expect(backupOverdue(await getLocalMeta(db), settings, 9 * day, 10 * day)).toBe(false);
    expect(backupOverdue(await getLocalMeta(db), settings, 2 * day, 10 * day)).toBe(true);
    await recordBackup(db, 5 * day);
    expect(backupOverdue(await getLocalMeta(db), settings, 2 * day, 10 * day)).toBe(false);
    expect(backupOverdue(await getLocalMeta(db), settings, 2 * day, 13 * day)).toBe(true);
    expect(backupOverdue(await getLocalMeta(db), { ...settings, backupReminderDays: 0 }, 2 * day, 99 * day)).toBe(
      false,
    );
    // The local record never leaks into the settings a backup carries.
    expect(Object.keys(await getSettings(db))).not.toContain('lastBackupAt');
  });
});
