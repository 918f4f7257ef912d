import { type Browser, browser } from 'wxt/browser';
import { clippability } from '../capture/clippable';
import { type Problem, problem } from '../errors';
import type { CaptureResult } from '../messages';
import type { PageCapture } from '../types';

/** The script entrypoint the background injects on demand (entrypoints/clipper.ts). */
const CLIPPER_FILE = '/clipper.js';

function injectionProblem(error: unknown, url: string): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  if (/\.pdf($|[?#])/i.test(url) || /pdf/i.test(detail)) return problem('capture.pdf');
  if (/frame.*(removed|crashed)|No tab with id|tab was closed/i.test(detail)) return problem('capture.crashed');
  return problem('capture.blocked', { detail });
}

/** Reads a tab through the injected clipper; every failure becomes a message for the popup. */
export async function captureTab(tabId: number): Promise<CaptureResult> {
  let tab: Browser.tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { ok: false, reason: 'no-tab', problem: problem('capture.no-tab') };
  }
  const url = tab.url ?? tab.pendingUrl ?? '';
  const known = { title: tab.title ?? '', url };
  const verdict = clippability(url);
  if (!verdict.clippable) return { ok: false, reason: 'restricted', problem: verdict.problem, tab: known };
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [CLIPPER_FILE] });
    const capture = frame?.result as PageCapture | undefined;
    if (capture?.canonicalUrl) return { ok: true, capture };
    if (tab.status === 'loading')
      return { ok: false, reason: 'loading', problem: problem('capture.loading'), tab: known };
    return { ok: false, reason: 'injection-failed', problem: problem('capture.empty'), tab: known };
  } catch (error) {
    if (tab.status === 'loading')
      return { ok: false, reason: 'loading', problem: problem('capture.loading'), tab: known };
    return { ok: false, reason: 'injection-failed', problem: injectionProblem(error, url), tab: known };
  }
}

/** The tab the popup clips: the one named in `?tabId=` (tests, windows opened by us) or the active one. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
