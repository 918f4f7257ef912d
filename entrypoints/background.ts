import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { giveBackLeases } from '../lib/browser/access-lease';
import { captureForPopup, clipTabInto, learnFromCorrections, quickClipTab } from '../lib/browser/actions';
import { showTrouble, showWeekCount } from '../lib/browser/badge';
import { rebuildMenus } from '../lib/browser/context-menus';
import { downloadText } from '../lib/browser/downloads';
import { backgroundTranslator } from '../lib/browser/locale';
import { listenForRequests } from '../lib/browser/request-listener';
import { startTeamSync } from '../lib/browser/team-sync';
import { problemOf } from '../lib/errors';
import { exportWeekDraft } from '../lib/export-week';
import { describeProblem } from '../lib/i18n/translate';
import { menuItems, QUICK_CLIP_COMMAND, sectionOfMenuItem } from '../lib/menus';
import { openDatabase, provideUpgradeSteps } from '../lib/store/db';
import { currentWeekCount } from '../lib/store/items';
import { listSections } from '../lib/store/sections';
import { getSettings } from '../lib/store/settings-read';
import * as upgradeSteps from '../lib/store/upgrades';

// A module service worker: built with the pages, it shares their chunks (Dexie, the store, the
// renderer) instead of carrying its own copies, which keeps the store zip within budget. Service
// workers may not call import(): nothing the background runs may load code lazily (its
// dictionaries come from lib/browser/locale.ts, statically).
export default defineBackground({
  type: 'module',
  main: () => {
    provideUpgradeSteps(upgradeSteps);
    // Access a page was granted for a run comes back when the page closes mid-run.
    giveBackLeases();
    const db = openDatabase(undefined, browser.i18n.getUILanguage());

    // Team sync (docs/sync.md): rounds at start, on every change here, each minute, live while a page is open.
    const team = startTeamSync(db);
    listenForRequests({
      captureTab: ({ tabId }) => captureForPopup(db, tabId),
      clipTab: ({ tabId, sectionId }) => clipTabInto(db, tabId, sectionId),
      exportWeek: ({ weekId, format }) => exportWeekDraft(db, weekId, format, downloadText),
      teamConnect: ({ url, db: name, user, password }) => team.connect({ url, db: name, user }, password),
      teamDisconnect: () => team.disconnect(),
      teamSyncNow: ({ full }) => team.syncNow(full),
      learnCorrections: ({ tabId, pageUrl, corrections }) => learnFromCorrections(db, tabId, pageUrl, corrections),
    });

    const onMenuClick = (info: { menuItemId: string | number }, tab?: { id?: number }) => {
      const section = sectionOfMenuItem(info.menuItemId);
      if (section === undefined || tab?.id === undefined) return Promise.resolve();
      return quickClipTab(db, tab.id, section).then(() => undefined);
    };
    const onCommand = async (command: string, tab?: { id?: number }) => {
      if (command !== QUICK_CLIP_COMMAND) return;
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await quickClipTab(db, id);
    };
    browser.contextMenus.onClicked.addListener(onMenuClick);
    browser.commands.onCommand.addListener(onCommand);

    // Menus follow the sections and the UI language, the badge this week's count, whoever writes.
    // A query that fails says so on the toolbar button instead of leaving menus and count stale.
    const trouble = (error: unknown) => {
      const t = backgroundTranslator('auto');
      void showTrouble(t('badgeTitle', { message: describeProblem(t, problemOf(error)) }));
    };
    liveQuery(() => Promise.all([listSections(db), getSettings(db)])).subscribe({
      next: ([sections, settings]) =>
        void rebuildMenus(menuItems(sections, backgroundTranslator(settings.uiLanguage), settings.language)),
      error: trouble,
    });
    liveQuery(() => currentWeekCount(db, Date.now())).subscribe({ next: (n) => void showWeekCount(n), error: trouble });

    // The e2e suite drives the very listeners the browser calls; automation cannot click menus.
    if (import.meta.env.MODE === 'e2e') {
      Object.assign(globalThis, { digestClipperTest: { onMenuClick, onCommand, openDatabase } });
      // WebDriver BiDi may not navigate Firefox to an extension page, but it drives one the extension opened:
      // the Firefox e2e build opens its sidebar's page in a tab (tests/e2e/firefox.test.ts). Never shipped.
      if (import.meta.env.FIREFOX) void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    }
  },
});
