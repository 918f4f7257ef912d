import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefoxExtension } from '../harness/firefox';
import { type FixtureServer, startFixtureServer } from '../harness/fixture-server';
import { type ExtensionContext, readEntries, selectText } from '../harness/page';

const OUT = '.e2e-artifacts';

interface Hooks {
  onCommand: (command: string, tab: { id: number }) => Promise<void>;
  onMenuClick: (info: { menuItemId: string }, tab: { id: number }) => Promise<void>;
}

/**
 * Firefox as its users use it: Firefox ESR (Debian's) driven over WebDriver BiDi, the built add-on installed
 * as a temporary add-on. Firefox lets BiDi drive an extension page only when the extension opened it, so
 * the e2e build's background opens its sidebar page in a tab; everything else goes through the extension
 * itself: the shortcut's and the context menu's handlers in the background, the records read from the
 * add-on's IndexedDB, the sidebar's page rendering the week, an export downloading the draft.
 */
describe('Firefox: clip, see the week in the sidebar page, export', () => {
  let ff: FirefoxSession;
  let fixtures: FixtureServer;
  // The harness reads IndexedDB through `evaluate`, which Puppeteer's pages offer as Playwright's do.
  const entries = () => readEntries(ff.panel as unknown as ExtensionContext);
  const open = async (file: string): Promise<{ page: Page; tabId: number }> => {
    const page = await ff.browser.newPage();
    const url = fixtures.url(file);
    await page.goto(url);
    const tabId = await ff.panel.evaluate(async (address: string) => {
      const { tabs } = (globalThis as unknown as { browser: typeof chrome }).browser;
      const all = await tabs.query({});
      return all.find((tab) => tab.url === address)?.id ?? -1;
    }, url);
    expect(tabId).toBeGreaterThan(0);
    return { page, tabId };
  };
  /** Calls a listener the background registered, in the background itself (the e2e build exposes them). */
  const background = (call: 'onCommand' | 'onMenuClick', first: unknown, tabId: number) =>
    ff.panel.evaluate(
      async (name: string, arg: unknown, id: number) => {
        const runtime = (
          globalThis as unknown as { browser: { runtime: { getBackgroundPage: () => Promise<Window> } } }
        ).browser.runtime;
        const hooks = ((await runtime.getBackgroundPage()) as unknown as { digestClipperTest: Hooks })
          .digestClipperTest;
        await (hooks[name as keyof Hooks] as (a: unknown, tab: { id: number }) => Promise<void>)(arg, { id });
      },
      call,
      first,
      tabId,
    );
  const panelText = (selector: string) =>
    ff.panel.evaluate((sel: string) => [...document.querySelectorAll(sel)].map((el) => el.textContent ?? ''), selector);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    fixtures = await startFixtureServer();
    ff = await launchFirefoxExtension();
    await ff.panel.setViewport({ width: 360, height: 900 });
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
    await fixtures?.close();
  });

  it('clips a page with the shortcut’s handler and a selection with the context menu’s, into their sections', async () => {
    const wire = await open('wire-article.html');
    await background('onCommand', 'quick-clip', wire.tabId);
    await expect.poll(async () => (await entries()).length, { timeout: 10_000 }).toBe(1);
    expect((await entries())[0]).toMatchObject({
      title: 'Apple to buy Israeli audio AI startup Q.ai',
      source: 'Reuters',
      author: 'Stephen Nellis',
      sectionId: 'briefs',
    });

    const zhihu = await open('zhihu-article.html');
    await selectText(zhihu.page as unknown as import('playwright-core').Page, '#first');
    await background('onMenuClick', { menuItemId: 'clip-to:analysis' }, zhihu.tabId);
    await expect.poll(async () => (await entries()).length, { timeout: 10_000 }).toBe(2);
    const deepDive = (await entries()).find((e) => e.sectionId === 'analysis');
    expect(deepDive?.title).toBe('Kimi K2.5 开源:长文本与推理的新进展');
    expect(deepDive?.quotes.map((q) => q.text)).toEqual(['Kimi 本周开源了 K2.5 与 K2.5-Thinking。']);
  });

  it('shows the week in the sidebar’s page, live', async () => {
    await expect
      .poll(() => panelText('li.clip .clip-title'), { timeout: 10_000 })
      .toEqual(['Apple to buy Israeli audio AI startup Q.ai', 'Kimi K2.5 开源:长文本与推理的新进展']);
    await ff.panel.screenshot({ path: `${OUT}/firefox-sidebar.png` });
  });

  it('downloads the draft through the background', async () => {
    // Clicked once it is there and enabled (a busy machine renders the bar late).
    const clickExport = () =>
      ff.panel.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export draft');
        if (!button || button.disabled) return false;
        button.click();
        return true;
      });
    await expect.poll(clickExport, { timeout: 10_000 }).toBe(true);
    // The browser's own record of the download says when the file is whole (or why it failed).
    const downloads = () =>
      ff.panel.evaluate(async () => {
        const { downloads } = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await downloads.search({})).map((d) => ({ file: d.filename, state: d.state, error: d.error ?? '' }));
      });
    await expect
      .poll(downloads, { timeout: 30_000 })
      .toContainEqual(expect.objectContaining({ file: expect.stringMatching(/\.md$/), state: 'complete' }));
    const done = (await downloads()).find((d) => d.state === 'complete' && d.file.endsWith('.md'));
    expect(done?.file.startsWith(ff.downloadsDir)).toBe(true);
    const draft = () => readFileSync(done?.file as string, 'utf8');
    expect(draft()).toContain('Apple to buy Israeli audio AI startup Q.ai');
    expect(draft()).toContain('Kimi K2.5');
    await expect
      .poll(() => panelText('[role="status"]'))
      .toContainEqual(expect.stringMatching(/^Downloaded .+\.md\.$/));
  });
});
