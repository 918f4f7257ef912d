import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { weekIdFor, weekRange } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { type ExtensionSession, launchExtension, useExtension } from '../harness/extension';
import { startFixtureServer } from '../harness/fixture-server';
import { clearRecords, readEntries, selectText } from '../harness/page';

describe('nothing lost: faults in the real browser', () => {
  const env = useExtension();

  /** Opens the fixture article `count` times, each copy changed by `edit`, with its quote selected. */
  async function openCopies(count: number, query: string, edit: (n: number) => void): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const page = await env.session.context.newPage();
      await page.goto(env.server.url(`wire-article.html?${query}=${i}`));
      await page.evaluate(edit, i);
      await selectText(page, '#quote');
      ids.push(await env.session.tabIdOf(page));
    }
    return ids;
  }

  beforeEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
    await clearRecords(env.session.worker);
  });

  it('clips 20 tabs at the same moment: 20 clips, every quote kept', async () => {
    const ids = await openCopies(20, 'copy', (n) => {
      document.querySelector('link[rel=canonical]')?.setAttribute('href', `/copies/${n}`);
      (document.querySelector('#quote') as HTMLElement).textContent = `Quote number ${n}.`;
    });
    await env.session.quickClip(...ids);
    const clips = await readEntries(env.session.worker);
    expect(clips).toHaveLength(20);
    expect(clips.flatMap((c) => c.quotes.map((q) => q.text)).sort()).toEqual(
      Array.from({ length: 20 }, (_, n) => `Quote number ${n}.`).sort(),
    );
  });

  it('merges 20 quotes from tabs of the same page at once without losing one', async () => {
    const ids = await openCopies(20, 'same', (n) => {
      (document.querySelector('#quote') as HTMLElement).textContent = `Same page, quote ${n}.`;
    });
    await env.session.quickClip(...ids);
    const clips = await readEntries(env.session.worker);
    expect(clips).toHaveLength(1);
    expect(clips[0]?.quotes).toHaveLength(20);
  });

  it('survives the service worker being stopped in the middle of a clip', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('wire-article.html'));
    await selectText(page, '#quote');
    const tabId = await env.session.tabIdOf(page);
    const cdp = await env.session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const pending = env.session.quickClip(tabId).catch(() => 'stopped');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await pending;
    // Whatever the moment, the clip is either whole or absent: never half-written.
    const after = await waitForWorker(env.session);
    const clips = await readEntries(after);
    expect(clips.length).toBeLessThanOrEqual(1);
    for (const clip of clips) {
      expect(clip.title).toBe('Apple to buy Israeli audio AI startup Q.ai');
      expect(clip.quotes).toHaveLength(1);
    }
    // The extension keeps working: the next clip lands.
    const popup = await env.session.openPopup(tabId);
    await expect
      .poll(() => popup.getByLabel('Title').inputValue(), { timeout: 10_000 })
      .toBe('Apple to buy Israeli audio AI startup Q.ai');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.locator('.notice--success').first().textContent()).not.toBeNull();
    expect(await readEntries(popup)).toHaveLength(1);
  });

  it('reports a full disk clearly and keeps what is stored intact', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('wire-article.html'));
    await selectText(page, '#quote');
    const tabId = await env.session.tabIdOf(page);
    await env.session.quickClip(tabId);
    const before = await readEntries(env.session.worker);
    expect(before).toHaveLength(1);

    const other = await env.session.context.newPage();
    await other.goto(env.server.url('zhihu-article.html'));
    await other.evaluate(() => {
      (document.querySelector('#second') as HTMLElement).textContent = '长'.repeat(2_000_000);
    });
    await selectText(other, '#second');
    const popup = await env.session.openPopup(await env.session.tabIdOf(other));
    await expect.poll(() => popup.getByLabel('Title').inputValue()).not.toBe('');
    // unlimitedStorage exempts the extension from quota, so the DevTools quota override has no
    // effect on it; the disk filling up is injected as the error IndexedDB raises then.
    await popup.evaluate(() => {
      for (const method of ['add', 'put'] as const) {
        IDBObjectStore.prototype[method] = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
    });
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('alert').last().textContent()).toContain('the disk is full');
    expect(await popup.getByRole('alert').last().textContent()).toContain('Nothing already saved was changed');
    await popup.reload();
    expect(await readEntries(popup)).toEqual(before);
  });
});

describe('a browser restart between clip and export', () => {
  it('keeps the clip and exports it after the restart', async () => {
    const server = await startFixtureServer();
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const profile = mkdtempSync(join(tmpdir(), 'digest-clipper-restart-'));
    try {
      let session = await launchExtension({ userDataDir: profile });
      const page = await session.context.newPage();
      await page.goto(server.url('wire-article.html'));
      await selectText(page, '#quote');
      await session.quickClip(await session.tabIdOf(page));
      await session.close();

      session = await launchExtension({ userDataDir: profile });
      const popup = await session.openPopup();
      const { end } = weekRange(weekIdFor(Date.now()));
      await popup.getByRole('button', { name: 'Export draft' }).click();
      const draft = await readDownload(session.downloadsDir, `ai-weekly-info-${end}.md`);
      expect(draft).toContain('Apple to buy Israeli audio AI startup Q.ai');
      expect(draft).toContain(
        '> The technology will help *AirPods* understand speech in noisy rooms, the company said.',
      );
      await session.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
      await server.close();
    }
  });
});

async function waitForWorker(session: ExtensionSession): Promise<Page | ExtensionSession['worker']> {
  // A stopped worker restarts on the next event; an extension page reads the database meanwhile.
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}
