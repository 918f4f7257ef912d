import { render } from 'preact';
import { App } from '../../components/App';
import '../../components/popup.css';
import { panelTabAccess } from '../../lib/browser/panel-tab';
import { weekPageCapabilities } from '../../lib/browser/week-page';

// The side panel is the popup's week view kept open beside the page: the same App, full height.
const root = document.getElementById('app');
if (root) render(<App {...weekPageCapabilities()} panelTab={panelTabAccess()} surface="panel" />, root);
