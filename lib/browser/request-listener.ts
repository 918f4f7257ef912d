import { type Browser, browser } from 'wxt/browser';
import type { Handlers } from '../messages';
import { dispatch, parseRequest } from '../request-parse';

/**
 * The background's listener: only our own pages may talk to it (web pages and other extensions may not),
 * and only in the shapes lib/request-parse.ts knows. Apart from lib/browser/messaging.ts, which the pages
 * send with, so their start-up script does not carry it.
 */

/** Whether a message comes from one of the extension's own pages. */
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
