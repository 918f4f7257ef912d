import { browser } from 'wxt/browser';
import { problem, problemOf } from '../errors';
import type { CaptureResult } from '../messages';
import { sendRequest } from './messaging';

/** The popup's request to read its target tab; a dead background becomes a message, not a hang. */
export async function requestCapture(search: string): Promise<CaptureResult> {
  const tabId = await targetTabId(search);
  if (tabId === undefined) {
    return { ok: false, reason: 'no-tab', problem: problem('capture.no-tab') };
  }
  return sendRequest({ type: 'captureTab', tabId }).catch((error: unknown) => ({
    ok: false as const,
    reason: 'injection-failed' as const,
    problem: problemOf(error),
  }));
}

/** The tab the popup clips: the one named in `?tabId=` (tests, windows opened by us) or the active one. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
