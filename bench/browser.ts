import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { postingRows } from '../lib/store/term-index';
import { weekIdFor } from '../lib/week';
import { E2E_BUILD, type ExtensionSession, launchExtension } from '../tests/harness/extension';
import { startFixtureServer } from '../tests/harness/fixture-server';
import { clearRecords, putRecords } from '../tests/harness/page';
import { BIG, emit, median, quick, RUNS, SMALL } from './config';
import { bigArticle, makeRecords } from './fixtures';

/** Median time of a script run in the page: its source is inlined into a timing loop. */
async function pageTime(page: Page, script: string, runs: number): Promise<number> {
  return page.evaluate(`(() => {
    const times = [];
    for (let i = 0; i < ${runs}; i++) {
      const t0 = performance.now();
      {
        ${script}
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  })()`) as Promise<number>;
}

/** Extraction, clip round trip, popup week view, search and backup, in the e2e build in Chromium. */
export async function browserFigures() {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  writeFileSync(join(dir, 'big.html'), bigArticle(2 * 1024 * 1024));
  const server = await startFixtureServer(dir);
  const session = await launchExtension({ buildDir: E2E_BUILD });
  try {
    // Extraction on a 2 MB page: our extractor (the injected clipper, as shipped) vs Readability.
    const page = await session.context.newPage();
    await page.goto(server.url('big.html'));
    const clipper = readFileSync(join(E2E_BUILD, 'clipper.js'), 'utf8');
    const readability = readFileSync(
      createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
      'utf8',
    );
    await page.evaluate(`(function(){var module={exports:{}};${readability};window.__Readability=module.exports;})()`);
    const ours = await pageTime(page, clipper, RUNS * 3);
    const theirs = await pageTime(page, 'new window.__Readability(document.cloneNode(true)).parse();', RUNS);
    const clone = await pageTime(page, 'document.cloneNode(true);', RUNS);
    emit('extract_2mb_page', ours, 'ms');
    emit('readability_2mb_page', theirs - clone, 'ms');
    emit('readability_over_extract', (theirs - clone) / ours, 'ratio');

    // Clip round trip: the shortcut's handler, from request to stored row, on the 2 MB page.
    const tabId = await session.tabIdOf(page);
    const roundTrips: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await clearRecords(session.worker);
      const t0 = performance.now();
      await session.quickClip(tabId);
      roundTrips.push(performance.now() - t0);
    }
    emit('clip_round_trip_2mb_page', median(roundTrips), 'ms');

    // The popup's week view with few and with many clips stored: only the week is read. Two
    // browsers, one per database, measured alternately so machine noise falls on both alike; both
    // databases are left to settle (IndexedDB compacts after a large write) before measuring.
    const thisWeek = weekIdFor(Date.now());
    const small = await launchExtension({ buildDir: E2E_BUILD });
    try {
      const seed = async (target: ExtensionSession, total: number) => {
        await clearRecords(target.worker);
        const { sources, items } = makeRecords(total, thisWeek, SMALL);
        for (let i = 0; i < items.length; i += 5_000) {
          await putRecords(target.worker, 'sources', sources.slice(i, i + 5_000));
          await putRecords(target.worker, 'items', items.slice(i, i + 5_000));
        }
        const postings = postingRows(items);
        for (let i = 0; i < postings.length; i += 20_000)
          await putRecords(target.worker, 'postings', postings.slice(i, i + 20_000));
        const article = await target.context.newPage();
        await article.goto(server.url('big.html?popup-target'));
        return target.tabIdOf(article);
      };
      const targets = [
        { session: small, tab: await seed(small, SMALL), times: [] as number[] },
        { session, tab: await seed(session, BIG), times: [] as number[] },
      ];
      await new Promise((r) => setTimeout(r, quick ? 500 : 10_000));
      for (let i = 0; i < RUNS + 1; i++) {
        for (const target of targets) {
          const popup = await target.session.context.newPage();
          await popup.setViewportSize({ width: 400, height: 600 });
          await popup.goto(`chrome-extension://${target.session.extensionId}/popup.html?tabId=${target.tab}`);
          // Time since the popup's navigation started, read in the page when the week is on screen.
          const shown = await popup.waitForFunction(
            (n) => (document.querySelectorAll('li.clip').length === n ? performance.now() : 0),
            SMALL,
            { polling: 'raf' },
          );
          if (i > 0) target.times.push((await shown.jsonValue()) as number);
          await popup.close();
        }
      }
      const [few, many] = targets.map((t) => median(t.times)) as [number, number];
      emit(`popup_week_view_${SMALL}_clips`, few, 'ms');
      emit(`popup_week_view_${BIG}_clips`, many, 'ms');
      emit(`popup_week_view_${BIG}_over_${SMALL}`, many / few, 'ratio');
    } finally {
      await small.close();
    }

    // Search, backup export and import with BIG clips stored (still seeded from above).
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForFunction(() => 'digestClipperTest' in globalThis);
    const inOptions = <T>(fn: string) => options.evaluate(fn) as Promise<T>;
    const search = await inOptions<number>(`(async () => {
      const { db, searchItems } = globalThis.digestClipperTest;
      const queries = ['大模', 'chip', 'model training', 'kalomi', '42'];
      const times = [];
      for (let r = 0; r < ${RUNS}; r++) for (const q of queries) { const t0 = performance.now(); await searchItems(db, q); times.push(performance.now() - t0); }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    })()`);
    emit(`search_${BIG}_clips`, search, 'ms');
    const backup = await inOptions<{
      exportMs: number;
      importMs: number;
      bytes: number;
      heapMb: number;
    }>(`(async () => {
      const { db, openDatabase, createBackupBlob, parseBackup, applyRestore } = globalThis.digestClipperTest;
      // The export as the options page runs it (records read in chunks into a Blob), with the page's
      // JS heap sampled while it runs: its peak above where it started says whether memory stays flat.
      const heap = () => performance.memory ? performance.memory.usedJSHeapSize : 0;
      const base = heap();
      let peak = base;
      const sampler = setInterval(() => { peak = Math.max(peak, heap()); }, 5);
      let t0 = performance.now();
      const blob = await createBackupBlob(db);
      const exportMs = performance.now() - t0;
      clearInterval(sampler);
      peak = Math.max(peak, heap());
      const text = await blob.text();
      const target = openDatabase('bench-import-' + Math.random());
      await target.open();
      t0 = performance.now();
      const parsed = parseBackup(text);
      await applyRestore(target, parsed.backup, Date.now());
      const importMs = performance.now() - t0;
      target.close();
      return { exportMs, importMs, bytes: text.length, heapMb: (peak - base) / 1024 / 1024 };
    })()`);
    emit(`backup_export_${BIG}_clips`, backup.exportMs, 'ms');
    emit(`backup_export_heap_peak_${BIG}_clips`, backup.heapMb, 'MB');
    emit(`backup_import_${BIG}_clips`, backup.importMs, 'ms');
    emit('backup_size', backup.bytes / 1024 / 1024, 'MB');
  } finally {
    await session.close();
    await server.close();
  }
}
