import { type Browser, browser } from 'wxt/browser';
import { clippability } from '../capture/clippable';
import { type LearnedAnswer, type LearnedJob, withLearned } from '../capture/learned';
import { namePdf, tidyCapture } from '../capture/tidy-capture';
import { type Problem, problem } from '../errors';
import type { CaptureResult } from '../messages';
import { learnedSite } from '../record-rules';
import type { LearnedRule, PageCapture } from '../types';

/** The script entrypoint the background injects on demand (entrypoints/clipper.ts). */
const CLIPPER_FILE = '/clipper.js';
/** Injected only on a site with learned places, or after a correction (entrypoints/learned.ts). */
const LEARNED_FILE = '/learned.js';

/** The places learned from the editor's corrections; a promise, so reading them never holds up the clipper. */
type LearnedRules = readonly LearnedRule[] | Promise<readonly LearnedRule[]>;

/**
 * Runs a learned-places job in the tab: the job goes in as data (a global of the extension's own isolated
 * world, which the page cannot see), then the script reads it. Undefined when the tab cannot be read.
 */
export async function runLearnedJob(tabId: number, job: LearnedJob): Promise<LearnedAnswer | undefined> {
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: (data: LearnedJob) => {
        (globalThis as { digestClipperLearnedJob?: LearnedJob }).digestClipperLearnedJob = data;
      },
      args: [job],
    });
    const answer = await withinTimeLimit(browser.scripting.executeScript({ target: { tabId }, files: [LEARNED_FILE] }));
    return answer === TIMED_OUT ? undefined : (answer[0]?.result as LearnedAnswer | undefined);
  } catch {
    return undefined;
  }
}

/** The capture with what its site's learned places hold (the clipper stays as it is; a second small script reads them). */
async function learnedFor(tabId: number, capture: PageCapture, rules: LearnedRules): Promise<PageCapture> {
  const site = learnedSite(capture.pageUrl);
  const mine = (await rules).filter((rule) => rule.site === site);
  if (mine.length === 0) return capture;
  const answer = await runLearnedJob(tabId, { read: mine.map(({ field, spot }) => ({ field, spot })) });
  return withLearned(capture, mine, answer?.read);
}

/**
 * How long a page may take to answer. Our script runs on the page's own thread, so a page busy in
 * a loop never lets it run; after this the editor gets manual entry instead of "Reading…" forever.
 */
export const CAPTURE_TIME_LIMIT_MS = import.meta.env.MODE === 'e2e' ? 3_000 : 10_000;

const TIMED_OUT = Symbol('timed out');

function withinTimeLimit<T>(work: Promise<T>): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), CAPTURE_TIME_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function injectionProblem(error: unknown, url: string): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  if (/\.pdf($|[?#])/i.test(url) || /pdf/i.test(detail)) return problem('capture.pdf');
  if (/frame.*(removed|crashed)|No tab with id|tab was closed/i.test(detail)) return problem('capture.crashed');
  return problem('capture.blocked', { detail });
}

/**
 * Reads a tab through the injected clipper; every failure becomes a message for the popup. `rules`: the
 * places learned from the editor's corrections, read first on their site.
 */
export async function captureTab(tabId: number, rules: LearnedRules = []): Promise<CaptureResult> {
  // Rules that cannot be read leave the general rules to answer (and no rejection goes unheard).
  const learned = Promise.resolve(rules).catch((): readonly LearnedRule[] => []);
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
    const answer = await withinTimeLimit(browser.scripting.executeScript({ target: { tabId }, files: [CLIPPER_FILE] }));
    if (answer === TIMED_OUT)
      return {
        ok: false,
        reason: 'timeout',
        problem: problem('capture.timeout', { seconds: CAPTURE_TIME_LIMIT_MS / 1000 }),
        tab: known,
      };
    const [frame] = answer;
    const capture = frame?.result as PageCapture | undefined;
    if (capture?.origins?.title === 'pdf') return { ok: true, capture: tidyCapture(namePdf(capture, tab.title, url)) };
    if (capture?.canonicalUrl) return { ok: true, capture: await learnedFor(tabId, tidyCapture(capture), learned) };
    if (tab.status === 'loading')
      return { ok: false, reason: 'loading', problem: problem('capture.loading'), tab: known };
    return { ok: false, reason: 'injection-failed', problem: problem('capture.empty'), tab: known };
  } catch (error) {
    if (tab.status === 'loading')
      return { ok: false, reason: 'loading', problem: problem('capture.loading'), tab: known };
    return { ok: false, reason: 'injection-failed', problem: injectionProblem(error, url), tab: known };
  }
}
