import { listWeek } from './clip-repository';
import type { ClipperDb } from './db';
import { type RenderedDigest, renderDigest } from './render-digest';
import { getSettings, listSections } from './settings-repository';

/** Saves text as a file; the browser edge supplies the real one. */
export type SaveFile = (filename: string, text: string, mimeType: string) => Promise<void>;

export async function renderWeek(db: ClipperDb, weekId: string, timeZone?: string): Promise<RenderedDigest> {
  const [clips, sections, settings, week] = await db.transaction(
    'r',
    [db.clips, db.sections, db.settings, db.weeks],
    () => Promise.all([listWeek(db, weekId), listSections(db), getSettings(db), db.weeks.get(weekId)]),
  );
  return renderDigest({ weekId, clips, sections, settings, lede: week?.lede, timeZone });
}

/** Renders the week and hands the draft to `save` under the slug's file name. */
export async function exportWeekDraft(
  db: ClipperDb,
  weekId: string,
  save: SaveFile,
  timeZone?: string,
): Promise<{ filename: string }> {
  const digest = await renderWeek(db, weekId, timeZone);
  await save(digest.filename, digest.markdown, 'text/markdown');
  return { filename: digest.filename };
}
