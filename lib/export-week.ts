import { listWeek } from './clip-repository';
import type { ClipperDb } from './db';
import type { DigestInput } from './digest-model';
import type { ExportFormat } from './messages';
import { renderDigest } from './render-digest';
import { renderDigestHtml } from './render-html';
import { getSettings, listSections } from './settings-repository';

/** Saves text as a file; the browser edge supplies the real one. */
export type SaveFile = (filename: string, text: string, mimeType: string, saveAs?: boolean) => Promise<void>;

/** Everything the renderers need for one week, read in one transaction. */
export async function loadDigestInput(db: ClipperDb, weekId: string): Promise<DigestInput> {
  const [clips, sections, settings, week] = await db.transaction(
    'r',
    [db.clips, db.sections, db.settings, db.weeks],
    () => Promise.all([listWeek(db, weekId), listSections(db), getSettings(db), db.weeks.get(weekId)]),
  );
  return { weekId, clips, sections, settings, lede: week?.lede, timeZone: settings.timeZone || undefined };
}

/** Renders the week and hands the draft to `save` under the slug's file name. */
export async function exportWeekDraft(
  db: ClipperDb,
  weekId: string,
  format: ExportFormat,
  save: SaveFile,
): Promise<{ filename: string }> {
  const input = await loadDigestInput(db, weekId);
  if (format === 'html') {
    const html = renderDigestHtml(input);
    await save(html.filename, html.document, 'text/html', input.settings.askWhereToSave);
    return { filename: html.filename };
  }
  const digest = renderDigest(input);
  await save(digest.filename, digest.markdown, 'text/markdown', input.settings.askWhereToSave);
  return { filename: digest.filename };
}
