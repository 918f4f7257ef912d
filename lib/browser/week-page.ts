import { browser } from 'wxt/browser';
import type { ExportFormat } from '../messages';
import { openDatabase } from '../store/db';
import { requestCapture } from './capture-request';
import { sendRequest } from './messaging';
import { requestPersistence } from './storage';

/**
 * What the week's pages (the toolbar popup and the side panel) get from the browser: the
 * database, the clock, the page capture, exports through the background, the options page.
 */
export function weekPageCapabilities() {
  void requestPersistence();
  return {
    db: openDatabase(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    browserLanguage: navigator.language,
    capture: () => requestCapture(location.search),
    exportWeek: (weekId: string, format: ExportFormat) => sendRequest({ type: 'exportWeek', weekId, format }),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
}
