import { browser } from 'wxt/browser';

// Chrome MV3 has `action`; Firefox MV2 has `browserAction` with the same badge calls.
const action = browser.action ?? browser.browserAction;
const FLASH_MS = 2500;

/** The week's clip count on the toolbar button, for every tab. */
export async function showWeekCount(count: number): Promise<void> {
  await action.setBadgeBackgroundColor({ color: '#1f5fbf' });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

/** Says on the toolbar button that the extension cannot read its data (a live query failed). */
export async function showTrouble(title: string): Promise<void> {
  await action.setBadgeBackgroundColor({ color: '#a12121' });
  await action.setBadgeText({ text: '!' });
  await action.setTitle({ title });
}

/** Marks a tab whose page is already clipped (cleared by the browser when the tab navigates). */
export async function markTabClipped(tabId: number, title: string): Promise<void> {
  await action.setBadgeBackgroundColor({ tabId, color: '#1d6b3a' });
  await action.setTitle({ tabId, title });
}

const FLASH = {
  ok: { text: '✓', color: '#1d6b3a' },
  // Saved, under a name worth a look (a PDF's file name): not the plain ✓.
  check: { text: '?', color: '#8a5a00' },
  failed: { text: '!', color: '#a12121' },
} as const;

/** A short visible confirmation for clips made without the popup. */
export async function flashResult(tabId: number, mark: keyof typeof FLASH, title: string): Promise<void> {
  await action.setBadgeText({ tabId, text: FLASH[mark].text });
  await action.setBadgeBackgroundColor({ tabId, color: FLASH[mark].color });
  await action.setTitle({ tabId, title });
  setTimeout(() => {
    // The tab may be gone by now; nothing to restore then.
    action.setBadgeText({ tabId, text: null as unknown as string }).catch(() => undefined);
  }, FLASH_MS);
}
