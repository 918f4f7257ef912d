import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage, selectedContent } from '../lib/capture/capture';

// Injected on demand into the tab being clipped; its return value is the executeScript result.
// It reads the page and nothing else: storage belongs to the extension's own pages.
export default defineUnlistedScript(() => capturePage(document, location.href, selectedContent(document)));
