import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PageCheckReport } from '../digest/page-checks';
import type { DigestSettings, Item, Section, Source, TeamStatus, Tombstone, WeekNote } from '../types';
import { DEFAULT_SECTIONS, firstRunSettings } from './defaults';
import type { TermRow } from './term-index';

/**
 * The one schema module. Every shipped version stays here exactly as it shipped; a new
 * version is a new `db.version(n)` call with its upgrade, and a test in
 * tests/integration/db-migrations.test.ts that opens a database written by version n-1.
 */

export const DB_NAME = 'digest-clipper';

/** Facts about this browser's copy of the data, never part of a backup. */
export interface LocalMeta {
  lastBackupAt?: number;
  /** This database's name in change stamps (lib/store/field-clocks.ts); a restore never copies it. */
  replica?: string;
}

/**
 * `checks:<weekId>`: the week's last link and quote check (lib/digest/page-checks.ts). A snapshot
 * of the web at one moment, so kept in this browser only, like `meta`.
 */
export type SettingRow =
  | { key: 'digest'; value: DigestSettings }
  | { key: 'meta'; value: LocalMeta }
  | { key: `checks:${string}`; value: PageCheckReport }
  | { key: 'team'; value: TeamStatus };

/**
 * What this browser last agreed with the team database on one document (lib/sync/): the server's
 * revision and a hash of the content, so a push sends only what changed here since.
 */
export interface SyncedDoc {
  id: string;
  rev: string;
  hash: string;
}

export type ClipperDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  items: EntityTable<Item, 'id'>;
  tombstones: EntityTable<Tombstone, 'id'>;
  sections: EntityTable<Section, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  weeks: EntityTable<WeekNote, 'id'>;
  /** The search index (lib/store/term-index.ts): term and shard → item ids. */
  postings: EntityTable<TermRow, 'key'>;
  synced: EntityTable<SyncedDoc, 'id'>;
  /** Set when the database opens (from `meta`, made on first open). */
  replica: string;
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

/**
 * Version 3: sources and items (docs/architecture.md, "Data model"). A page is a source, found
 * by its canonical URL; an item is the editor's entry in a section of a week, citing sources by
 * id (`*sourceIds`: which items cite a source, for earlier uses and purges). Clips are gone.
 */
export const SCHEMA_V3 = {
  clips: null,
  sections: 'id, order',
  settings: 'key',
  weeks: 'id',
  sources: 'id, canonicalUrl, updatedAt',
  items: 'id, weekId, [weekId+sectionId], updatedAt, deletedAt, *terms, *tags, *sourceIds',
} as const;

/** Version 4: tombstones of records deleted for good, so a merge never brings them back. */
export const SCHEMA_V4 = {
  sections: 'id, order',
  settings: 'key',
  weeks: 'id',
  sources: 'id, canonicalUrl, updatedAt',
  items: 'id, weekId, [weekId+sectionId], updatedAt, deletedAt, *terms, *tags, *sourceIds',
  tombstones: 'id',
} as const;

/**
 * Version 5: search keys move from a multi-entry index on every item (about 45 index entries a
 * record) to their own store, one row per key and shard listing item ids (lib/store/term-index.ts).
 * Items keep their keys in `terms`, no longer indexed, so a write knows which rows to change.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  items: 'id, weekId, [weekId+sectionId], updatedAt, deletedAt, *tags, *sourceIds',
  postings: 'key',
} as const;

/**
 * Version 6: every item's search keys derived again, as words glued to Chinese, words over 40 letters
 * and the last character of a Chinese run are now keys (lib/store/search-terms.ts); sources are found by
 * the address they were clipped from too, so a page whose link was corrected is the same page when
 * clipped again.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  sources: 'id, canonicalUrl, updatedAt, pageUrl',
} as const;

/** Version 7: what this browser last agreed with a team database, document by document (lib/sync/). */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  synced: 'id',
} as const;

/**
 * What the upgrade steps do lives in lib/store/upgrades.ts, loaded only when a database older
 * than this module is opened (almost never), so the popup's start-up does not carry it. The
 * upgrade transaction is kept open while it loads (Dexie.waitFor).
 */
export type UpgradeSteps = Record<'toV2' | 'toV3' | 'toV5' | 'toV6', (tx: Transaction) => Promise<unknown>>;
let loadSteps: () => Promise<UpgradeSteps> = () => import('./upgrades');

/** The background is a service worker, which may not load code lazily: it hands the steps over, imported statically. */
export function provideUpgradeSteps(steps: UpgradeSteps): void {
  loadSteps = () => Promise.resolve(steps);
}

const step =
  (name: keyof UpgradeSteps) =>
  (tx: Transaction): Promise<unknown> =>
    Dexie.waitFor(loadSteps()).then((steps) => steps[name](tx));

/** One shipped version: its stores and the step that brings a database of the version before up to it. */
export interface SchemaVersion {
  version: number;
  /** `null` deletes a store (its rows are still readable in that version's upgrade). */
  stores: Readonly<Record<string, string | null>>;
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
    upgrade: step('toV2'),
  },
  { version: 3, stores: SCHEMA_V3, upgrade: step('toV3') },
  // A new, empty store: nothing to move.
  { version: 4, stores: SCHEMA_V4 },
  { version: 5, stores: SCHEMA_V5, upgrade: step('toV5') },
  { version: 6, stores: SCHEMA_V6, upgrade: step('toV6') },
  // A new, empty store: nothing to move.
  { version: 7, stores: SCHEMA_V7 },
];

export const CURRENT_VERSION = (SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1] as SchemaVersion).version;

/** `browserLanguage` (e.g. `en-US`) sets a new database's digest language; none means Chinese. */
export function openDatabase(name: string = DB_NAME, browserLanguage?: string): ClipperDb {
  const db = new Dexie(name) as ClipperDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores({ ...stores });
    if (upgrade) declared.upgrade(upgrade);
  }
  db.on('populate', async (tx) => {
    await tx.table('sections').bulkAdd(DEFAULT_SECTIONS.map((s) => ({ ...s })));
    await tx.table('settings').add({ key: 'digest', value: firstRunSettings(browserLanguage) });
  });
  // Every write stamps its changes with this database's replica id (eight random hex digits, made
  // on first open), so it is read before any.
  db.on('ready', async () => {
    const row = await db.settings.get('meta');
    const meta = { ...(row?.value as LocalMeta) };
    if (!meta.replica) {
      meta.replica = crypto.randomUUID().slice(0, 8);
      await db.settings.put({ key: 'meta', value: meta });
    }
    db.replica = meta.replica;
  });
  return db;
}
