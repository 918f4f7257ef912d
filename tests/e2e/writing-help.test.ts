import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatServer, startChatServer } from '../../scripts/chat-server';
import { readDownload } from '../harness/downloads';
import { popupOnPage, useExtension } from '../harness/extension';
import { clearRecords, readEntries } from '../harness/page';

const OUT = '.e2e-artifacts';
const KEY = 'sk-e2e-not-for-backups';
const SENTENCE = '苹果拟以约 16 亿美元收购以色列音频 AI 初创公司 Q.ai。';
/** A sentence in the pieces a streaming model sends it in. */
const pieces = (text: string, size = 4) => [...text.matchAll(new RegExp(`.{1,${size}}`, 'gsu'))].map((m) => m[0]);

/**
 * Writing help through the editor's own endpoint: a real chat-completions server on 127.0.0.1 speaking
 * server-sent events (scripts/chat-server.ts), the built extension in headless Chromium. Engine used: the
 * endpoint (headless Chromium has no on-device model; that path is the contract test's,
 * tests/unit/browser/on-device-ai.test.ts). A Chinese digest, English pages, the English UI.
 */
describe('writing help with the editor’s own endpoint', () => {
  const env = useExtension({ digestLanguage: 'zh' });
  let chat: ChatServer;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    chat = await startChatServer({ apiKey: KEY });
  });
  afterAll(() => chat?.close());
  afterEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
  });

  const popupFor = (file: string) => popupOnPage(env, file);
  const summary = (popup: Page) => popup.getByLabel('Summary', { exact: true });
  const badge = (popup: Page) => popup.locator('.clip-form .drafted-badge');

  it('offers nothing while it is off, and asks for nothing', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('wire-article.html');
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('button', { name: 'Draft summary' }).count()).toBe(0);
    expect(await env.session.worker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    expect(chat.seen).toHaveLength(0);
  });

  it('is set up in Options → Writing help; the key stays in the extension’s storage, out of every backup', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByLabel('My own endpoint (any OpenAI-compatible chat-completions service)').check();
    await options.getByLabel('Endpoint address').fill(`${chat.url}/chat/completions`);
    await options.getByLabel('Model').fill('local');
    await options.getByLabel('API key').fill(KEY);
    await options.getByRole('button', { name: 'Save writing help' }).click();
    await expect.poll(() => options.locator('#writing-heading ~ .notice').textContent()).toBe('Writing help saved.');
    // The address as the API root; the key shown as stored, never shown back.
    expect(await options.getByLabel('Endpoint address').inputValue()).toBe(chat.url);
    expect(await options.getByLabel('API key').inputValue()).toBe('');
    expect(await options.getByLabel('API key').getAttribute('placeholder')).toBe(
      'A key is stored (leave empty to keep it)',
    );
    const stored = await env.session.worker.evaluate(() => chrome.storage.local.get(null));
    expect(stored.writingHelpKey).toBe(KEY);
    const backup = await options.evaluate(async () => {
      const test = (
        globalThis as unknown as { digestClipperTest: { db: unknown; createBackup: (db: unknown) => Promise<string> } }
      ).digestClipperTest;
      return test.createBackup(test.db);
    });
    expect(backup).not.toContain(KEY);
    expect(backup).not.toContain(chat.url);
    await options.locator('#writing-heading').scrollIntoViewIfNeeded();
    await options
      .locator('section[aria-labelledby="writing-heading"]')
      .screenshot({ path: `${OUT}/options-writing.png` });
  });

  it('drafts a Chinese sentence for an English article as it streams; Ctrl+Z brings back what was there, Stop keeps what came', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('wire-article.html');
    await summary(popup).fill('my own words');
    chat.script.push({ pieces: pieces(SENTENCE), delayMs: 60 });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    // Streams: part of the sentence shows before the whole.
    await expect.poll(() => summary(popup).inputValue(), { interval: 20 }).toMatch(/^苹果.+/);
    expect(await summary(popup).inputValue()).not.toBe(SENTENCE);
    await expect.poll(() => summary(popup).inputValue()).toBe(SENTENCE);
    await expect.poll(() => badge(popup).textContent()).toBe('Drafted');
    const request = chat.seen.at(-1);
    expect(request?.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body.messages?.[0]?.content).toContain('Write it in Simplified Chinese');
    expect(request?.body.messages?.[1]?.content).toContain('Title: Apple to buy Israeli audio AI startup Q.ai');
    // The article's opening, read by the clipper at clip time (never stored).
    expect(request?.body.messages?.[1]?.content).toContain('Opening paragraphs:\nApple has agreed to buy Q.ai');
    await popup.screenshot({ path: `${OUT}/popup-drafted.png` });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: `${OUT}/popup-drafted-dark.png` });
    await popup.emulateMedia({ colorScheme: 'light' });

    await summary(popup).press('Control+z');
    expect(await summary(popup).inputValue()).toBe('my own words');
    expect(await badge(popup).count()).toBe(0);

    chat.script.push({ pieces: pieces(SENTENCE, 2), delayMs: 250 });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect.poll(() => summary(popup).inputValue()).toMatch(/^苹果/);
    await popup.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Draft summary' }).count()).toBe(1);
    const partial = await summary(popup).inputValue();
    expect(SENTENCE.startsWith(partial) && partial.length < SENTENCE.length).toBe(true);
    expect(await badge(popup).textContent()).toBe('Drafted');
    await popup.getByRole('button', { name: 'Undo' }).click();
    expect(await summary(popup).inputValue()).toBe('my own words');
  });

  it('accepts a draft with one key, then saves it as the editor’s: no untouched draft in the checks', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('wire-article.html');
    chat.script.push({ pieces: pieces(SENTENCE) });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect.poll(() => badge(popup).count()).toBe(1);
    await summary(popup).press('Enter');
    expect(await badge(popup).count()).toBe(0);
    // Enter accepted, it did not save: the form is still open with the sentence.
    expect(await summary(popup).inputValue()).toBe(SENTENCE);
    expect(await readEntries(popup)).toHaveLength(0);
    await summary(popup).press('Enter');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const [entry] = await readEntries(popup);
    expect(entry?.summary).toBe(SENTENCE);
    expect(entry?.drafted).toBeUndefined();
    await popup.getByText(/^Checks before export/).click();
    expect(await popup.locator('details.checks').textContent()).not.toContain('drafted');
  });

  it('keeps a draft saved untouched marked, on the card and in the checks, until the editor accepts it', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('wire-article.html');
    chat.script.push({ pieces: pieces(SENTENCE) });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect.poll(() => badge(popup).count()).toBe(1);
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    expect((await readEntries(popup))[0]?.drafted).toEqual([SENTENCE]);
    const week = await env.session.openPopup();
    const card = week.locator('li.clip').first();
    await expect.poll(() => card.locator('.drafted-badge').textContent()).toBe('Drafted');
    await week.getByText(/^Checks before export/).click();
    const warning = `“Apple to buy Israeli audio AI startup Q.ai” still has a drafted summary nobody has accepted or edited.`;
    await expect.poll(() => week.locator('details.checks').textContent()).toContain(warning);
    await card.scrollIntoViewIfNeeded();
    await week.screenshot({ path: `${OUT}/popup-drafted-card.png` });
    await card.locator('textarea.summary-input').press('Enter');
    await expect.poll(() => card.locator('.drafted-badge').count()).toBe(0);
    await expect.poll(() => week.locator('details.checks').textContent()).not.toContain('drafted');
    const [entry] = await readEntries(week);
    expect(entry?.summary).toBe(SENTENCE);
    expect(entry?.drafted).toBeUndefined();
  });

  it('says what failed, in the editor’s words, and leaves the field as it was', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('wire-article.html');
    chat.script.push({ status: 429, headers: { 'retry-after': '12' } });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect
      .poll(() => popup.locator('.draft-message').textContent())
      .toBe('The endpoint is busy (too many requests). Try again in 12 seconds.');
    expect(await summary(popup).inputValue()).toBe('');
    chat.script.push({ status: 404 });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect
      .poll(() => popup.locator('.draft-message').textContent())
      .toBe('The endpoint has no model "local". Check the model name in Options → Writing help.');
  });

  it('treats a page that gives the model orders as data, and an answer with markup as text in every export', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('injection-article.html');
    const hostile = '<script>window.__pwned=1</script> 见 <a href="https://evil.example">链接</a>';
    chat.script.push({ pieces: pieces(hostile, 6) });
    await popup.getByRole('button', { name: 'Draft summary' }).click();
    await expect.poll(() => summary(popup).inputValue()).toBe(hostile);
    const [system, user] = chat.seen.at(-1)?.body.messages ?? [];
    // The page's orders are inside the one data block, which the page could not close; none in the instructions.
    expect(system?.content).not.toContain('ignore previous instructions');
    expect(user?.content.match(/<\/material>/g)).toHaveLength(1);
    expect(user?.content.endsWith('</material>')).toBe(true);
    await summary(popup).press('Enter');
    await summary(popup).press('Enter');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const week = await env.session.openPopup();
    await week.locator('li.clip').first().waitFor();
    await week.getByRole('button', { name: 'Download HTML' }).click();
    const file = await expect
      .poll(() =>
        env.session.worker.evaluate(async () =>
          (await chrome.downloads.search({ state: 'complete' }))
            .map((d) => d.filename.split(/[\\/]/).pop() ?? '')
            .find((name) => name.endsWith('.html')),
        ),
      )
      .toBeTruthy()
      .then(() =>
        env.session.worker.evaluate(async () =>
          (await chrome.downloads.search({ state: 'complete' }))
            .map((d) => d.filename.split(/[\\/]/).pop() ?? '')
            .find((name) => name.endsWith('.html')),
        ),
      );
    const html = await readDownload(env.session.downloadsDir, file as string, 30_000);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="https://evil.example"');
    expect(await week.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
