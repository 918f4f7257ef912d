import { findClipByUrl } from '../clip-repository';
import type { ClipperDb } from '../db';
import type { CaptureResult } from '../messages';
import { quickClip, quickClipMessage } from '../quick-clip';
import { flashResult, markTabClipped } from './badge';
import { captureTab } from './tabs';

/** The popup's capture, told whether the page is already clipped (and the tab marked so). */
export async function captureForPopup(db: ClipperDb, tabId: number): Promise<CaptureResult> {
  const result = await captureTab(tabId);
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
