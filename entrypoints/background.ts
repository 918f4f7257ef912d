import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { captureForPopup, quickClipTab } from '../lib/browser/actions';
import { showWeekCount } from '../lib/browser/badge';
import { rebuildMenus } from '../lib/browser/context-menus';
import { downloadText } from '../lib/browser/downloads';
import { listenForRequests } from '../lib/browser/messaging';
import { currentWeekCount } from '../lib/clip-repository';
import { openDatabase } from '../lib/db';
import { exportWeekDraft } from '../lib/export-week';
import { menuItems, QUICK_CLIP_COMMAND, sectionOfMenuItem } from '../lib/menus';
import { listSections } from '../lib/settings-repository';

export default defineBackground(() => {
  const db = openDatabase();

  listenForRequests({
    captureTab: ({ tabId }) => captureForPopup(db, tabId),
    exportWeek: ({ weekId, format }) => exportWeekDraft(db, weekId, format, downloadText),
  });

  const onMenuClick = (info: { menuItemId: string | number }, tab?: { id?: number }) => {
    const section = sectionOfMenuItem(info.menuItemId);
    if (section === undefined || tab?.id === undefined) return Promise.resolve();
    return quickClipTab(db, tab.id, section);
  };
  const onCommand = async (command: string, tab?: { id?: number }) => {
    if (command !== QUICK_CLIP_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await quickClipTab(db, id);
  };
  browser.contextMenus.onClicked.addListener(onMenuClick);
  browser.commands.onCommand.addListener(onCommand);

  // Menus follow the sections, the badge follows this week's count, whoever writes.
  liveQuery(() => listSections(db)).subscribe((sections) => void rebuildMenus(menuItems(sections)));
  liveQuery(() => currentWeekCount(db, Date.now())).subscribe((n) => void showWeekCount(n));

  // The e2e suite drives the very listeners the browser calls; automation cannot click menus.
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { digestClipperTest: { onMenuClick, onCommand } });
});
