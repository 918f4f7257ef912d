import { browser } from 'wxt/browser';

/**
 * Access granted for one run (a link check, a batch clip, the panel's Clip this tab) is given back by
 * the page when the run ends; a page closed mid-run (the popup loses focus) never gets there. So the
 * page also holds a lease: a port to the background naming what was granted. When the port closes,
 * by the page's own release or by the page going away, the background gives the access back.
 */

/** What one run was granted, in the shape `permissions.remove` takes. */
export interface Grant {
  origins?: string[];
  permissions?: string[];
}

export const LEASE_PORT = 'access-lease';

interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Page side: tells the background what this run was granted; the returned function ends the lease. */
export function holdLease(
  grant: Grant,
  connect: (name: string) => PortLike = (name) => browser.runtime.connect({ name }),
): () => void {
  let port: PortLike | undefined;
  try {
    port = connect(LEASE_PORT);
    port.postMessage(grant);
  } catch {
    // No background to hold it (it is starting or being updated): the page's own release still runs.
    return () => undefined;
  }
  return () => port?.disconnect();
}

/** Background side: gives back each lease's grant when its port closes. */
export function giveBackLeases(
  onConnect: { addListener(listener: (port: PortLike) => void): void } = browser.runtime.onConnect,
  remove: (grant: Grant) => Promise<unknown> = (grant) =>
    browser.permissions.remove(grant as Parameters<typeof browser.permissions.remove>[0]),
): void {
  onConnect.addListener((port) => {
    if (port.name !== LEASE_PORT) return;
    let grant: Grant = {};
    port.onMessage.addListener((message) => {
      const { origins, permissions } = (message ?? {}) as Grant;
      grant = {
        ...(Array.isArray(origins) ? { origins: origins.filter((o) => typeof o === 'string') } : {}),
        ...(Array.isArray(permissions) ? { permissions: permissions.filter((p) => typeof p === 'string') } : {}),
      };
    });
    port.onDisconnect.addListener(() => {
      // Already given back when the page released it itself: removing again is harmless.
      if (grant.origins?.length || grant.permissions?.length) void remove(grant).catch(() => false);
    });
  });
}
