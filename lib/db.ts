import Dexie, { type EntityTable } from 'dexie';
import { DEFAULT_SECTIONS, DEFAULT_SETTINGS } from './defaults';
import { searchableText, termsOf } from './search-terms';
import type { Clip, DigestSettings, Section, WeekNote } from './types';

/**
 * The one schema module. Every shipped version stays here exactly as it shipped; a new
 * version is a new `db.version(n)` call with its upgrade, and a test in
 * tests/integration/db-migrations.test.ts that opens a database written by version n-1.
 */

export const DB_NAME = 'digest-clipper';

/** Facts about this browser's copy of the data, never part of a backup. */
export interface LocalMeta {
  lastBackupAt?: number;
}

export type SettingRow = { key: 'digest'; value: DigestSettings } | { key: 'meta'; value: LocalMeta };

export type ClipperDb = Dexie & {
  clips: EntityTable<Clip, 'id'>;
  sections: EntityTable<Section, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  weeks: EntityTable<WeekNote, 'id'>;
};

/** Version 1's stores, kept as data so the migration tests can write a v1 database by hand. */
export const SCHEMA_V1 = {
  // [weekId+sectionId] lets the popup load one week without touching the rest;
  // canonicalUrl finds an earlier clip of the same page.
  clips: 'id, weekId, [weekId+sectionId], canonicalUrl, updatedAt',
  sections: 'id, order',
  settings: 'key',
  weeks: 'id',
} as const;

/**
 * Version 2: the trash (`deletedAt`), search keys (`*terms`) and tags (`*tags`) are indexed,
 * so the trash view, search and tag autocomplete never scan every clip.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  clips: 'id, weekId, [weekId+sectionId], canonicalUrl, updatedAt, deletedAt, *terms, *tags',
} as const;

export const CURRENT_VERSION = 2;

export function openDatabase(name: string = DB_NAME): ClipperDb {
  const db = new Dexie(name) as ClipperDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table<Clip>('clips')
        .toCollection()
        .modify((clip) => {
          clip.terms = termsOf(...searchableText(clip));
        }),
    );
  db.on('populate', async (tx) => {
    await tx.table('sections').bulkAdd(DEFAULT_SECTIONS.map((s) => ({ ...s })));
    await tx.table('settings').add({ key: 'digest', value: { ...DEFAULT_SETTINGS } });
  });
  return db;
}
