import { browser } from 'wxt/browser';
import type { WindowTab } from '../types';
import type { Grant } from './access-lease';

/**
 * The lease of each grant (lib/browser/access-lease.ts), ended when the grant is given back. Its code
 * loads while the run starts: the popup's start-up script does not carry it.
 */
const leases = new WeakMap<string[], Promise<() => void>>();
const lease = (grant: Grant) =>
  import('./access-lease').then(
    (m) => m.holdLease(grant),
    // No lease (the code could not load): the run's own release still gives the access back.
    () => () => undefined,
  );

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
    const added = origins.filter((origin) => !had.has(origin));
    if (added.length > 0) leases.set(added, lease({ origins: added }));
    return added;
  });
}

/**
 * Asks for the team server's origin (`https://couch.example.org/*`), kept while this browser syncs with it
 * and given back at Disconnect (lib/browser/team-sync.ts). Call it in the click, before anything is awaited.
 */
export function askServerAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [origin] });
}

/** Gives back access granted for one check, so no site stays readable after it. */
export async function releaseHostAccess(origins: string[]): Promise<void> {
  if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
  await leases.get(origins)?.then((end) => end());
}

/**
 * Asks for `tabs` in the click (the tabs' addresses and titles, which only it shows), runs `use` with it,
 * and gives it back at once when it was not held. Undefined when the editor says no. Every request for
 * access is made in this module (tests/e2e/manifest.test.ts holds it to that).
 */
export function withTabsAccess<T>(use: () => Promise<T>): Promise<T | undefined> {
  const before = browser.permissions.contains({ permissions: ['tabs'] });
  const asked = browser.permissions.request({ permissions: ['tabs'] });
  return Promise.all([before, asked]).then(async ([held, granted]) => {
    if (!granted) return undefined;
    const end = held ? undefined : lease({ permissions: ['tabs'] });
    try {
      return await use();
    } finally {
      if (!held) await browser.permissions.remove({ permissions: ['tabs'] }).catch(() => false);
      await end?.then((stop) => stop());
    }
  });
}

/** The tabs of this window with their addresses and titles, for one look (batch clip). */
export function askWindowTabs(): Promise<WindowTab[] | undefined> {
  return withTabsAccess(async () =>
    (await browser.tabs.query({ currentWindow: true })).flatMap((tab) =>
      tab.id === undefined
        ? []
        : [{ id: tab.id, title: tab.title ?? '', url: tab.url ?? '', highlighted: tab.highlighted === true }],
    ),
  );
}
