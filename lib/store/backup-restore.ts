import type { Clip, WeekNote } from '../types';
import { type Backup, clipRecord } from './backup-write';
import type { ClipperDb } from './db';
import { clipTerms } from './search-terms';

export interface RestorePlan {
  added: number;
  updated: number;
  unchanged: number;
  /** Clips that differ where this browser's copy is as new or newer: it is kept. */
  conflicts: number;
  sectionsAdded: number;
  /** True when this browser has no clips yet: the backup's sections and settings are taken whole. */
  replacesSettings: boolean;
}

const comparable = (clip: Clip) => JSON.stringify(clipRecord(clip));

async function plan(db: ClipperDb, backup: Backup) {
  const localClips = await db.clips.bulkGet(backup.clips.map((c) => c.id));
  const fresh = (await db.clips.count()) === 0;
  const localSections = new Set((await db.sections.toArray()).map((s) => s.id));
  const localWeeks = new Map(
    (await db.weeks.bulkGet(backup.weeks.map((w) => w.id))).filter((w): w is WeekNote => !!w).map((w) => [w.id, w]),
  );
  const writes: Clip[] = [];
  const summary: RestorePlan = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    sectionsAdded: 0,
    replacesSettings: fresh,
  };
  backup.clips.forEach((incoming, i) => {
    const local = localClips[i];
    if (!local) {
      summary.added++;
      writes.push(incoming);
    } else if (comparable(local) === comparable(incoming)) {
      summary.unchanged++;
    } else if (incoming.updatedAt > local.updatedAt) {
      summary.updated++;
      writes.push(incoming);
    } else {
      summary.conflicts++;
    }
  });
  const sections = fresh ? backup.sections : backup.sections.filter((s) => !localSections.has(s.id));
  summary.sectionsAdded = backup.sections.filter((s) => !localSections.has(s.id)).length;
  const weeks = backup.weeks.filter((w) => {
    const local = localWeeks.get(w.id);
    return !local || (w.updatedAt > local.updatedAt && w.lede !== local.lede);
  });
  return { summary, writes, sections, weeks, fresh };
}

/** What a restore would do, without writing anything (the dry run). */
export async function planRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('r', [db.clips, db.sections, db.weeks], async () => (await plan(db, backup)).summary);
}

/**
 * Merges a backup by id, newest `updatedAt` winning, in one transaction: all of it or none.
 * Restoring the same file twice changes nothing the second time.
 */
export async function applyRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('rw', [db.clips, db.sections, db.weeks, db.settings], async () => {
    const { summary, writes, sections, weeks, fresh } = await plan(db, backup);
    if (fresh) {
      await db.sections.clear();
      await db.settings.put({ key: 'digest', value: backup.settings });
    }
    await db.sections.bulkPut(sections);
    await db.weeks.bulkPut(weeks);
    await db.clips.bulkPut(writes.map((clip) => ({ ...clip, terms: clipTerms(clip) })));
    return summary;
  });
}
