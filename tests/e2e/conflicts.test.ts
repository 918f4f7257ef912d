import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import { useExtension } from '../harness/extension';
import { clearRecords, readEntries } from '../harness/page';

const EXAMPLE = join(__dirname, '../../docs/examples/backup.json');
const OUT = '.e2e-artifacts';

/**
 * The same entry edited in this browser and in another one (whose backup is restored here): the
 * popup shows both summaries on the card, and the editor's choice settles it.
 */
describe.each(['light', 'dark'] as const)('a conflict after a restore, in %s mode', (colorScheme) => {
  const env = useExtension({ colorScheme });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('shows both values on the card and keeps the one the editor chooses', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.locator('.sections-editor li').first().waitFor();
    await clearRecords(options);
    const restore = async (file: string, expected: string) => {
      await options.getByLabel('Restore from a backup file').setInputFiles(file);
      await expect.poll(() => options.locator('.plan').textContent()).toContain(expected);
      await options.getByRole('button', { name: 'Restore now' }).click();
      await expect.poll(() => options.locator('.plan').count()).toBe(0);
    };
    await restore(EXAMPLE, '26 new');

    // This browser: the editor rewrites a brief's summary in the popup.
    const popup = await env.session.openPopup();
    await popup.locator('select[aria-label="Weeks"]').selectOption('2026-01-26');
    const card = popup.locator('[data-item-id="i-apple"]');
    const summary = card.locator('textarea.summary-input');
    await summary.fill('Apple’s rewrite, as edited here');
    await summary.press('Enter');
    await expect
      .poll(async () => (await readEntries(options)).find((e) => e.id === 'i-apple')?.summary)
      .toBe('Apple’s rewrite, as edited here');

    // Another browser changed the same summary after the backup both started from.
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const theirs = doc.items.find((i: { id: string }) => i.id === 'i-apple');
    const started = theirs.updatedAt;
    theirs.summary = 'The office’s version of the summary';
    theirs.updatedAt = started + 60_000;
    theirs.clocks = { summary: { at: `${started + 60_000}@office01`, base: `${started}@` } };
    const file = join(env.session.userDataDir, 'office-backup.json');
    writeFileSync(file, JSON.stringify(doc));
    await restore(file, '1 conflicts');

    await expect.poll(() => card.locator('.badge.warn').textContent()).toBe('Changed in two places');
    const conflict = card.locator('.conflict');
    await expect.poll(() => conflict.textContent()).toContain('The office’s version of the summary');
    expect(await conflict.textContent()).toContain('Apple’s rewrite, as edited here');
    expect(await summary.inputValue()).toBe('Apple’s rewrite, as edited here');
    await card.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: `${OUT}/popup-conflict-${colorScheme}.png` });
    expect(await axeViolations(popup)).toEqual([]);

    // The edit here is the later one, so it is shown; the office's is the other choice.
    await conflict.getByRole('button', { name: 'Use the other' }).click();
    await expect.poll(() => summary.inputValue()).toBe('The office’s version of the summary');
    expect(await card.locator('.conflict').count()).toBe(0);
    const stored = (await readEntries(options)).find((e) => e.id === 'i-apple');
    expect(stored?.conflicts).toBeUndefined();

    // Restoring the office's file again raises nothing: the choice follows both changes.
    await options.getByLabel('Restore from a backup file').setInputFiles(file);
    await expect.poll(() => options.locator('.plan').textContent()).toContain('0 conflicts');
    await options.getByRole('button', { name: 'Cancel' }).click();
  });
});
