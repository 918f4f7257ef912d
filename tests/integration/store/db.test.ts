import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { DEFAULT_SECTIONS, DEFAULT_SETTINGS } from '../../../lib/store/defaults';
import { listWeek } from '../../../lib/store/items';
import { searchItems } from '../../../lib/store/search';
import { getSettings } from '../../../lib/store/settings';
import { idsWithTerm, postingRows } from '../../../lib/store/term-index';
import type { LegacyClip } from '../../../lib/types';

/**
 * Migration harness: each shipped version gets a writer that builds a database exactly as
 * that version left it (raw Dexie, no app code), then the current module opens it.
 * Version 2 adds `writeV1Database` → open → check its upgrade here.
 */
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

const v1Clip: LegacyClip = {
  id: 'clip-v1',
  pageUrl: 'https://www.reuters.com/a?utm_source=x',
  canonicalUrl: 'https://www.reuters.com/a',
  title: 'Written by version 1',
  source: 'Reuters',
  quotes: [{ text: 'A quote from v1', createdAt: 1 }],
  summary: 'summary',
  note: '',
  sectionId: 'briefs',
  tags: ['t'],
  weekId: '2026-01-26',
  order: 'i',
  createdAt: 1,
  updatedAt: 1,
};

async function writeV1Database(name: string) {
  const raw = new Dexie(name);
  raw.version(1).stores(SCHEMA_V1);
  await raw.open();
  await raw.table('sections').bulkAdd(sectionsAsShipped.map((s) => ({ ...s })));
  await raw.table('clips').add(v1Clip);
  await raw.table('weeks').add({ id: '2026-01-26', lede: 'lede', updatedAt: 1 });
  raw.close();
}

/** The module's own steps up to `version` (not beyond), to test one upgrade at a time. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((v) => v.version <= version)) {
    const declared = db.version(step.version).stores({ ...step.stores });
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  opened.push(db);
  return db;
}

const sectionsAsShipped = DEFAULT_SECTIONS.map(({ nameEn: _, ...s }) => s);
const { digestNameEn: _en, ...settingsAsShipped } = DEFAULT_SETTINGS;

/** A database as version 2 left it: a story of two clips, a trashed clip, a renamed section. */
async function writeV2Database(name: string) {
  const raw = new Dexie(name);
  raw.version(1).stores(SCHEMA_V1);
  raw.version(2).stores(SCHEMA_V2);
  await raw.open();
  await raw
    .table('sections')
    .bulkAdd(sectionsAsShipped.map((s) => (s.id === 'thoughts' ? { ...s, name: '编者按' } : { ...s })));
  await raw.table('settings').add({ key: 'digest', value: settingsAsShipped });
  const clip = (id: string, extra: Partial<LegacyClip>): LegacyClip => ({
    ...v1Clip,
    id,
    pageUrl: `https://e.example/${id}`,
    canonicalUrl: `https://e.example/${id}`,
    title: `Title ${id}`,
    terms: ['stale'],
    ...extra,
  });
  await raw
    .table('clips')
    .bulkAdd([
      clip('a', { order: 'a', storyId: 's1', summary: '', note: 'first note', tags: ['x'] }),
      clip('b', { order: 'b', storyId: 's1', summary: 'story summary', note: 'second note', tags: ['y'] }),
      clip('c', { order: 'c', sectionId: 'analysis', summary: 'deep', quotes: [{ text: '引用一段', createdAt: 2 }] }),
      clip('d', { order: 'd', deletedAt: 9, summary: 'trashed' }),
    ]);
  await raw.table('weeks').add({ id: '2026-01-26', lede: 'lede', updatedAt: 1 });
  raw.close();
}

/** One case per schema version after the first: write the previous version by hand, open, check. */
const UPGRADE_TESTS: Record<number, { what: string; run: () => Promise<void> }> = {
  2: {
    what: 'every record of a version 1 database intact, search keys added',
    run: async () => {
      const name = `migrate-v1-${Math.random()}`;
      await writeV1Database(name);
      const db = openAtVersion(name, 2);
      const clips = db.table('clips');
      const upgraded = await clips.get('clip-v1');
      expect(upgraded).toEqual({
        ...v1Clip,
        terms: expect.arrayContaining(['written', 'version', 'quote', 'reuters', 't']),
      });
      expect(await clips.where('terms').equals('written').primaryKeys()).toEqual(['clip-v1']);
      expect(await clips.where('tags').equals('t').count()).toBe(1);
      expect(await clips.where('deletedAt').above(0).count()).toBe(0);
      expect(await db.table('sections').orderBy('order').toArray()).toEqual(sectionsAsShipped);
      expect(await db.table('weeks').get('2026-01-26')).toEqual({ id: '2026-01-26', lede: 'lede', updatedAt: 1 });
      expect(await clips.where('[weekId+sectionId]').equals(['2026-01-26', 'briefs']).count()).toBe(1);
    },
  },
  3: {
    what: 'clips become sources and items; a story one item citing both; trash, search and names kept',
    run: async () => {
      const name = `migrate-v2-${Math.random()}`;
      await writeV2Database(name);
      const db = openDatabase(name);
      opened.push(db);
      expect(db.tables.map((t) => t.name).sort()).toEqual([
        'items',
        'postings',
        'sections',
        'settings',
        'sources',
        'synced',
        'tombstones',
        'weeks',
      ]);
      expect(await db.sources.count()).toBe(4);
      expect(await db.sources.get('c')).toMatchObject({
        title: 'Title c',
        canonicalUrl: 'https://e.example/c',
        quotes: [{ text: '引用一段', createdAt: 2 }],
      });
      const week = await listWeek(db, '2026-01-26');
      expect(week.map((i) => [i.id, i.sectionId, i.sourceIds, i.summary])).toEqual([
        ['a', 'briefs', ['a', 'b'], 'story summary'],
        ['c', 'analysis', ['c'], 'deep'],
      ]);
      expect(week[0]).toMatchObject({ note: 'first note\n\nsecond note', tags: ['x', 'y'] });
      expect((await db.items.get('d'))?.deletedAt).toBe(9);
      // Search keys derived again from the item and its sources; the stale ones are gone.
      expect((await searchItems(db, '引用')).map((i) => i.id)).toEqual(['c']);
      expect((await db.items.get('c'))?.terms).not.toContain('stale');
      expect((await idsWithTerm(db.postings, 'stale', false)).length).toBe(0);
      expect(await db.items.where('sourceIds').equals('b').primaryKeys()).toEqual(['a']);
      // Default sections get their English names; the renamed one keeps its name alone.
      const sections = await db.sections.orderBy('order').toArray();
      expect(sections.map((s) => [s.name, s.nameEn])).toEqual([
        ['本周要闻速览', 'This Week in Brief'],
        ['深度解析', 'Deep Dives'],
        ['编者按', undefined],
        ['参考资料与本地摘录', 'References and Excerpts'],
      ]);
      expect((await getSettings(db)).digestNameEn).toBe('AI Weekly');
      expect(await db.weeks.get('2026-01-26')).toEqual({ id: '2026-01-26', lede: 'lede', updatedAt: 1 });
    },
  },
  4: {
    what: 'a version 3 database intact, with an empty tombstones store',
    run: async () => {
      const name = `migrate-v3-${Math.random()}`;
      const v3 = openAtVersion(name, 3);
      await v3.open();
      await v3.table('sources').add({ id: 's', canonicalUrl: 'https://e.example/', title: 'T', quotes: [] });
      await v3
        .table('items')
        .add({ id: 'i', weekId: '2026-01-26', sectionId: 'briefs', sourceIds: ['s'], terms: ['t'] });
      v3.close();
      const db = openDatabase(name);
      opened.push(db);
      expect(await db.tombstones.count()).toBe(0);
      expect(await db.items.where('sourceIds').equals('s').primaryKeys()).toEqual(['i']);
      expect((await db.sources.get('s'))?.title).toBe('T');
    },
  },
  5: {
    what: 'a version 4 database searchable through the new index, with the terms index gone',
    run: async () => {
      const name = `migrate-v4-${Math.random()}`;
      const v4 = openAtVersion(name, 4);
      await v4.open();
      await v4.table('sources').add({
        id: 's',
        pageUrl: 'https://e.example/',
        canonicalUrl: 'https://e.example/',
        title: '人工智能 weekly',
        source: 'E',
        quotes: [],
        createdAt: 1,
        updatedAt: 1,
      });
      const item = { weekId: '2026-01-26', sectionId: 'briefs', order: 'i', note: '', tags: [], createdAt: 1 };
      await v4.table('items').bulkAdd([
        {
          ...item,
          id: 'i',
          summary: 'Models 2026',
          sourceIds: ['s'],
          updatedAt: 2,
          terms: ['models', '2026', '人工', '工智', '智能', 'weekly', 'e'],
        },
        { ...item, id: 'j', summary: 'Other', sourceIds: [], updatedAt: 1, terms: ['other'] },
      ]);
      v4.close();
      const db = openDatabase(name);
      opened.push(db);
      expect(db.verno).toBe(CURRENT_VERSION);
      expect(db.items.schema.indexes.map((i) => i.name)).not.toContain('terms');
      // Every key of every item is in the index, and only those (version 6 derives them again).
      const keys = (await db.items.toArray()).flatMap((i) => (i.terms ?? []).map((t) => `${t}:${i.id}`));
      expect(
        (await db.postings.toArray()).flatMap((r) => r.ids.map((id) => `${r.key.split('\u0001')[0]}:${id}`)).sort(),
      ).toEqual(keys.sort());
      expect(keys).toEqual(expect.arrayContaining(['models:i', '2026:i', '人工:i', '智能:i', 'weekly:i', 'other:j']));
      expect((await searchItems(db, '智能 model')).map((i) => i.id)).toEqual(['i']);
      expect((await searchItems(db, 'oth')).map((i) => i.id)).toEqual(['j']);
    },
  },
  6: {
    what: 'a version 5 database whose items are found by the words its keys missed (GPT in 发布GPT-5)',
    run: async () => {
      const name = `migrate-v5-${Math.random()}`;
      const v5 = openAtVersion(name, 5);
      await v5.open();
      await v5.table('sources').add({
        id: 's',
        pageUrl: 'https://e.example/',
        canonicalUrl: 'https://e.example/',
        title: 'OpenAI发布GPT-5',
        source: 'E',
        quotes: [],
        createdAt: 1,
        updatedAt: 1,
      });
      // The keys version 5 derived: the Latin run glued to the Chinese one, in pairs.
      const old = ['op', 'pe', 'en', 'na', 'ai', 'i发', '发布', '布g', 'gp', 'pt', '5', 'e'];
      await v5.table('items').add({
        id: 'i',
        weekId: '2026-01-26',
        sectionId: 'briefs',
        order: 'i',
        summary: '',
        note: '',
        tags: [],
        sourceIds: ['s'],
        createdAt: 1,
        updatedAt: 2,
        terms: old,
      });
      await v5.table('postings').bulkAdd(postingRows([{ id: 'i', terms: old }]));
      v5.close();
      const db = openDatabase(name);
      opened.push(db);
      expect(db.verno).toBe(CURRENT_VERSION);
      expect((await searchItems(db, 'gpt')).map((i) => i.id)).toEqual(['i']);
      expect((await searchItems(db, 'openai')).map((i) => i.id)).toEqual(['i']);
      // No key of the old rules is left behind.
      expect(await idsWithTerm(db.postings, 'i发', false)).toEqual([]);
      expect((await db.items.get('i'))?.terms).toContain('gpt');
      // Pages are found by the address they were clipped from too.
      expect((await db.sources.where('pageUrl').equals('https://e.example/').first())?.id).toBe('s');
    },
  },
  7: {
    what: 'a version 6 database intact, with an empty store of what a team database last agreed',
    run: async () => {
      const name = `migrate-v6-${Math.random()}`;
      const v6 = openAtVersion(name, 6);
      await v6.open();
      await v6.table('sources').add({
        id: 's',
        pageUrl: 'https://e.example/a',
        canonicalUrl: 'https://e.example/',
        title: 'T',
        source: 'E',
        quotes: [],
        createdAt: 1,
        updatedAt: 1,
      });
      v6.close();
      const db = openDatabase(name);
      opened.push(db);
      expect(db.verno).toBe(7);
      expect(await db.synced.count()).toBe(0);
      expect((await db.sources.where('pageUrl').equals('https://e.example/a').first())?.title).toBe('T');
    },
  },
};

describe('database versions', () => {
  it('lists its versions in order, ending at the current one', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('has an upgrade test for every version after the first', () => {
    // A new schema version without a case in UPGRADE_TESTS fails here.
    expect(Object.keys(UPGRADE_TESTS).map(Number)).toEqual(SCHEMA_VERSIONS.slice(1).map((v) => v.version));
  });

  it.each(Object.entries(UPGRADE_TESTS))('upgrades to version %s', async (_, { run }) => run());

  it('seeds the published digest sections and settings in a new database', async () => {
    const db = openDatabase(`fresh-${Math.random()}`);
    opened.push(db);
    expect((await db.sections.orderBy('order').toArray()).map((s) => s.name)).toEqual([
      '本周要闻速览',
      '深度解析',
      '行业思考',
      '参考资料与本地摘录',
    ]);
    expect((await getSettings(db)).category).toBe('ai-weekly-info');
    expect(await db.sources.count()).toBe(0);
  });

  it('starts an English digest in an English browser, a Chinese one in a Chinese browser', async () => {
    const english = openDatabase(`fresh-${Math.random()}`, 'en-US');
    const chinese = openDatabase(`fresh-${Math.random()}`, 'zh-TW');
    opened.push(english, chinese);
    expect((await getSettings(english)).language).toBe('en');
    expect((await getSettings(chinese)).language).toBe('zh');
  });
});
