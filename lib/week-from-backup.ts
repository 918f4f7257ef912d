import type { DigestInput } from './digest/model';
import type { Backup } from './store/backup-write';
import type { Source, WeekItem } from './types';

/** One week of a backup as the renderer's input (trash left out), the same as the extension reads it. */
export function weekFromBackup(
  backup: Pick<Backup, 'sources' | 'items' | 'weeks' | 'sections' | 'settings'>,
  weekId: string,
): DigestInput {
  const sources = new Map(backup.sources.map((s) => [s.id, s]));
  const items: WeekItem[] = backup.items
    .filter((i) => i.weekId === weekId && i.deletedAt === undefined)
    .map((i) => ({
      ...i,
      sources: i.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined),
    }));
  const week = backup.weeks.find((w) => w.id === weekId);
  return {
    weekId,
    items,
    sections: backup.sections,
    settings: backup.settings,
    lede: week?.lede,
    closing: week?.closing,
  };
}
