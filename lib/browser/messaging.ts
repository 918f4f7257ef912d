import { type Browser, browser } from 'wxt/browser';
import { ClipInputError } from '../errors';
import {
  dispatch,
  type Envelope,
  type Handlers,
  type Protocol,
  parseRequest,
  type RequestOf,
  type RequestType,
} from '../messages';

/** Sends a typed request to the background and unwraps its answer (throws its error). */
export async function sendRequest<K extends RequestType>(request: RequestOf<K>): Promise<Protocol[K]['response']> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<Protocol[K]['response']> | undefined;
  if (!envelope) throw new ClipInputError('extension.no-answer');
  if (!envelope.ok) throw new ClipInputError(envelope.problem.code, envelope.problem.params);
  return envelope.value;
}

/** Only our own pages may talk to the background; web pages and other extensions may not. */
export function isOwnSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  // Compared as a prefix: URL.origin is "null" for extension schemes outside Chrome.
  return sender.url === undefined || sender.url.startsWith(browser.runtime.getURL('/'));
}

export function listenForRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const request = parseRequest(message);
    if (!request || !isOwnSender(sender)) return undefined;
    return dispatch(handlers, request);
  });
}
