import { browser } from 'wxt/browser';

/** The two browsers' panel APIs, which the polyfill's types do not name. */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the week in the browser's side panel (Chrome) or sidebar (Firefox). Both must be called
 * from the click itself, so the window is looked up before (`windowId`), not in between.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel to open.'));
}

/** The popup's window, looked up when it opens so a later click can open the panel at once. */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent()).id;
}
