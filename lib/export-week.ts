import { digestToHtmlFragment, renderDigestHtml, renderDigestWechat } from './digest/html-writer';
import { digestToMarkdown, renderDigest } from './digest/markdown-writer';
import type { DigestInput } from './digest/model';
import { buildDigest } from './digest/model';
import type { ExportFormat } from './messages';
import type { ClipperDb } from './store/db';
import { listWeek } from './store/items';
import { listSections } from './store/sections';
import { getSettings } from './store/settings-read';

/** Saves text as a file and says under which name; the browser edge supplies the real one. */
/** `replace`: a file of that name is replaced (a week's draft exported again), not kept beside as `name (1)`. */
export type SaveFile = (
  filename: string,
  text: string,
  mimeType: string,
  saveAs?: boolean,
  replace?: boolean,
) => Promise<string>;

/** Everything the renderers need for one week, read in one transaction. */
export async function loadDigestInput(db: ClipperDb, weekId: string): Promise<DigestInput> {
  const [items, sections, settings, week] = await db.transaction(
    'r',
    [db.items, db.sources, db.sections, db.settings, db.weeks],
    () => Promise.all([listWeek(db, weekId), listSections(db), getSettings(db), db.weeks.get(weekId)]),
  );
  return {
    weekId,
    items,
    sections,
    settings,
    lede: week?.lede,
    closing: week?.closing,
  };
}

/** Renders the week and hands the draft to `save` under the slug's file name, replacing an earlier export of it. */
export async function exportWeekDraft(
  db: ClipperDb,
  weekId: string,
  format: ExportFormat,
  save: SaveFile,
): Promise<{ filename: string }> {
  const input = await loadDigestInput(db, weekId);
  if (format === 'wechat') {
    const draft = renderDigestWechat(input);
    return { filename: await save(draft.filename, draft.document, 'text/html', input.settings.askWhereToSave, true) };
  }
  if (format === 'html') {
    const html = renderDigestHtml(input);
    return { filename: await save(html.filename, html.document, 'text/html', input.settings.askWhereToSave, true) };
  }
  const digest = renderDigest(input);
  return {
    filename: await save(digest.filename, digest.markdown, 'text/markdown', input.settings.askWhereToSave, true),
  };
}

/**
 * The week's draft for the clipboard: Markdown (the plain text) and HTML. For the 公众号 editor
 * the HTML is styled inline with links as numbered markers, and the plain text matches it.
 */
export async function renderForClipboard(
  db: ClipperDb,
  weekId: string,
  wechat = false,
): Promise<{ text: string; html: string }> {
  const input = await loadDigestInput(db, weekId);
  if (wechat) {
    const draft = renderDigestWechat(input);
    return { text: draft.text, html: draft.html };
  }
  const doc = buildDigest(input);
  const lang = input.settings.language === 'zh' ? 'zh-CN' : 'en';
  return { text: digestToMarkdown(doc, input.settings.frontMatter), html: digestToHtmlFragment(doc, lang) };
}
