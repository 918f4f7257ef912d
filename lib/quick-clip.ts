import { type SaveOutcome, saveClip } from './clip-repository';
import type { ClipperDb } from './db';
import type { CaptureResult } from './messages';
import { getSettings, listSections } from './settings-repository';
import { weekIdFor, weekOptionsOf } from './week';

export interface QuickClipDeps {
  db: ClipperDb;
  capture: (tabId: number) => Promise<CaptureResult>;
  now: () => number;
  newId: () => string;
}

export type QuickClipResult = { ok: true; outcome: SaveOutcome; sectionName: string } | { ok: false; message: string };

/**
 * Clips a tab without the popup (context menu, keyboard shortcut): read it, store it in the
 * given section or the default one. Failures come back as a message, never as an exception.
 */
export async function quickClip(
  deps: QuickClipDeps,
  tabId: number,
  sectionId?: string | null,
): Promise<QuickClipResult> {
  const [settings, sections] = await Promise.all([getSettings(deps.db), listSections(deps.db)]);
  const target =
    sections.find((s) => s.id === (sectionId ?? settings.defaultSectionId)) ??
    sections.find((s) => s.id === settings.defaultSectionId) ??
    sections[0];
  if (!target) return { ok: false, message: 'There are no sections to clip into. Add one in the options.' };
  const result = await deps.capture(tabId);
  if (!result.ok) return { ok: false, message: result.message };
  try {
    const now = deps.now();
    const outcome = await saveClip(
      deps.db,
      { ...result.capture, sectionId: target.id },
      { now, weekId: weekIdFor(now, weekOptionsOf(settings)), newId: deps.newId },
    );
    return { ok: true, outcome, sectionName: target.name };
  } catch (error) {
    return { ok: false, message: `Could not save the clip: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** What the badge tooltip says after a quick clip. */
export function quickClipMessage(result: QuickClipResult): string {
  if (!result.ok) return result.message;
  const { outcome, sectionName } = result;
  if (!outcome.merged) return `Clipped to ${sectionName}: ${outcome.clip.title}`;
  return outcome.duplicateQuote
    ? `Already clipped: ${outcome.clip.title}`
    : `Added the quote to your earlier clip: ${outcome.clip.title}`;
}
