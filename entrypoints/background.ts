import { defineBackground } from 'wxt/utils/define-background';
import { downloadText } from '../lib/browser/downloads';
import { listenForRequests } from '../lib/browser/messaging';
import { captureTab } from '../lib/browser/tabs';
import { openDatabase } from '../lib/db';
import { exportWeekDraft } from '../lib/export-week';

export default defineBackground(() => {
  const db = openDatabase();
  listenForRequests({
    captureTab: ({ tabId }) => captureTab(tabId),
    exportWeek: ({ weekId }) => exportWeekDraft(db, weekId, downloadText),
  });
});
