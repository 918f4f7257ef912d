import { type Problem, problem, problemOf } from './errors';
import type { Translate } from './i18n/keys';
import { describeProblem } from './i18n/translate';
import type { CaptureResult } from './messages';
import { type SaveOutcome, saveClip } from './store/clips';
import type { ClipperDb } from './store/db';
import { listSections } from './store/sections';
import { getSettings } from './store/settings';
import { weekIdFor, weekOptionsOf } from './week';

export interface QuickClipDeps {
  db: ClipperDb;
  capture: (tabId: number) => Promise<CaptureResult>;
  now: () => number;
  newId: () => string;
}

export type QuickClipResult = { ok: true; outcome: SaveOutcome; sectionName: string } | { ok: false; problem: Problem };

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
  if (!target) return { ok: false, problem: problem('quick.no-sections') };
  const result = await deps.capture(tabId);
  if (!result.ok) return { ok: false, problem: result.problem };
  try {
    const now = deps.now();
    const outcome = await saveClip(
      deps.db,
      { ...result.capture, sectionId: target.id },
      { now, weekId: weekIdFor(now, weekOptionsOf(settings)), newId: deps.newId },
    );
    return { ok: true, outcome, sectionName: target.name };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** What the badge tooltip says after a quick clip, in the UI's language. */
export function quickClipMessage(result: QuickClipResult, t: Translate): string {
  if (!result.ok) return describeProblem(t, result.problem);
  const { outcome, sectionName } = result;
  const title = outcome.clip.title;
  if (!outcome.merged) return t('quickClipped', { section: sectionName, title });
  return outcome.duplicateQuote ? t('quickAlready', { title }) : t('quickMerged', { title });
}
