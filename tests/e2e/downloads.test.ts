import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item, Source } from '../../lib/types';
import { civilDate, weekIdFor, weekRange } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { useExtension } from '../harness/extension';
import { clearRecords, putRecords } from '../harness/page';

/** A page with one very long quote, and its brief in this week. */
function bigRecords(
  count: number,
  quoteChars: number,
  weekId = weekIdFor(Date.now()),
): { sources: Source[]; items: Item[] } {
  const sources: Source[] = [];
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const id = `big-${i}`;
    // Chinese and ASCII mixed, with a marker at the end to prove the whole quote arrived.
    const quote = `${'长文本 long text '.repeat(Math.ceil(quoteChars / 14)).slice(0, quoteChars - 12)}END-OF-${String(i).padStart(4, '0')}`;
    sources.push({
      id,
      pageUrl: `https://big.example/${i}`,
      canonicalUrl: `https://big.example/${i}`,
      title: `Big page ${i}`,
      source: 'Big',
      quotes: [{ text: quote, createdAt: 1 }],
      createdAt: 1,
      updatedAt: 1,
    });
    items.push({
      id,
      weekId,
      sectionId: 'briefs',
      order: `i${i + 1}`,
      summary: `Big ${i}`,
      note: '',
      tags: [],
      sourceIds: [id],
      createdAt: 1,
      updatedAt: 1,
    });
  }
  return { sources, items };
}

describe('downloads', () => {
  const env = useExtension();

  it('exports a 5 MB draft whole through the background, and a second export replaces the first', async () => {
    await clearRecords(env.session.worker);
    const { sources, items } = bigRecords(1, 5_000_000);
    await putRecords(env.session.worker, 'sources', sources);
    await putRecords(env.session.worker, 'items', items);
    const popup = await env.session.openPopup();
    await popup.locator('li.clip').first().waitFor();
    const filename = `ai-weekly-info-${weekRange(weekIdFor(Date.now())).end}.md`;
    await popup.getByRole('button', { name: 'Export draft' }).click();
    await expect
      .poll(() => popup.getByRole('status').last().textContent(), { timeout: 30_000 })
      .toBe(`Downloaded ${filename}.`);
    const draft = await readDownload(env.session.downloadsDir, filename, 30_000);
    expect(draft.length).toBeGreaterThan(5_000_000);
    expect(draft).toContain('END-OF-0000');

    // The same export again replaces the week's draft (no `… (1).md`), and says the name the browser used.
    await popup.getByRole('button', { name: 'Export draft' }).click();
    const saved = () =>
      env.session.worker.evaluate(async () =>
        (await chrome.downloads.search({ state: 'complete' })).map((d) => d.filename.split(/[\\/]/).pop()),
      );
    await expect.poll(saved, { timeout: 30_000 }).toHaveLength(2);
    expect(await saved()).toEqual([filename, filename]);
    await expect
      .poll(() => popup.getByRole('status').last().textContent(), { timeout: 30_000 })
      .toBe(`Downloaded ${filename}.`);
    expect(readdirSync(env.session.downloadsDir).filter((f) => f.startsWith('ai-weekly-info-'))).toEqual([filename]);
    expect((await readDownload(env.session.downloadsDir, filename, 30_000)).length).toBe(draft.length);
  }, 120_000);

  it('downloads a 50 MB backup whole from the options page', async () => {
    await clearRecords(env.session.worker);
    // In an earlier week, so the options page's template preview (this week's draft) stays small.
    const { sources, items } = bigRecords(10, 5_000_000, '2025-01-06');
    for (let i = 0; i < sources.length; i++) {
      await putRecords(env.session.worker, 'sources', [sources[i]]);
      await putRecords(env.session.worker, 'items', [items[i]]);
    }
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Download backup' }).click();
    const filename = `digest-clipper-backup-${civilDate(Date.now())}.json`;
    await expect
      .poll(() => options.locator('.notice--success').last().textContent(), { timeout: 60_000 })
      .toContain('Saved digest-clipper-backup-');
    const text = await readDownload(env.session.downloadsDir, filename, 60_000);
    expect(statSync(join(env.session.downloadsDir, filename)).size).toBeGreaterThan(50_000_000);
    const backup = JSON.parse(text) as { sources: Source[] };
    expect(backup.sources.map((s) => s.quotes[0]?.text.slice(-11))).toEqual(
      sources.map((_, i) => `END-OF-${String(i).padStart(4, '0')}`),
    );
  }, 180_000);
});
