/**
 * Whether the browser lets an extension script into a page, decided from its URL alone,
 * so the popup can explain a refusal before trying.
 */

import { type Problem, problem } from '../errors';

export type Unclippable = { clippable: false; problem: Problem };
export type Clippability = { clippable: true } | Unclippable;

const STORE_HOSTS = new Set(['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

const BROWSER_SCHEMES = [
  'chrome:',
  'edge:',
  'about:',
  'brave:',
  'opera:',
  'vivaldi:',
  'chrome-extension:',
  'moz-extension:',
  'devtools:',
  'view-source:',
  'chrome-search:',
  'chrome-untrusted:',
  'resource:',
];

export function clippability(url: string | undefined): Clippability {
  if (!url) return { clippable: false, problem: problem('capture.no-address') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { clippable: false, problem: problem('capture.bad-address', { url }) };
  }
  if (BROWSER_SCHEMES.includes(parsed.protocol)) {
    return { clippable: false, problem: problem('capture.browser-page') };
  }
  if (
    STORE_HOSTS.has(parsed.hostname) ||
    (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return { clippable: false, problem: problem('capture.store-page') };
  }
  if (parsed.protocol === 'file:') {
    return { clippable: true };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { clippable: false, problem: problem('capture.scheme', { scheme: parsed.protocol.replace(/:$/, '') }) };
  }
  return { clippable: true };
}
