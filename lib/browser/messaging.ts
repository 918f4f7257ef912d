import { browser } from 'wxt/browser';
import { ClipInputError } from '../errors';
import type { Envelope, Protocol, RequestOf, RequestType } from '../messages';

/** Sends a typed request to the background and unwraps its answer (throws its error). */
export async function sendRequest<K extends RequestType>(request: RequestOf<K>): Promise<Protocol[K]['response']> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<Protocol[K]['response']> | undefined;
  if (!envelope) throw new ClipInputError('extension.no-answer');
  if (!envelope.ok) throw new ClipInputError(envelope.problem.code, envelope.problem.params);
  return envelope.value;
}
