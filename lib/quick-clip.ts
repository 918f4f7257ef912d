import { type Problem, problem, problemOf } from './errors';
import type { Translate } from './i18n/keys';
import { describeProblem } from './i18n/translate';
import type { CaptureResult } from './messages';
import type { ClipperDb } from './store/db';
import { type SaveOutcome, saveClip } from './store/item-writes';
import { listSections } from './store/sections';
import { getSettings } from './store/settings-read';
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
  const fallback = sections.find((s) => s.id === settings.defaultSectionId) ?? sections[0];
  // A section named by the menu is the editor's choice; the shortcut leaves a page already in the week where it is.
  const chosen = sectionId ? (sections.find((s) => s.id === sectionId) ?? fallback) : undefined;
  if (!fallback) return { ok: false, problem: problem('quick.no-sections') };
  const result = await deps.capture(tabId);
  if (!result.ok) return { ok: false, problem: result.problem };
  try {
    const now = deps.now();
    const outcome = await saveClip(
      deps.db,
      { ...result.capture, sectionId: chosen?.id },
      {
        now,
        weekId: weekIdFor(now, weekOptionsOf(settings)),
        newId: deps.newId,
        defaultSectionId: fallback.id,
      },
    );
    const placed = sections.find((s) => s.id === outcome.item?.sectionId) ?? fallback;
    return { ok: true, outcome, sectionName: placed.name };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** A clip saved under a name the page did not give (a PDF's file name): the badge asks for a check, not ✓. */
export function quickClipNeedsCheck(result: QuickClipResult): boolean {
  const origin = result.ok ? result.outcome.source.origins?.title : undefined;
  return origin === 'pdf' || origin === 'domain';
}

/** What the badge tooltip says after a quick clip, in the UI's language. */
export function quickClipMessage(result: QuickClipResult, t: Translate): string {
  // A tooltip has nothing below it: the hand-entry form is in the popup.
  if (!result.ok)
    return result.problem.code.startsWith('capture.')
      ? `${describeProblem(t, result.problem)} ${t('manualFromToolbar')}`
      : describeProblem(t, result.problem);
  const { outcome, sectionName } = result;
  const title = outcome.source.title;
  if (outcome.sourceCreated || outcome.itemAction === 'created')
    return quickClipNeedsCheck(result)
      ? t('quickClippedCheck', { section: sectionName, title })
      : t('quickClipped', { section: sectionName, title });
  return outcome.quote === 'added' ? t('quickMerged', { title }) : t('quickAlready', { title });
}
