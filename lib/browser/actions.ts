import { browser } from 'wxt/browser';
import { withPublisherOverride } from '../capture/publishers';
import type { CaptureResult, TabClipResult } from '../messages';
import { type QuickClipResult, quickClip, quickClipMessage, quickClipNeedsCheck } from '../quick-clip';
import { learnedSite } from '../record-rules';
import { findSourceByUrl, itemsCiting } from '../store/citations';
import type { ClipperDb } from '../store/db';
import { learnRules } from '../store/settings';
import { getSettings } from '../store/settings-read';
import type { LearnedField, LearnedRule } from '../types';
import { flashResult, markTabClipped } from './badge';
import { backgroundTranslator } from './locale';
import { captureTab, runLearnedJob } from './tabs';

/** The popup's capture with the editor's publisher names, told whether the page is already clipped (and the tab marked so). */
export async function captureForPopup(db: ClipperDb, tabId: number): Promise<CaptureResult> {
  const reading = getSettings(db);
  const [captured, settings] = await Promise.all([
    captureTab(
      tabId,
      reading.then((s) => s.learnedSites),
    ),
    reading,
  ]);
  if (!captured.ok) return captured;
  const result = { ...captured, capture: withPublisherOverride(captured.capture, settings.publisherOverrides) };
  const existing = await findSourceByUrl(db, result.capture.canonicalUrl);
  if (!existing) return result;
  const t = backgroundTranslator(settings.uiLanguage);
  const citing = await itemsCiting(db, existing.id);
  // A page cited in a published issue says so: the editor may not want to run it twice.
  const weeks = await db.weeks.bulkGet([...new Set(citing.map((i) => i.weekId))]);
  const issues = new Map(weeks.flatMap((w) => (w?.published ? [[w.id, w.published.issue] as const] : [])));
  const uses = citing.map((i) => {
    const issue = issues.get(i.weekId);
    const use = { weekId: i.weekId, sectionId: i.sectionId, summary: i.summary, tags: i.tags };
    return issue ? { ...use, issue } : use;
  });
  const usedIn = [...issues.values()].pop();
  await markTabClipped(
    tabId,
    t('badgeTitle', { message: usedIn ? t('usedInIssue', { issue: usedIn }) : t('badgeClipped') }),
  );
  return { ...result, alreadyClipped: { source: existing, uses } };
}

/** A clip without the popup, confirmed on the toolbar badge. */
export async function quickClipTab(db: ClipperDb, tabId: number, sectionId?: string | null): Promise<QuickClipResult> {
  const result = await quickClip(
    {
      db,
      capture: (id: number) =>
        captureTab(
          id,
          getSettings(db).then((s) => s.learnedSites),
        ),
      now: Date.now,
      newId: () => crypto.randomUUID(),
    },
    tabId,
    sectionId,
  );
  const t = backgroundTranslator((await getSettings(db)).uiLanguage);
  if (result.ok) await markTabClipped(tabId, t('badgeTitle', { message: t('badgeClipped') }));
  const mark = !result.ok ? 'failed' : quickClipNeedsCheck(result) ? 'check' : 'ok';
  await flashResult(tabId, mark, t('badgeTitle', { message: quickClipMessage(result, t) }));
  return result;
}

/** One tab of a batch clip (the popup or side panel lists the outcome beside the tab). */
export async function clipTabInto(db: ClipperDb, tabId: number, sectionId: string): Promise<TabClipResult> {
  const result = await quickClipTab(db, tabId, sectionId);
  return result.ok
    ? { ok: true, title: result.outcome.source.title, sectionName: result.sectionName }
    : { ok: false, problem: result.problem };
}

/**
 * The editor corrected fields of the page in this tab and saved: where each corrected value stands on the
 * page is learned for its site (lib/capture/learned.ts), replacing what was learned there before. Only when
 * the tab still shows that site; a value the page does not show teaches nothing.
 */
export async function learnFromCorrections(
  db: ClipperDb,
  tabId: number,
  pageUrl: string,
  corrections: readonly { field: LearnedField; value: string }[],
): Promise<LearnedField[]> {
  const site = learnedSite(pageUrl);
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!site || !tab?.url || learnedSite(tab.url) !== site || corrections.length === 0) return [];
  const answer = await runLearnedJob(tabId, { locate: [...corrections] });
  const now = Date.now();
  const rules: LearnedRule[] = corrections.flatMap(({ field, value }) => {
    const spot = answer?.located[field];
    return spot ? [{ site, field, spot, example: value, learnedAt: now }] : [];
  });
  return (await learnRules(db, rules, now)).map((rule) => rule.field);
}
