import { ClipInputError } from '../errors';
import type { DigestSettings } from '../types';
import { weekStartOf } from '../week';
import type { ClipperDb, LocalMeta } from './db';
import { DEFAULT_SETTINGS } from './defaults';

export async function getSettings(db: ClipperDb): Promise<DigestSettings> {
  const row = await db.settings.get('digest');
  return { ...DEFAULT_SETTINGS, ...(row?.key === 'digest' ? row.value : {}) };
}

export async function getLocalMeta(db: ClipperDb): Promise<LocalMeta> {
  const row = await db.settings.get('meta');
  return row?.key === 'meta' ? row.value : {};
}

export async function recordBackup(db: ClipperDb, at: number): Promise<void> {
  await db.settings.put({ key: 'meta', value: { ...(await getLocalMeta(db)), lastBackupAt: at } });
}

/**
 * Whether to remind the editor to back up: the last backup (or, never having backed up, the
 * oldest stored change) is older than the reminder setting. `oldestChange` is undefined with
 * no clips, when there is nothing to lose.
 */
export function backupOverdue(
  meta: LocalMeta,
  settings: DigestSettings,
  oldestChange: number | undefined,
  now: number,
): boolean {
  if (settings.backupReminderDays <= 0 || oldestChange === undefined) return false;
  const since = meta.lastBackupAt ?? oldestChange;
  return now - since > settings.backupReminderDays * 86_400_000;
}
/**
 * Saves settings. A new first day of the week moves every item to the week that now holds
 * its old week's first day, so no item falls between weeks.
 */
export async function updateSettings(db: ClipperDb, patch: Partial<DigestSettings>): Promise<DigestSettings> {
  return db.transaction('rw', db.settings, db.items, async () => {
    const current = await getSettings(db);
    const next = { ...current, ...patch };
    if (!Number.isInteger(next.weekStartsOn) || next.weekStartsOn < 0 || next.weekStartsOn > 6) {
      throw new ClipInputError('settings.week-start');
    }
    if (next.timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: next.timeZone });
      } catch {
        throw new ClipInputError('settings.time-zone', { zone: next.timeZone });
      }
    }
    await db.settings.put({ key: 'digest', value: next });
    if (next.weekStartsOn !== current.weekStartsOn) {
      await db.items.toCollection().modify((item) => {
        item.weekId = weekStartOf(item.weekId, next.weekStartsOn);
      });
    }
    return next;
  });
}
