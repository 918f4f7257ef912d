import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The Firefox e2e build (`wxt build -b firefox --mode e2e`): 127.0.0.1, `tabs` and the test hooks. */
export const FIREFOX_E2E_BUILD = resolve('.output/firefox-mv2-e2e');
const ADDON_ID = 'digest-clipper@digest-clipper.dev';
/** The extension's internal address, fixed through Firefox's own preference so the test can find its pages. */
const ADDON_UUID = '0e4f2c5a-6b1d-4c6e-9a7b-1d2c3e4f5a6b';
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Firefox ESR from Debian (or FIREFOX_PATH); the suite fails and says how to install it, it never skips. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FIREFOX_PATH) {
    if (existsSync(env.FIREFOX_PATH)) return env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, but no file is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The Firefox e2e test needs Firefox and none was found. Install it (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.',
  );
}

export interface FirefoxSession {
  browser: Browser;
  /** The extension's sidebar page, opened in a tab by the e2e build's background. */
  panel: Page;
  downloadsDir: string;
  /** The extension page's origin, `moz-extension://<uuid>`. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Headless Firefox driven over WebDriver BiDi (puppeteer-core; no driver download), the built add-on
 * installed as a temporary add-on, downloads landing in a known folder without a dialog.
 */
export async function launchFirefoxExtension(): Promise<FirefoxSession> {
  const profileRoot = mkdtempSync(join(tmpdir(), 'digest-clipper-firefox-'));
  const downloadsDir = join(profileRoot, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'browser.download.dir': downloadsDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  await browser.installExtension(FIREFOX_E2E_BUILD);
  const origin = `moz-extension://${ADDON_UUID}`;
  // BiDi reports the tab's address as about:blank: each page is asked where it is.
  let panel: Page | undefined;
  for (let tries = 0; !panel && tries < 100; tries++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${origin}/sidepanel.html`)) panel = page;
    }
    if (!panel) await new Promise((r) => setTimeout(r, 100));
  }
  if (!panel) {
    await browser.close();
    throw new Error('The Firefox e2e build did not open its sidebar page; is .output/firefox-mv2-e2e built?');
  }
  return {
    browser,
    panel,
    downloadsDir,
    origin,
    close: async () => {
      await browser.close();
      rmSync(profileRoot, { recursive: true, force: true });
    },
  };
}
