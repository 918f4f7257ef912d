/**
 * The one place components reach the store (lib/store/); lint keeps every other component file
 * out of it. Reads that draw the popup and the options page at start-up are imported
 * statically. Writes, search and backups load on first use, so the popup's start-up script holds
 * only what shows the week (budget in docs/performance.md).
 */

export type { RestorePlan } from '../lib/store/backup-restore';
export type { Backup } from '../lib/store/backup-write';
export type { ClipperDb, LocalMeta } from '../lib/store/db';
export type { ClipDraft, ItemPatch, SaveOutcome, SourcePatch } from '../lib/store/item-writes';
export { allTags, listTrash, listWeek, weeksWithCounts } from '../lib/store/items';
export { listSections } from '../lib/store/sections';
export { backupOverdue, getLocalMeta, getSettings, getTeamStatus, recordBackup } from '../lib/store/settings-read';

/** Saving, editing, arranging and deleting items and sources (and settling their conflicts). */
export const itemWrites = () => import('../lib/store/item-writes');
/** The week's lede and closing. */
export const weekWrites = () => import('../lib/store/weeks');
/** Who cites a page (a re-clip, the draft checks): loaded with the writes, not at start-up. */
export const citations = () => import('../lib/store/citations');
/** Saving settings (the options page). */
export const settingsWrites = () => import('../lib/store/settings');
/** Adding, renaming, ordering and deleting sections. */
export const sectionWrites = () => import('../lib/store/section-writes');
/** Search across every week. */
export const searchStore = () => import('../lib/store/search');

/** Reading, checking, planning and applying backups, and writing one. */
export async function backupStore() {
  const [read, restore, write] = await Promise.all([
    import('../lib/store/backup-read'),
    import('../lib/store/backup-restore'),
    import('../lib/store/backup-write'),
  ]);
  return {
    parseBackup: read.parseBackup,
    planRestore: restore.planRestore,
    applyRestore: restore.applyRestore,
    createBackup: write.createBackup,
    createBackupBlob: write.createBackupBlob,
  };
}
