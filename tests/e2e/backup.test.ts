import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDate } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { type ExtensionSession, launchExtension } from '../harness/extension';
import { clearRecords, readEntries } from '../harness/page';

const EXAMPLE = join(__dirname, '../../docs/examples/backup.json');

describe('backup and restore in the options page', () => {
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.locator('.sections-editor li').first().waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a dry run, restores the example backup, and downloads an identical backup', async () => {
    await options.getByLabel('Restore from a backup file').setInputFiles(EXAMPLE);
    const plan = options.locator('.plan');
    await expect
      .poll(() => plan.textContent())
      .toContain('This backup has 26 new, 0 updated and 0 unchanged records (entries and sources), and 0 conflicts');
    expect(await readEntries(options)).toEqual([]);
    await options.getByRole('button', { name: 'Restore now' }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toBe('Restored: 26 new, 0 updated.');
    expect(await readEntries(options)).toHaveLength(16);

    await options.getByLabel('Restore from a backup file').setInputFiles(EXAMPLE);
    await expect.poll(() => plan.textContent()).toContain('0 new, 0 updated and 26 unchanged');
    await options.getByRole('button', { name: 'Cancel' }).click();

    await options.getByRole('button', { name: 'Download backup' }).click();
    const filename = `digest-clipper-backup-${civilDate(Date.now())}.json`;
    const downloaded = await readDownload(session.downloadsDir, filename);
    expect(downloaded).toBe(readFileSync(EXAMPLE, 'utf8'));
    // The flow ends when the page says so (after recording the backup): a later message must not race it.
    await expect.poll(() => options.getByRole('status').last().textContent()).toBe(`Saved ${filename}.`);
  });

  it('refuses a file that is not a backup whole, and leaves the data unchanged', async () => {
    const before = await readEntries(options);
    const truncated = join(session.userDataDir, 'truncated.json');
    writeFileSync(truncated, readFileSync(EXAMPLE, 'utf8').slice(0, 500));
    await options.getByLabel('Restore from a backup file').setInputFiles(truncated);
    const alert = options.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/This backup was refused; nothing was changed\.[\s\S]*not valid JSON/);
    expect(await readEntries(options)).toEqual(before);
  });

  it('restores every good record of a backup with a bad one, naming the bad one first', async () => {
    await clearRecords(options);
    const corrupt = join(session.userDataDir, 'corrupt.json');
    writeFileSync(
      corrupt,
      readFileSync(EXAMPLE, 'utf8').replace(/"canonicalUrl": "[^"]+"/, '"canonicalUrl": "not a url"'),
    );
    await options.getByLabel('Restore from a backup file').setInputFiles(corrupt);
    const plan = options.locator('.plan');
    await expect.poll(() => plan.textContent()).toContain('Some of this backup cannot be restored as it is (2)');
    const listed = await options.getByRole('list', { name: 'What cannot be restored as it is' }).textContent();
    expect(listed).toContain('Skipped sources[0].canonicalUrl: not a URL');
    expect(listed).toContain('no source "s-apple" in this backup');
    expect(await readEntries(options)).toEqual([]);
    await options.getByRole('button', { name: 'Restore now' }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toContain('Restored: 25 new, 0 updated.');
    const restored = await readEntries(options);
    expect(restored).toHaveLength(16);
    // The brief that cited the bad source keeps its words, without the link.
    expect(restored.find((e) => e.id === 'i-apple')).toMatchObject({ sourceIds: [], sources: [] });
  });

  it('shows a large restore’s progress with counts, and Cancel keeps everything as it was', async () => {
    await clearRecords(options);
    // The example backup with 6,000 more pages, each cited by one brief.
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    for (let i = 0; i < 6_000; i++) {
      doc.sources.push({
        id: `big-s${i}`,
        pageUrl: `https://big.example/${i}`,
        canonicalUrl: `https://big.example/${i}`,
        title: `Big page ${i}`,
        source: 'Big',
        quotes: [{ text: `A passage of page ${i}.`, createdAt: 1 }],
        createdAt: 1,
        updatedAt: 1,
      });
      doc.items.push({
        id: `big-i${i}`,
        weekId: '2026-01-26',
        sectionId: 'briefs',
        order: `z${String(i).padStart(5, '0')}v`,
        summary: `Big summary ${i}`,
        note: '',
        tags: [],
        sourceIds: [`big-s${i}`],
        createdAt: 1,
        updatedAt: 1,
      });
    }
    const big = join(session.userDataDir, 'big.json');
    writeFileSync(big, JSON.stringify(doc));
    const restoreBig = async () => {
      await options.getByLabel('Restore from a backup file').setInputFiles(big);
      await expect.poll(() => options.locator('.plan').textContent(), { timeout: 30_000 }).toContain('12,026 new');
      await options.getByRole('button', { name: 'Restore now' }).click();
    };
    await restoreBig();
    const progress = options.locator('.restore-progress');
    await expect
      .poll(() => progress.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/^Writing [\d,]+ of 12,0\d\d records…$/);
    expect(Number(await progress.locator('progress').getAttribute('value'))).toBeGreaterThan(0);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => options.getByRole('status').last().textContent(), { timeout: 30_000 })
      .toBe('Restore cancelled: nothing was changed.');
    expect(await readEntries(options)).toEqual([]);

    await restoreBig();
    await expect
      .poll(() => options.getByRole('status').last().textContent(), { timeout: 60_000 })
      .toContain('Restored: 12,026 new');
    expect(await readEntries(options)).toHaveLength(6_016);
  }, 120_000);
});
