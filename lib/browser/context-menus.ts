import { browser } from 'wxt/browser';
import type { MenuItem } from '../menus';

let queue: Promise<void> = Promise.resolve();

/**
 * Replaces the extension's context menu with these items. Rebuilds run one after another:
 * two overlapping ones would create the same ids twice.
 */
export function rebuildMenus(items: readonly MenuItem[]): Promise<void> {
  queue = queue
    .then(async () => {
      await browser.contextMenus.removeAll();
      await Promise.all(
        items.map((item) => new Promise<void>((resolve) => browser.contextMenus.create({ ...item }, () => resolve()))),
      );
    })
    // A failed rebuild must not block the next one; the menu is rebuilt on every section change.
    .catch((error: unknown) => console.warn('Digest Clipper: could not rebuild the context menu', error));
  return queue;
}
