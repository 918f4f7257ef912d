import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { civilDate } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { type ExtensionSession, launchExtension } from '../harness/extension';
import { readEntries } from '../harness/page';

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
  });

  it('refuses a corrupt backup with the path of the problem and leaves the data unchanged', async () => {
    const before = await readEntries(options);
    const corrupt = join(session.userDataDir, 'corrupt.json');
    writeFileSync(
      corrupt,
      readFileSync(EXAMPLE, 'utf8').replace(/"canonicalUrl": "[^"]+"/, '"canonicalUrl": "not a url"'),
    );
    await options.getByLabel('Restore from a backup file').setInputFiles(corrupt);
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('This backup was refused; nothing was changed.');
    expect(await alert.textContent()).toContain('sources[0].canonicalUrl: not a URL');
    const truncated = join(session.userDataDir, 'truncated.json');
    writeFileSync(truncated, readFileSync(EXAMPLE, 'utf8').slice(0, 500));
    await options.getByLabel('Restore from a backup file').setInputFiles(truncated);
    await expect.poll(() => alert.textContent()).toContain('not valid JSON');
    expect(await readEntries(options)).toEqual(before);
  });
});
