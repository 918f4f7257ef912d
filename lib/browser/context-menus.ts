import { browser } from 'wxt/browser';
import type { MenuItem } from '../menus';

/** Replaces the extension's context menu with these items. */
export async function rebuildMenus(items: readonly MenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of items) {
    browser.contextMenus.create({ ...item });
  }
}
