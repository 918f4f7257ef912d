import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Clip, DigestSettings, Section, WeekNote } from '../types';
import { DEFAULT_SECTIONS, DEFAULT_SETTINGS } from './defaults';
import { clipTerms } from './search-terms';

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

/** One shipped version: its stores and the step that brings a database of the version before up to it. */
export interface SchemaVersion {
  version: number;
  stores: Readonly<Record<string, string>>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * Every version, oldest first, exactly as it shipped; `openDatabase` declares them all.
 * tests/integration/store/db.test.ts fails for a version without an upgrade test.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: SCHEMA_V1 },
  {
    version: 2,
    stores: SCHEMA_V2,
    upgrade: (tx) =>
      tx
        .table<Clip>('clips')
        .toCollection()
        .modify((clip) => {
          clip.terms = clipTerms(clip);
        }),
  },
];

export const CURRENT_VERSION = (SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1] as SchemaVersion).version;

export function openDatabase(name: string = DB_NAME): ClipperDb {
  const db = new Dexie(name) as ClipperDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores({ ...stores });
    if (upgrade) declared.upgrade(upgrade);
  }
  db.on('populate', async (tx) => {
    await tx.table('sections').bulkAdd(DEFAULT_SECTIONS.map((s) => ({ ...s })));
    await tx.table('settings').add({ key: 'digest', value: { ...DEFAULT_SETTINGS } });
  });
  return db;
}
