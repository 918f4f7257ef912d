import { browser } from 'wxt/browser';
import type { CheckTarget } from '../digest/page-checks';
import { type ExportFormat, LIVE_PORT } from '../messages';
import { openDatabase } from '../store/db';
import type { LearnedField } from '../types';
import { requestCapture, targetTabId } from './capture-request';
import { askHostAccess, askWindowTabs, releaseHostAccess } from './host-access';
import { sendRequest } from './messaging';
import type { PageCheckRun } from './page-access';
import { requestPersistence } from './storage';

/**
 * What the week's pages (the toolbar popup and the side panel) get from the browser: the
 * database, the clock, the page capture, exports through the background, the options page.
 */
export function weekPageCapabilities() {
  void requestPersistence();
  return {
    db: openDatabase(undefined, navigator.language),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    browserLanguage: navigator.language,
    capture: () => requestCapture(location.search),
    exportWeek: (weekId: string, format: ExportFormat) => sendRequest({ type: 'exportWeek', weekId, format }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    // While the week is shown, team sync stays live: the port wakes the background and keeps it up.
    stayLive: () => {
      const port = browser.runtime.connect({ name: LIVE_PORT });
      const ping = setInterval(() => port.postMessage('ping'), 20_000);
      return () => {
        clearInterval(ping);
        port.disconnect();
      };
    },
    // Batch clip: the window's tabs (asked for in the click), access to their sites, one tab at a time.
    tabClips: {
      listTabs: askWindowTabs,
      askSites: askHostAccess,
      releaseSites: releaseHostAccess,
      clip: (tabId: number, sectionId: string) => sendRequest({ type: 'clipTab', tabId, sectionId }),
    },
    // What the editor corrected in the popup's form, learned for the page's site in its tab (lib/capture/learned.ts).
    learn: (pageUrl: string, corrections: { field: LearnedField; value: string }[]) =>
      targetTabId(location.search).then((tabId) =>
        tabId === undefined ? [] : sendRequest({ type: 'learnCorrections', tabId, pageUrl, corrections }),
      ),
    // Writing help (Options → Writing help): its code loads at a form's first use, and only when it is on.
    writing: () => import('./writing-help').then((m) => m.writingHelp()),
    // The request is made in the click; the checking code loads while the browser asks.
    checkPages: (targets: CheckTarget[], origins: string[], run: PageCheckRun) => {
      const access = askHostAccess(origins);
      return import('./page-access').then((m) => m.checkWeekPages(targets, access, run));
    },
  };
}
