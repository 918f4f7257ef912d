import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/popup.css';
import { sendRequest } from '../../lib/browser/messaging';
import { targetTabId } from '../../lib/browser/tabs';
import { openDatabase } from '../../lib/db';

const root = document.getElementById('app');
if (root) {
  render(
    <App
      db={openDatabase()}
      now={() => Date.now()}
      newId={() => crypto.randomUUID()}
      resolveTab={() => targetTabId(location.search)}
      send={sendRequest}
    />,
    root,
  );
}
