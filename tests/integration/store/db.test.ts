import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openDatabase, SCHEMA_V1, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { DEFAULT_SECTIONS } from '../../../lib/store/defaults';
import { getSettings } from '../../../lib/store/settings';
import type { Clip } from '../../../lib/types';

/**
 * Migration harness: each shipped version gets a writer that builds a database exactly as
 * that version left it (raw Dexie, no app code), then the current module opens it.
 * Version 2 adds `writeV1Database` → open → check its upgrade here.
 */
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

const v1Clip: Clip = {
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
  await raw.table('sections').bulkAdd(DEFAULT_SECTIONS.map((s) => ({ ...s })));
  await raw.table('clips').add(v1Clip);
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
      const db = openDatabase(name);
      opened.push(db);
      const upgraded = await db.clips.get('clip-v1');
      expect(upgraded).toEqual({
        ...v1Clip,
        terms: expect.arrayContaining(['written', 'version', 'quote', 'reuters', 't']),
      });
      expect(await db.clips.where('terms').equals('written').primaryKeys()).toEqual(['clip-v1']);
      expect(await db.clips.where('tags').equals('t').count()).toBe(1);
      expect(await db.clips.where('deletedAt').above(0).count()).toBe(0);
      expect(await db.sections.orderBy('order').toArray()).toEqual(DEFAULT_SECTIONS);
      expect(await db.weeks.get('2026-01-26')).toEqual({ id: '2026-01-26', lede: 'lede', updatedAt: 1 });
      expect(await db.clips.where('[weekId+sectionId]').equals(['2026-01-26', 'briefs']).count()).toBe(1);
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
  });
});
