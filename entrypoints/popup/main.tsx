import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import '../../components/popup.css';
import { requestCapture } from '../../lib/browser/capture-request';
import { sendRequest } from '../../lib/browser/messaging';
import { currentWindowId, openSidePanel } from '../../lib/browser/side-panel';
import { requestPersistence } from '../../lib/browser/storage';
import { openDatabase } from '../../lib/store/db';

const root = document.getElementById('app');
void requestPersistence();
// Looked up now: the browser opens a side panel only from the click itself.
let windowId: number | undefined;
void currentWindowId().then((id) => {
  windowId = id;
});
if (root) {
  render(
    <App
      db={openDatabase()}
      now={() => Date.now()}
      newId={() => crypto.randomUUID()}
      browserLanguage={navigator.language}
      capture={() => requestCapture(location.search)}
      exportWeek={(weekId, format) => sendRequest({ type: 'exportWeek', weekId, format })}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openPanel={() => void openSidePanel(windowId).then(() => window.close())}
    />,
    root,
  );
}
