import { browser } from 'wxt/browser';

/**
 * Asks for access to the given sites. Call it in the click itself, before anything is awaited:
 * Firefox grants a request only inside the click's own turn. Resolves to the patterns this
 * request added (to give back afterwards), or undefined when the editor says no.
 */
export function askHostAccess(origins: string[]): Promise<string[] | undefined> {
  // The browser answers in order, so `before` is what was held before the request.
  const before = browser.permissions.getAll();
  const asked = browser.permissions.request({ origins });
  return Promise.all([before, asked]).then(([held, granted]) => {
    if (!granted) return undefined;
    const had = new Set(held.origins ?? []);
    return origins.filter((origin) => !had.has(origin));
  });
}

/** Gives back access granted for one check, so no site stays readable after it. */
export async function releaseHostAccess(origins: string[]): Promise<void> {
  if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
}
