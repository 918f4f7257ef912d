import type { ClipperDb } from './db';
import { buildDigest } from './digest-model';
import { loadDigestInput } from './export-week';
import { digestToMarkdown } from './render-digest';
import { digestToHtmlFragment } from './render-html';

/** The week's draft as Markdown and as an HTML fragment, for the clipboard. */
export async function renderForClipboard(db: ClipperDb, weekId: string): Promise<{ markdown: string; html: string }> {
  const input = await loadDigestInput(db, weekId);
  const doc = buildDigest(input);
  return { markdown: digestToMarkdown(doc, input.settings.frontMatter), html: digestToHtmlFragment(doc) };
}
