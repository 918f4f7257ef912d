import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/popup.css';
import { currentWindowId, openSidePanel } from '../../lib/browser/side-panel';
import { weekPageCapabilities } from '../../lib/browser/week-page';

const root = document.getElementById('app');
// Looked up now: the browser opens a side panel only from the click itself.
let windowId: number | undefined;
void currentWindowId().then((id) => {
  windowId = id;
});
if (root) {
  render(
    <App {...weekPageCapabilities()} openPanel={() => openSidePanel(windowId).then(() => window.close())} />,
    root,
  );
}
