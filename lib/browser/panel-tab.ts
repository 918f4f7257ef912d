import { browser } from 'wxt/browser';
import { problemOf } from '../errors';
import type { CaptureResult } from '../messages';
import type { WindowTab } from '../types';
import { askHostAccess, releaseHostAccess, withTabsAccess } from './host-access';
import { sendRequest } from './messaging';

// The side panel's *Clip this tab* (components/PanelClip.tsx): imported by the side panel's entry only,
// so none of it counts in the popup's start-up script.

/**
 * The tab beside the side panel (the window's active one, or `?tabId=` in tests) with its address,
 * which only the `tabs` permission shows: asked for in the click, given back at once when it was not
 * held. Undefined when the editor says no or there is no such tab.
 */
export function askTargetTab(search: string): Promise<WindowTab | undefined> {
  return withTabsAccess(async () => {
    const fromQuery = Number(new URLSearchParams(search).get('tabId'));
    const [active] =
      Number.isInteger(fromQuery) && fromQuery > 0
        ? [await browser.tabs.get(fromQuery)]
        : await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) return undefined;
    return { id: active.id, title: active.title ?? '', url: active.url ?? '', highlighted: true };
  });
}

/** Reads one tab by id (the side panel's *Clip this tab*); a dead background becomes a message. */
export function captureTabById(tabId: number): Promise<CaptureResult> {
  return sendRequest({ type: 'captureTab', tabId }).catch((error: unknown) => ({
    ok: false as const,
    reason: 'injection-failed' as const,
    problem: problemOf(error),
  }));
}

/** What the side panel needs to clip the tab beside it. */
export function panelTabAccess() {
  return {
    readTab: () => askTargetTab(location.search),
    askSites: askHostAccess,
    releaseSites: releaseHostAccess,
    capture: captureTabById,
  };
}
