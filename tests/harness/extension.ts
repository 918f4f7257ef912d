import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { findChromium } from './chromium';
import { type FixtureServer, startFixtureServer } from './fixture-server';

export const E2E_BUILD = resolve('.output/chrome-mv3-e2e');
export const PRODUCTION_BUILD = resolve('.output/chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  downloadsDir: string;
  userDataDir: string;
  /** Opens the popup as a page, aimed at a tab the way the toolbar button would be. */
  openPopup: (targetTabId?: number) => Promise<Page>;
  /** The browser's id for a page opened by the test. */
  tabIdOf: (page: Page) => Promise<number>;
  /**
   * Runs the listeners the e2e build registers for the quick-clip shortcut and the context menu
   * (automation can neither press browser shortcuts nor click native menus); all tabs at once.
   */
  quickClip: (...tabIds: number[]) => Promise<void>;
  menuClick: (menuItemId: string, tabId: number) => Promise<void>;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  buildDir?: string;
  /** Reuse a profile (to test a browser restart); a fresh one is made otherwise. */
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  /**
   * The browser's UI language as Linux gives it (`zh_CN`; needs Debian's chromium-l10n). The
   * default is the machine's, English here: a new profile then starts an English digest.
   */
  browserLanguage?: string;
  /** The draft language to choose in options right after launch (as an editor would). */
  digestLanguage?: 'zh' | 'en';
}

/** Real headless Chromium with the built extension loaded, downloads landing in a known folder. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const buildDir = options.buildDir ?? E2E_BUILD;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'digest-clipper-profile-'));
  const downloadsDir = join(userDataDir, 'downloads');
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  mkdirSync(downloadsDir, { recursive: true });
  // Playwright renames downloads to GUIDs; with these preferences the browser keeps our file name.
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: false,
    ...(options.browserLanguage
      ? { env: { ...process.env, LANGUAGE: options.browserLanguage, LANG: `${options.browserLanguage}.UTF-8` } }
      : {}),
    args: [
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // performance.memory in whole bytes, not coarse buckets: the bench reads the export's heap peak.
      '--enable-precise-memory-info',
    ],
  });
  // A missing element should fail the test in seconds, not hang until the suite's timeout.
  context.setDefaultTimeout(10_000);
  const browserSession = await context.browser()?.newBrowserCDPSession();
  if (browserSession) {
    await browserSession.send('Browser.setDownloadBehavior', { behavior: 'default' } as never);
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  const tabIdOf = async (page: Page) => {
    const url = page.url();
    const ids = await worker.evaluate(async (target: string) => {
      const tabs = await chrome.tabs.query({});
      return tabs.filter((t) => t.url === target).map((t) => t.id as number);
    }, url);
    if (ids.length !== 1) throw new Error(`Expected one tab at ${url}, found ${ids.length}; close the others first`);
    return ids[0] as number;
  };

  type Hooks = {
    onCommand: (command: string, tab: { id: number }) => Promise<void>;
    onMenuClick: (info: { menuItemId: string }, tab: { id: number }) => Promise<void>;
  };
  const quickClip = async (...tabIds: number[]) => {
    await worker.evaluate(
      (ids) =>
        Promise.all(
          ids.map((id) =>
            (globalThis as unknown as { digestClipperTest: Hooks }).digestClipperTest.onCommand('quick-clip', { id }),
          ),
        ),
      tabIds,
    );
  };
  const menuClick = async (menuItemId: string, tabId: number) => {
    await worker.evaluate(
      ([item, id]) =>
        (globalThis as unknown as { digestClipperTest: Hooks }).digestClipperTest.onMenuClick(
          { menuItemId: item as string },
          { id: id as number },
        ),
      [menuItemId, tabId] as const,
    );
  };

  if (options.digestLanguage) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const choice = page.locator('select[name="language"]');
    await choice.selectOption(options.digestLanguage);
    await page.waitForFunction(async (language) => {
      const open = indexedDB.open('digest-clipper');
      const db: IDBDatabase = await new Promise((done) => {
        open.onsuccess = () => done(open.result);
      });
      const row = await new Promise<{ value: { language: string } }>((done) => {
        const get = db.transaction('settings').objectStore('settings').get('digest');
        get.onsuccess = () => done(get.result);
      });
      db.close();
      return row.value.language === language;
    }, options.digestLanguage);
    await page.close();
  }

  return {
    context,
    extensionId,
    quickClip,
    menuClick,
    worker,
    downloadsDir,
    userDataDir,
    tabIdOf,
    openPopup: async (targetTabId) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      const query = targetTabId === undefined ? '' : `?tabId=${targetTabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface SuiteEnvironment {
  session: ExtensionSession;
  server: FixtureServer;
}

/**
 * One browser with the extension and one fixture server for a describe block, started before
 * its tests and closed after them.
 */
export function useExtension(options: LaunchOptions = {}): SuiteEnvironment {
  const env = {} as SuiteEnvironment;
  beforeAll(async () => {
    env.server = await startFixtureServer();
    env.session = await launchExtension(options);
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens a fixture page in a new tab and the popup on it, once the clipper's reading has filled the form
 * (its title). The page stays open: the popup's tab is that page's.
 */
export async function popupOnPage(env: SuiteEnvironment, file: string): Promise<Page> {
  const article = await env.session.context.newPage();
  await article.goto(env.server.url(file));
  const popup = await env.session.openPopup(await env.session.tabIdOf(article));
  await expect.poll(() => popup.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');
  return popup;
}
