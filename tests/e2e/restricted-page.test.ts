import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../harness/extension';
import { startFixtureServer } from '../harness/fixture-server';
import { readEntries } from '../harness/page';

describe('a page the browser will not let us read', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gives up on a page that never answers after the time limit, and offers manual entry', async () => {
    const server = await startFixtureServer();
    try {
      const busy = await session.context.newPage();
      await busy.goto(server.url('busy.html'));
      await new Promise((r) => setTimeout(r, 400));
      const started = Date.now();
      const popup = await session.openPopup(await session.tabIdOf(busy));
      await expect
        .poll(() => popup.getByRole('alert').textContent(), { timeout: 15_000 })
        .toContain('did not answer within 3 seconds');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await popup.getByLabel('Title').inputValue()).toBe('A page that never stops working');
      expect(await popup.locator('.reading').count()).toBe(0);
      await popup.close();
      await busy.close({ runBeforeUnload: false });
    } finally {
      await server.close();
    }
  }, 30_000);

  it('explains why and offers manual entry prefilled from the tab', async () => {
    const settingsPage = await session.context.newPage();
    await settingsPage.goto('chrome://version');
    const popup = await session.openPopup(await session.tabIdOf(settingsPage));

    // Folded, so the week stays in view; it says why, and opens for manual entry.
    const capture = popup.locator('details.capture');
    await expect.poll(() => capture.locator('summary').textContent()).toContain('nothing to read on this tab');
    expect(await capture.getAttribute('open')).toBeNull();
    await capture.locator('summary').click();
    const alert = popup.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('Browser pages (settings, new tab, extensions) cannot be clipped');
    expect(await popup.getByLabel('Title').inputValue()).toBe(await settingsPage.title());
    expect(await popup.locator('.reading').count()).toBe(0);

    await popup.getByLabel('Title').fill('Chromium release notes');
    await popup.getByLabel('Source').fill('Chromium');
    await popup.getByLabel('Link').fill('https://chromereleases.googleblog.com/2026/01/stable.html');
    await popup.getByLabel('Quote').fill('A pasted quote.');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const clips = await readEntries(popup);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({
      title: 'Chromium release notes',
      source: 'Chromium',
      canonicalUrl: 'https://chromereleases.googleblog.com/2026/01/stable.html',
      quotes: [{ text: 'A pasted quote.' }],
    });
  });

  it('refuses to save a manual clip without a valid link, and says so', async () => {
    const credits = await session.context.newPage();
    await credits.goto('chrome://credits');
    const popup = await session.openPopup(await session.tabIdOf(credits));
    await expect.poll(() => popup.locator('details.capture summary').textContent()).toContain('nothing to read');
    await popup.locator('details.capture summary').click();
    await expect.poll(() => popup.getByRole('alert').count()).toBe(1);
    // The form's own words, in the UI's language, where the browser would say `Please fill out this field.`
    await popup.getByLabel('Title').fill('');
    expect(await popup.getByLabel('Title').evaluate((el: HTMLInputElement) => el.validationMessage)).toBe(
      'Give the clip a title before saving.',
    );
    await popup.getByLabel('Title').fill('No link here');
    await popup.getByLabel('Link').fill('not a link');
    expect(await popup.getByLabel('Link').evaluate((el: HTMLInputElement) => el.validationMessage)).toContain(
      'is not a valid address',
    );
    // Past the form's own check, the store refuses it too, and says so.
    await popup.getByLabel('Link').evaluate((el: HTMLInputElement) => {
      el.removeAttribute('required');
      el.type = 'text';
      if (el.form) el.form.noValidate = true;
    });
    const before = await readEntries(popup);
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('alert').last().textContent()).toContain('is not a valid address');
    expect(await readEntries(popup)).toEqual(before);
  });

  it('names a PDF tab by its file name or its own title, says it is a PDF, and asks for a check', async () => {
    const server = await startFixtureServer();
    try {
      // A quick clip of a PDF without a title: saved under its file name, and the badge asks for a check.
      const untitled = await session.context.newPage();
      await untitled.goto(server.url('state-ai-budget-2026.pdf'));
      const tabId = await session.tabIdOf(untitled);
      await session.quickClip(tabId);
      const badge = await session.worker.evaluate(
        async (id) => ({
          text: await chrome.action.getBadgeText({ tabId: id }),
          title: await chrome.action.getTitle({ tabId: id }),
        }),
        tabId,
      );
      expect(badge.text).toBe('?');
      expect(badge.title).toContain('state-ai-budget-2026.pdf');
      expect(badge.title).toContain('check it in the popup');

      // The popup on a PDF with a title of its own: the form, prefilled with it, the title marked.
      const titled = await session.context.newPage();
      await titled.goto(server.url('titled-report.pdf'));
      const titledId = await session.tabIdOf(titled);
      // As an editor sees it: the viewer has read the PDF and shows its title on the tab.
      await expect
        .poll(() => session.worker.evaluate(async (id) => (await chrome.tabs.get(id)).title, titledId))
        .toBe('State AI Budget Report 2026');
      const popup = await session.openPopup(titledId);
      await expect.poll(() => popup.getByLabel('Title').inputValue()).toBe('State AI Budget Report 2026');
      await expect
        .poll(() => popup.locator('.notice').allTextContents())
        .toContainEqual(expect.stringContaining('A PDF: the browser’s viewer gives only its title or file name.'));
      const label = popup.locator('label:has(input[name="title"])');
      expect(await label.locator('.doubt').textContent()).toBe('the PDF’s file name or own title: check');
      const entries = await readEntries(popup);
      const pdfs = entries.filter((e) => e.canonicalUrl?.endsWith('.pdf'));
      expect(pdfs.map((e) => [e.title, e.source, e.canonicalUrl])).toEqual([
        ['state-ai-budget-2026.pdf', '127.0.0.1', server.url('state-ai-budget-2026.pdf')],
      ]);
      // The card of the quick clip says its title is worth a check.
      expect(await popup.locator('li.clip .badge[title*="Title: the PDF’s file name"]').count()).toBe(1);
      await popup.close();
      await titled.close();
      await untitled.close();
    } finally {
      await server.close();
    }
  });
});
