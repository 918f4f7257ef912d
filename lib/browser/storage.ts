import type { StorageState } from '../types';

/**
 * Asks the browser to keep our IndexedDB under storage pressure. Chrome already exempts
 * extensions holding `unlimitedStorage`; Firefox needs the request.
 */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageState(): Promise<StorageState> {
  const [persisted, estimate] = await Promise.all([
    navigator.storage?.persisted?.().catch(() => false) ?? Promise.resolve(false),
    navigator.storage?.estimate?.().catch(() => undefined) ?? Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
