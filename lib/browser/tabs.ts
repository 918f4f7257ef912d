import { type Browser, browser } from 'wxt/browser';
import { clippability } from '../clippable';
import type { CaptureResult } from '../messages';
import type { PageCapture } from '../types';

/** The script entrypoint the background injects on demand (entrypoints/clipper.ts). */
const CLIPPER_FILE = '/clipper.js';

function injectionMessage(error: unknown, url: string): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/\.pdf($|[?#])/i.test(url) || /pdf/i.test(detail)) {
    return 'PDF files open in the browser’s own viewer, which extensions cannot read. Record the source by hand below.';
  }
  if (/frame.*(removed|crashed)|No tab with id|tab was closed/i.test(detail)) {
    return 'This tab has crashed or closed. Reload it and try again, or record the source by hand below.';
  }
  return `The browser did not let Digest Clipper read this page (${detail}). Record the source by hand below.`;
}

/** Reads a tab through the injected clipper; every failure becomes a message for the popup. */
export async function captureTab(tabId: number): Promise<CaptureResult> {
  let tab: Browser.tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { ok: false, reason: 'no-tab', message: 'That tab is gone. Open the page again and retry.' };
  }
  const url = tab.url ?? tab.pendingUrl ?? '';
  const known = { title: tab.title ?? '', url };
  const verdict = clippability(url);
  if (!verdict.clippable) return { ok: false, reason: 'restricted', message: verdict.message, tab: known };
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [CLIPPER_FILE] });
    const capture = frame?.result as PageCapture | undefined;
    if (capture?.canonicalUrl) return { ok: true, capture };
    if (tab.status === 'loading') {
      return { ok: false, reason: 'loading', message: 'The page is still loading. Try again in a moment.', tab: known };
    }
    return {
      ok: false,
      reason: 'injection-failed',
      message: 'The page gave nothing back to clip. Reload it and try again, or record the source by hand below.',
      tab: known,
    };
  } catch (error) {
    if (tab.status === 'loading') {
      return { ok: false, reason: 'loading', message: 'The page is still loading. Try again in a moment.', tab: known };
    }
    return { ok: false, reason: 'injection-failed', message: injectionMessage(error, url), tab: known };
  }
}

/** The tab the popup clips: the one named in `?tabId=` (tests, windows opened by us) or the active one. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
