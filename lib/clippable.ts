/**
 * Whether the browser lets an extension script into a page, decided from its URL alone,
 * so the popup can explain a refusal before trying.
 */

export type Unclippable = { clippable: false; message: string };
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
  if (!url)
    return { clippable: false, message: 'This tab has no page address yet. Wait for it to load, then try again.' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { clippable: false, message: `This address cannot be clipped: ${url}` };
  }
  if (BROWSER_SCHEMES.includes(parsed.protocol)) {
    return {
      clippable: false,
      message:
        'Browser pages (settings, new tab, extensions) cannot be clipped. You can still record the source by hand below.',
    };
  }
  if (
    STORE_HOSTS.has(parsed.hostname) ||
    (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return {
      clippable: false,
      message:
        'The browser does not let extensions read extension-store pages. You can still record the source by hand below.',
    };
  }
  if (parsed.protocol === 'file:') {
    return { clippable: true };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      clippable: false,
      message: `Pages at ${parsed.protocol}// addresses cannot be clipped. You can still record the source by hand below.`,
    };
  }
  return { clippable: true };
}
