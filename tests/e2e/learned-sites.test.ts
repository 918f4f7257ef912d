import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { popupOnPage, useExtension } from '../harness/extension';
import { clearRecords, readEntries } from '../harness/page';

const OUT = '.e2e-artifacts';

/**
 * The clipper learns from the editor (issue 27 §4), in headless Chromium with the built extension: the
 * author corrected on one page of a site is read from the same place on the next page of that site,
 * marked as learned; the rule is listed in Options → Learned sites and, forgotten there, the general
 * rules answer again.
 */
describe('learning where a site shows a field, from one correction', () => {
  const env = useExtension();
  beforeAll(() => mkdirSync(OUT, { recursive: true }));
  afterEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
  });

  const popupFor = (file: string) => popupOnPage(env, file);
  const author = (popup: Page) => popup.getByLabel(/^Author/);
  const optionsPage = async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.locator('#learned-heading').waitFor();
    return options;
  };

  it('learns the author from a correction, reads the next page there, and forgets it when told', async () => {
    await clearRecords(env.session.worker);
    const first = await popupFor('learn-first.html');
    // The general rules find no author in this site's credit line.
    expect(await author(first).inputValue()).toBe('');
    await author(first).fill('Jane Roe');
    await first.getByRole('button', { name: 'Save clip' }).click();
    await expect
      .poll(() => first.getByRole('status').first().textContent())
      .toBe('Saved to this week. Learned where this site shows it (Author): the next clip here reads it there.');
    expect((await readEntries(first))[0]?.author).toBe('Jane Roe');

    const options = await optionsPage();
    const listed = options.locator('.learned-sites li[data-field="author"]');
    await expect.poll(() => listed.textContent()).toContain('Author: “Jane Roe” · at div.credit-line “Words —”');
    await options.locator('#learned-heading').scrollIntoViewIfNeeded();
    await options
      .locator('section[aria-labelledby="learned-heading"]')
      .screenshot({ path: `${OUT}/options-learned.png` });

    const second = await popupFor('learn-second.html');
    await expect.poll(() => author(second).inputValue()).toBe('John Doe');
    const day = new Date().toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(
      await second
        .locator('label', { has: author(second) })
        .locator('.origin')
        .textContent(),
    ).toBe(`learned from your correction on ${day}`);
    await second.screenshot({ path: `${OUT}/popup-learned.png` });
    await second.close();

    await options.getByRole('button', { name: 'Forget: 127.0.0.1 Author' }).click();
    await expect.poll(() => options.locator('.learned-sites').count()).toBe(0);
    expect(await options.locator('section[aria-labelledby="learned-heading"] .hint').last().textContent()).toBe(
      'Nothing learned yet: correct a field in the clip form and save.',
    );
    for (const page of env.session.context.pages()) if (page !== options) await page.close();
    const again = await popupFor('learn-second.html');
    await again.waitForTimeout(300);
    expect(await author(again).inputValue()).toBe('');
  });

  it('learns nothing from a value the page does not show', async () => {
    await clearRecords(env.session.worker);
    const popup = await popupFor('learn-first.html');
    await author(popup).fill('Someone Else Entirely');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const options = await optionsPage();
    expect(await options.locator('.learned-sites').count()).toBe(0);
  });
});
