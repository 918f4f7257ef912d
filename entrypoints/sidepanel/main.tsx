import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App } from '../../components/App';
import '../../components/popup.css';
import { requestCapture } from '../../lib/browser/capture-request';
import { sendRequest } from '../../lib/browser/messaging';
import { requestPersistence } from '../../lib/browser/storage';
import { openDatabase } from '../../lib/store/db';

// The side panel is the popup's week view kept open beside the page: the same App, full height.
const root = document.getElementById('app');
void requestPersistence();
if (root) {
  render(
    <App
      surface="panel"
      db={openDatabase()}
      now={() => Date.now()}
      newId={() => crypto.randomUUID()}
      browserLanguage={navigator.language}
      capture={() => requestCapture(location.search)}
      exportWeek={(weekId, format) => sendRequest({ type: 'exportWeek', weekId, format })}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />,
    root,
  );
}
