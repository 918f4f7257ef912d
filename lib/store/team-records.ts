import type { DigestSettings, Item, Section, Source, TeamStatus, Tombstone, WeekNote } from '../types';
import { applyRestore, type RestorePlan } from './backup-restore';
import type { Backup } from './backup-write';
import { BACKUP_FORMAT, BACKUP_VERSION, settingsRecord } from './backup-write';
import type { ClipperDb, SyncedDoc } from './db';
import { SHARED_SETTINGS } from './defaults';
import { updateSettings } from './settings';
import { getSettings, getTeamStatus } from './settings-read';

export { getTeamStatus };

/**
 * The database side of team sync (lib/sync/): which records changed here since the team database last
 * had them, applying a batch of the team's records through the restore's own merge, and what this browser
 * last agreed with the server on each document. The HTTP side is lib/sync/replicate.ts.
 */

export type SharedSettings = Pick<DigestSettings, (typeof SHARED_SETTINGS)[number]> & { updatedAt: number };

/** One record as a team database holds it: its kind names the document (`item:<id>`, lib/sync/docs.ts). */
export type TeamRecord =
  | { kind: 'source'; record: Source }
  | { kind: 'item'; record: Item }
  | { kind: 'week'; record: WeekNote }
  | { kind: 'section'; record: Section }
  | { kind: 'tombstone'; record: Tombstone }
  | { kind: 'settings'; record: SharedSettings };

type RecordByKind = { [R in TeamRecord as R['kind']]: R['record'] };

/** The shared part of the settings, stamped with when it last changed here. */
export function sharedSettings(settings: DigestSettings): SharedSettings {
  const all = settingsRecord(settings) as unknown as Record<string, unknown>;
  const out = Object.fromEntries(SHARED_SETTINGS.map((key) => [key, all[key]])) as SharedSettings;
  out.updatedAt = settings.sharedAt ?? 0;
  return out;
}

/**
 * Records that may have changed since `since` (this browser's clock when it last looked; 0 for all):
 * items and sources by their change time (an index read), and the small stores whole (weeks, sections,
 * tombstones, the settings). The caller compares each with what the server last had.
 */
export async function recordsChangedSince(db: ClipperDb, since: number): Promise<TeamRecord[]> {
  return db.transaction('r', [db.sources, db.items, db.weeks, db.sections, db.tombstones, db.settings], async () => {
    const [sources, items, weeks, sections, tombstones, settings] = await Promise.all([
      db.sources.where('updatedAt').aboveOrEqual(since).toArray(),
      db.items.where('updatedAt').aboveOrEqual(since).toArray(),
      db.weeks.toArray(),
      db.sections.toArray(),
      db.tombstones.toArray(),
      getSettings(db),
    ]);
    // Sources first: an item that arrives on another browser finds the pages it cites.
    return [
      { kind: 'settings', record: sharedSettings(settings) },
      ...sections.map((record) => ({ kind: 'section', record }) as const),
      ...sources.map((record) => ({ kind: 'source', record }) as const),
      ...items.map((record) => ({ kind: 'item', record }) as const),
      ...weeks.map((record) => ({ kind: 'week', record }) as const),
      ...tombstones.map((record) => ({ kind: 'tombstone', record }) as const),
    ];
  });
}

export async function syncedDocs(db: ClipperDb, ids: readonly string[]): Promise<Map<string, SyncedDoc>> {
  const rows = await db.synced.bulkGet([...ids]);
  return new Map(rows.filter((r): r is SyncedDoc => r !== undefined).map((r) => [r.id, r]));
}

export async function markSynced(db: ClipperDb, rows: readonly SyncedDoc[]): Promise<void> {
  if (rows.length > 0) await db.synced.bulkPut([...rows]);
}

/** Forgets what a team database had (disconnecting, or joining another team): the next sync compares everything. */
export async function forgetSynced(db: ClipperDb): Promise<void> {
  await db.synced.clear();
}

/** Changes the team status in one step (the background's sync and the options page both write it). */
export async function updateTeamStatus(db: ClipperDb, change: (status: TeamStatus) => TeamStatus): Promise<TeamStatus> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await getTeamStatus(db));
    await db.settings.put({ key: 'team', value: next });
    return next;
  });
}

export interface BatchResult {
  plan: RestorePlan;
  /** The team's settings were taken (newer there, or this browser had nothing of its own yet). */
  settingsTaken: boolean;
}

/**
 * Applies a batch of the team's records, in one transaction with what this browser then agrees with the
 * server (`agreed`): records merge field by field exactly as a restored file's do (lib/store/backup-restore.ts);
 * the settings are taken when changed there later, or whole when this browser has nothing yet.
 */
export async function applyTeamBatch(
  db: ClipperDb,
  records: readonly TeamRecord[],
  agreed: readonly SyncedDoc[],
  now: number,
): Promise<BatchResult> {
  const stores = [db.sources, db.items, db.postings, db.sections, db.weeks, db.settings, db.tombstones, db.synced];
  return db.transaction('rw', stores, async () => {
    const local = await getSettings(db);
    const of = <K extends keyof RecordByKind>(kind: K) =>
      records.filter((r) => r.kind === kind).map((r) => r.record) as RecordByKind[K][];
    const theirs = of('settings')[0];
    let settingsTaken = false;
    if (theirs) {
      const empty = (await db.items.count()) === 0 && (await db.sources.count()) === 0;
      const mine = sharedSettings(local);
      // The later change wins; at the same time the greater content, so every copy settles on one.
      const later =
        theirs.updatedAt > mine.updatedAt ||
        (theirs.updatedAt === mine.updatedAt && JSON.stringify(theirs) > JSON.stringify(mine));
      if (later || empty) {
        const { updatedAt, ...values } = theirs;
        await updateSettings(db, { ...values, sharedAt: updatedAt }, now);
        settingsTaken = true;
      }
    }
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      settings: await getSettings(db),
      sections: of('section'),
      weeks: of('week'),
      sources: of('source'),
      items: of('item'),
      tombstones: of('tombstone'),
    };
    const plan = await applyRestore(db, backup, now, {}, { batch: true });
    await markSynced(db, agreed);
    return { plan, settingsTaken };
  });
}
