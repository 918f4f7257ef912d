import type { DigestSettings, TeamStatus } from '../types';
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

/** Team sync as the pages show it (lib/sync/); `off` when this browser is on no team. */
export async function getTeamStatus(db: ClipperDb): Promise<TeamStatus> {
  const row = await db.settings.get('team');
  return row?.key === 'team' ? row.value : { state: 'off', pending: 0 };
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
