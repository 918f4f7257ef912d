import {
  type CheckTarget,
  checkPages,
  type FetchedPage,
  FetchFailure,
  matchQuotesInline,
  type PageCheckReport,
  pageEncoding,
  type QuoteCheck,
  type QuoteMatcher,
  readableText,
} from '../digest/page-checks';
import { releaseHostAccess } from './host-access';

/** Pages larger than this are checked on their first 3 MB (a quote past it reads as missing). */
const MAX_PAGE_BYTES = 3_000_000;

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= MAX_PAGE_BYTES) {
      void reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
  return new TextDecoder(pageEncoding(response.headers.get('content-type') ?? '', bytes)).decode(bytes);
}

/**
 * Fetches a page as a reader without an account would (no cookies), following redirects. A
 * redirect to a site the check may not read fails in the browser like a network error; a second
 * request that does not follow redirects tells the two apart.
 */
export async function fetchPage(url: string, signal: AbortSignal): Promise<FetchedPage> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  } catch (error) {
    if (signal.aborted) throw error;
    const first = await fetch(url, { signal, credentials: 'omit', cache: 'no-store', redirect: 'manual' }).catch(
      () => undefined,
    );
    throw new FetchFailure(first?.type === 'opaqueredirect' ? 'elsewhere' : 'unreachable');
  }
  const page: FetchedPage = { status: response.status, finalUrl: response.url || url };
  if (/text\/html|application\/xhtml/i.test(response.headers.get('content-type') ?? '')) {
    const doc = new DOMParser().parseFromString(await readCapped(response), 'text/html');
    page.title = doc.title;
    page.text = readableText(doc);
  } else {
    void response.body?.cancel();
  }
  return page;
}

/**
 * Looks for a page's quotes in a worker of its own, ended at the deadline or when the check is
 * stopped (the quotes then count as not checked). Where a worker cannot start, it looks here.
 */
export const matchQuotesInWorker: QuoteMatcher = (quotes, text, deadline, signal) =>
  new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./quote-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(matchQuotesInline(quotes, text, deadline, signal));
      return;
    }
    const done = (checks: QuoteCheck[] | undefined) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(checks);
    };
    const stop = () => done(undefined);
    const timer = setTimeout(stop, Math.max(0, deadline - Date.now()));
    signal.addEventListener('abort', stop);
    worker.onmessage = (event: MessageEvent<QuoteCheck[]>) => done(Date.now() > deadline ? undefined : event.data);
    worker.onerror = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      worker.terminate();
      resolve(matchQuotesInline(quotes, text, deadline, signal));
    };
    worker.postMessage({ quotes, text, deadline });
  });

export interface PageCheckRun {
  onProgress: (done: number, total: number) => void;
  signal: AbortSignal;
}

/**
 * Checks the week's pages once access is granted (`access`, from askHostAccess in the click),
 * then gives back what was granted for the check. Undefined when the editor said no.
 */
export async function checkWeekPages(
  targets: CheckTarget[],
  access: Promise<string[] | undefined>,
  run: PageCheckRun,
): Promise<PageCheckReport | undefined> {
  const added = await access;
  if (!added) return undefined;
  try {
    return await checkPages(targets, {
      fetchPage,
      now: Date.now,
      // The e2e suite's slow page answers after 3 s; a real site gets 10.
      timeoutMs: import.meta.env.MODE === 'e2e' ? 1500 : 10_000,
      concurrency: 4,
      matchQuotes: matchQuotesInWorker,
      onProgress: run.onProgress,
      signal: run.signal,
    });
  } finally {
    await releaseHostAccess(added);
  }
}
