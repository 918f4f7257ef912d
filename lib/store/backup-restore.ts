import type { Item, Source, WeekNote } from '../types';
import { rebucketWeekId } from '../week';
import { type Backup, itemRecord, sourceRecord } from './backup-write';
import type { ClipperDb } from './db';
import { itemTerms } from './search-terms';
import { getSettings, rebucketWeeks } from './settings';

/** What a restore does, counted over items and sources together. */
export interface RestorePlan {
  added: number;
  updated: number;
  unchanged: number;
  /** Records that differ where this browser's copy is as new or newer: it is kept. */
  conflicts: number;
  sectionsAdded: number;
  /** True when this browser has no items yet: the backup's sections and settings are taken whole. */
  replacesSettings: boolean;
}

interface Versioned {
  id: string;
  updatedAt: number;
}

function merge<T extends Versioned>(
  incoming: readonly T[],
  local: readonly (T | undefined)[],
  same: (a: T, b: T) => boolean,
  summary: RestorePlan,
): T[] {
  const writes: T[] = [];
  incoming.forEach((record, i) => {
    const mine = local[i];
    if (!mine) {
      summary.added++;
      writes.push(record);
    } else if (same(mine, record)) {
      summary.unchanged++;
    } else if (record.updatedAt > mine.updatedAt) {
      summary.updated++;
      writes.push(record);
    } else {
      summary.conflicts++;
    }
  });
  return writes;
}

const sameSource = (a: Source, b: Source) => JSON.stringify(sourceRecord(a)) === JSON.stringify(sourceRecord(b));
const sameItem = (a: Item, b: Item) => JSON.stringify(itemRecord(a)) === JSON.stringify(itemRecord(b));

/**
 * The backup's items and week notes under this browser's weeks: a backup made with another first
 * day of the week files them under week ids navigation here would never show. Their clocks are
 * kept: moving is not an edit.
 */
function inLocalWeeks(backup: Backup, weekStartsOn: number): Backup {
  if (backup.settings.weekStartsOn === weekStartsOn) return backup;
  return {
    ...backup,
    items: backup.items.map((item) => ({ ...item, weekId: rebucketWeekId(item.weekId, weekStartsOn) })),
    weeks: rebucketWeeks(backup.weeks, weekStartsOn, 0).map((week) => ({
      ...week,
      updatedAt: Math.max(
        week.updatedAt,
        ...backup.weeks.filter((w) => rebucketWeekId(w.id, weekStartsOn) === week.id).map((w) => w.updatedAt),
      ),
    })),
  };
}

async function plan(db: ClipperDb, original: Backup) {
  const fresh = (await db.items.count()) === 0 && (await db.sources.count()) === 0;
  // A fresh browser takes the backup's settings whole; otherwise its records join this browser's weeks.
  const backup = fresh ? original : inLocalWeeks(original, (await getSettings(db)).weekStartsOn);
  const [localSources, localItems] = await Promise.all([
    db.sources.bulkGet(backup.sources.map((s) => s.id)),
    db.items.bulkGet(backup.items.map((i) => i.id)),
  ]);
  const localSections = new Set((await db.sections.toArray()).map((s) => s.id));
  const localWeeks = new Map(
    (await db.weeks.bulkGet(backup.weeks.map((w) => w.id))).filter((w): w is WeekNote => !!w).map((w) => [w.id, w]),
  );
  const summary: RestorePlan = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    sectionsAdded: 0,
    replacesSettings: fresh,
  };
  const sourceWrites = merge(backup.sources, localSources, sameSource, summary);
  const itemWrites = merge(backup.items, localItems, sameItem, summary);
  const sections = fresh ? backup.sections : backup.sections.filter((s) => !localSections.has(s.id));
  summary.sectionsAdded = backup.sections.filter((s) => !localSections.has(s.id)).length;
  const weeks = backup.weeks.filter((w) => {
    const local = localWeeks.get(w.id);
    return !local || (w.updatedAt > local.updatedAt && (w.lede !== local.lede || w.closing !== local.closing));
  });
  return { summary, sourceWrites, itemWrites, sections, weeks, fresh };
}

/** What a restore would do, without writing anything (the dry run). */
export async function planRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction(
    'r',
    [db.sources, db.items, db.sections, db.weeks, db.settings],
    async () => (await plan(db, backup)).summary,
  );
}

/**
 * Merges a backup by id, newest `updatedAt` winning, in one transaction: all of it or none.
 * Restoring the same file twice changes nothing the second time.
 */
export async function applyRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('rw', [db.sources, db.items, db.sections, db.weeks, db.settings], async () => {
    const { summary, sourceWrites, itemWrites, sections, weeks, fresh } = await plan(db, backup);
    if (fresh) {
      await db.sections.clear();
      await db.settings.put({ key: 'digest', value: backup.settings });
    }
    await db.sections.bulkPut(sections);
    await db.weeks.bulkPut(weeks);
    await db.sources.bulkPut(sourceWrites);
    // Search keys come from the item and the sources it cites, as they are after the merge.
    const changedSources = new Set(sourceWrites.map((s) => s.id));
    const citing =
      changedSources.size > 0
        ? await db.items
            .where('sourceIds')
            .anyOf([...changedSources])
            .distinct()
            .toArray()
        : [];
    const toIndex = new Map<string, Item>(citing.map((i) => [i.id, i]));
    for (const item of itemWrites) toIndex.set(item.id, item);
    const items = [...toIndex.values()];
    const sourceIds = [...new Set(items.flatMap((i) => i.sourceIds))];
    const sources = new Map(
      (await db.sources.bulkGet(sourceIds)).filter((s): s is Source => s !== undefined).map((s) => [s.id, s]),
    );
    await db.items.bulkPut(
      items.map((item) => ({
        ...item,
        terms: itemTerms(
          item,
          item.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined),
        ),
      })),
    );
    return summary;
  });
}
