import { problem, problemOf } from '../errors';
import type { CaptureResult } from '../messages';
import { sendRequest } from './messaging';
import { targetTabId } from './tabs';

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
