import type { PageCheckReport } from '../digest/page-checks';
import { ClipInputError } from '../errors';
import { requireNote } from '../record-rules';
import type { WeekNote } from '../types';
import type { ClipperDb } from './db';
import { settleConflict, stampChanges } from './field-clocks';
import { getSettings } from './settings-read';

/** The week's note as a write starts it: clocks, open conflicts and the publication mark kept. */
function nextNote(current: WeekNote | undefined, weekId: string, now: number): WeekNote {
  return { ...current, id: weekId, lede: current?.lede ?? '', updatedAt: Math.max(now, (current?.updatedAt ?? 0) + 1) };
}

/** The week's lede or closing paragraph (Markdown), written by the editor; the other is kept. */
export async function setWeekText(
  db: ClipperDb,
  weekId: string,
  patch: Partial<Pick<WeekNote, 'lede' | 'closing'>>,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.weeks, async () => {
    const current = await db.weeks.get(weekId);
    const next = nextNote(current, weekId, now);
    delete next.closing;
    const closing = patch.closing ?? current?.closing;
    if (patch.lede !== undefined) next.lede = requireNote(patch.lede);
    if (closing !== undefined && requireNote(closing) !== '') next.closing = requireNote(closing);
    await db.weeks.put(stampChanges('week', current, next, db.replica));
  });
}

/** The text the editor chose for a conflict on the week's lede or closing (lib/store/field-clocks.ts). */
export async function settleWeekConflict(
  db: ClipperDb,
  weekId: string,
  ref: { field: string; at: string },
  choice: 'mine' | 'theirs',
  now: number,
): Promise<void> {
  await db.transaction('rw', db.weeks, async () => {
    const current = await db.weeks.get(weekId);
    if (!current) return;
    const next = settleConflict(current, ref.field, ref.at, choice, now, db.replica, (value) =>
      typeof value === 'string' ? requireNote(value) : null,
    );
    // A week always has a lede, if only an empty one.
    await db.weeks.put({ ...next, lede: next.lede ?? '' });
  });
}

/** Refuses a change to an item of a published week (the lock the editor set when publishing). */
export async function assertUnlocked(db: ClipperDb, ...weekIds: string[]): Promise<void> {
  for (const week of await db.weeks.bulkGet([...new Set(weekIds)]))
    if (week?.published) throw new ClipInputError('week.published', { issue: week.published.issue });
}

/**
 * Marks the week published as an issue of the digest (`AI 一周记 2026-01-26 期`), locking its items,
 * or unlocks it (`publish` false). Returns the issue's name.
 */
export async function setPublished(db: ClipperDb, weekId: string, publish: boolean, now: number): Promise<string> {
  return db.transaction('rw', db.weeks, db.settings, async () => {
    const settings = await getSettings(db);
    const issue =
      settings.language === 'en'
        ? `${settings.digestNameEn || settings.digestName}, week of ${weekId}`
        : `${settings.digestName} ${weekId} 期`;
    const current = await db.weeks.get(weekId);
    const next = nextNote(current, weekId, now);
    if (publish) next.published = { at: now, issue };
    else delete next.published;
    await db.weeks.put(stampChanges('week', current, next, db.replica));
    return issue;
  });
}

/** Keeps the week's latest link and quote check with the week (this browser only; not in backups). */
export async function savePageChecks(db: ClipperDb, weekId: string, report: PageCheckReport): Promise<void> {
  await db.settings.put({ key: `checks:${weekId}`, value: report });
}
