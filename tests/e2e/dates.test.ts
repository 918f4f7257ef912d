import { afterEach, describe, expect, it } from 'vitest';
import { addDays, civilDate } from '../../lib/week';
import { useExtension } from '../harness/extension';
import { clearRecords, readEntries } from '../harness/page';

/** Dates as people write them, in the capture form and in the editor; what is not a date is refused, not ignored. */
describe('typed dates', () => {
  const env = useExtension();
  afterEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
  });

  it('takes 2026/1/27 in the capture form, refuses “soon” with a message, and reads “yesterday” in the editor', async () => {
    await clearRecords(env.session.worker);
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('zhihu-article.html'));
    const popup = await env.session.openPopup(await env.session.tabIdOf(article));
    const published = popup.getByLabel('Published');
    await expect.poll(() => popup.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');

    // Where the clipper read each field is said beside its label; typing a field makes it the editor's.
    const origin = (name: string) => popup.locator(`label:has(input[name="${name}"]) .origin`);
    expect(await origin('source').textContent()).toBe('page data');
    expect(await origin('published').count()).toBe(1);
    await published.fill('soon');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    expect(await published.evaluate((input: HTMLInputElement) => input.validationMessage)).toContain(
      '“soon” is not a date',
    );
    expect(await readEntries(popup)).toEqual([]);

    // A date in the future is marked for a second look before saving (so is a missing one).
    await published.fill('2099/1/1');
    await expect
      .poll(() => popup.locator('label:has(input[name="published"]) .doubt').textContent())
      .toBe('in the future: check');
    await popup.screenshot({ path: '.e2e-artifacts/popup-doubts.png' });
    await published.fill('2026/1/27');
    expect(await popup.locator('label:has(input[name="published"]) .doubt').count()).toBe(0);
    expect(await origin('published').count()).toBe(0);
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(async () => (await readEntries(popup))[0]?.publishedAt).toBe('2026-01-27');

    // The editor shows the stored date as the UI's language writes it and takes a word for a day.
    await popup.getByRole('button', { name: /^Edit: / }).click();
    const editor = popup.getByRole('form', { name: 'Edit' });
    expect(await editor.getByLabel('Published').inputValue()).toBe('Jan 27, 2026');
    // Stored with the source: where the publisher was read, and that the date is the editor's own.
    const stored = (name: string) => editor.locator(`label:has(input[name="${name}"]) .origin`);
    expect(await stored('source').textContent()).toBe('page data');
    expect(await stored('publishedAt').textContent()).toBe('yours');
    const fieldset = editor.locator('fieldset.source-fields').first();
    await fieldset.scrollIntoViewIfNeeded();
    await fieldset.screenshot({ path: '.e2e-artifacts/popup-editor-origins.png' });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await fieldset.screenshot({ path: '.e2e-artifacts/popup-editor-origins-dark.png' });
    await popup.emulateMedia({ colorScheme: 'light' });
    await editor.getByLabel('Published').fill('yesterday');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await readEntries(popup))[0]?.publishedAt).toBe(addDays(civilDate(Date.now()), -1));

    // A typo is refused with the formats it takes, and nothing is written.
    await popup.getByRole('button', { name: /^Edit: / }).click();
    await editor.getByLabel('Published').fill('2026-02-30');
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => editor.getByRole('alert').textContent()).toContain('“2026-02-30” is not a date');
    expect((await readEntries(popup))[0]?.publishedAt).toBe(addDays(civilDate(Date.now()), -1));
  });
});
