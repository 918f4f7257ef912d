import { findClipByUrl } from '../clip-repository';
import type { ClipperDb } from '../db';
import type { CaptureResult } from '../messages';
import { withPublisherOverride } from '../publishers';
import { quickClip, quickClipMessage } from '../quick-clip';
import { getSettings } from '../settings-repository';
import { flashResult, markTabClipped } from './badge';
import { captureTab } from './tabs';

/** A tab's capture with the editor's publisher names applied. */
async function capturePreferred(db: ClipperDb, tabId: number): Promise<CaptureResult> {
  const [result, settings] = await Promise.all([captureTab(tabId), getSettings(db)]);
  return result.ok
    ? { ...result, capture: withPublisherOverride(result.capture, settings.publisherOverrides) }
    : result;
}

/** The popup's capture, told whether the page is already clipped (and the tab marked so). */
export async function captureForPopup(db: ClipperDb, tabId: number): Promise<CaptureResult> {
  const result = await capturePreferred(db, tabId);
  if (!result.ok) return result;
  const existing = await findClipByUrl(db, result.capture.canonicalUrl);
  if (!existing) return result;
  await markTabClipped(tabId);
  return {
    ...result,
    alreadyClipped: { weekId: existing.weekId, title: existing.title, quotes: existing.quotes.length },
  };
}

/** A clip without the popup, confirmed on the toolbar badge. */
export async function quickClipTab(db: ClipperDb, tabId: number, sectionId?: string | null): Promise<void> {
  const result = await quickClip(
    { db, capture: captureTab, now: Date.now, newId: () => crypto.randomUUID() },
    tabId,
    sectionId,
  );
  if (result.ok) await markTabClipped(tabId);
  await flashResult(tabId, result.ok, quickClipMessage(result));
}
