import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDoc } from '../lib/sync/docs';
import { weekIdFor } from '../lib/week';
import { E2E_BUILD, launchExtension } from '../tests/harness/extension';
import { startFixtureServer } from '../tests/harness/fixture-server';
import { connectInOptions, startTeam } from '../tests/harness/team-server';
import { BIG, emit, median, quick, SMALL } from './config';
import { makeRecords } from './fixtures';

/**
 * Team sync (docs/sync.md), against the local team server on 127.0.0.1: the time from one editor's save
 * to the other's screen (median of 20), and a new editor's first sync of BIG items (and their sources)
 * next to a restore of the same records and the floor, a raw IndexedDB write of them, in the same run.
 */
export async function teamFigures() {
  const team = await startTeam();
  const dir = mkdtempSync(join(tmpdir(), 'digest-team-bench-'));
  const pages = quick ? 3 : 20;
  for (let i = 0; i < pages; i++)
    writeFileSync(
      join(dir, `story-${i}.html`),
      `<!doctype html><html lang="en"><head><title>Story ${i}</title><link rel="canonical" href="https://news.example/story-${i}">` +
        `<meta property="og:site_name" content="Wire"></head><body><article><h1>Story ${i}</h1><p>${'Words. '.repeat(200)}</p></article></body></html>`,
    );
  const server = await startFixtureServer(dir);
  const [ann, bob] = await Promise.all([
    launchExtension({ buildDir: E2E_BUILD }),
    launchExtension({ buildDir: E2E_BUILD }),
  ]);
  try {
    for (const [session, user] of [
      [ann, 'ann'],
      [bob, 'bob'],
    ] as const)
      await (await connectInOptions(session, team, user)).close();
    const panel = await bob.context.newPage();
    await panel.goto(`chrome-extension://${bob.extensionId}/sidepanel.html`);
    await panel.waitForSelector('[data-testid="team-indicator"]');
    const times: number[] = [];
    for (let i = 0; i < pages; i++) {
      const article = await ann.context.newPage();
      await article.goto(server.url(`story-${i}.html`));
      await ann.quickClip(await ann.tabIdOf(article));
      const saved = performance.now();
      await panel.waitForFunction((n) => document.querySelectorAll('li.clip').length >= n, i + 1, { polling: 'raf' });
      times.push(performance.now() - saved);
      await article.close();
    }
    emit('team_save_to_other_screen', median(times), 'ms');

    // A new editor joins a team with a long archive: BIG items and their sources on the server.
    const { sources, items } = makeRecords(BIG, weekIdFor(Date.now()), SMALL);
    const db = 'archive';
    const { setupTeam } = await import('../scripts/team-setup');
    await setupTeam({ url: team.url, db, admin: team.server.admin, members: [{ user: 'bob', password: 'pw-bob' }] });
    const admin = `Basic ${Buffer.from(`${team.server.admin.user}:${team.server.admin.password}`).toString('base64')}`;
    const docs = [
      ...sources.map((record) => toDoc({ kind: 'source', record })),
      ...items.map(({ terms: _t, ...record }) => toDoc({ kind: 'item', record })),
    ];
    for (let i = 0; i < docs.length; i += 2_000) {
      const answer = await fetch(`${team.url}/${db}/_bulk_docs`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ docs: docs.slice(i, i + 2_000) }),
      });
      if (answer.status !== 201) throw new Error(`seeding the archive: ${answer.status}`);
    }
    const options = await bob.context.newPage();
    await options.goto(`chrome-extension://${bob.extensionId}/options.html`);
    await options.waitForFunction(() => 'digestClipperTest' in globalThis);
    const figures = (await options.evaluate(
      `(async () => {
        const { openDatabase, signIn, syncRound, createBackup, parseBackup, applyRestore } = globalThis.digestClipperTest;
        const connection = { url: ${JSON.stringify(team.url)}, db: ${JSON.stringify(db)}, user: 'bob' };
        const fetcher = (u, o) => fetch(u, o);
        await signIn(fetcher, connection, 'pw-bob');
        const joining = openDatabase('bench-join-' + Math.random());
        await joining.open();
        let t0 = performance.now();
        await syncRound({ db: joining, fetch: fetcher, now: () => Date.now(), connection }, { scanFrom: 0 });
        const syncMs = performance.now() - t0;
        const records = { items: await joining.items.count(), sources: await joining.sources.count() };
        // The same records restored from a backup file into another empty database.
        const parsed = parseBackup(await createBackup(joining));
        const restoring = openDatabase('bench-restore-' + Math.random());
        await restoring.open();
        t0 = performance.now();
        await applyRestore(restoring, parsed.backup, Date.now());
        const restoreMs = performance.now() - t0;
        // The floor: the same records put into IndexedDB with the same indexes, nothing else.
        const raw = await new Promise((resolve, reject) => {
          const open = indexedDB.open('bench-floor-' + Math.random(), 1);
          open.onupgradeneeded = () => {
            const s = open.result.createObjectStore('sources', { keyPath: 'id' });
            for (const i of ['canonicalUrl', 'updatedAt', 'pageUrl']) s.createIndex(i, i);
            const it = open.result.createObjectStore('items', { keyPath: 'id' });
            for (const i of ['weekId', 'updatedAt', 'deletedAt']) it.createIndex(i, i);
            it.createIndex('weekId+sectionId', ['weekId', 'sectionId']);
            it.createIndex('tags', 'tags', { multiEntry: true });
            it.createIndex('sourceIds', 'sourceIds', { multiEntry: true });
          };
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const all = { sources: parsed.backup.sources, items: parsed.backup.items };
        t0 = performance.now();
        for (const store of ['sources', 'items']) {
          const list = all[store];
          for (let i = 0; i < list.length; i += 500) {
            await new Promise((resolve, reject) => {
              const tx = raw.transaction(store, 'readwrite');
              for (const r of list.slice(i, i + 500)) tx.objectStore(store).put(r);
              tx.oncomplete = resolve;
              tx.onerror = () => reject(tx.error);
            });
          }
        }
        const floorMs = performance.now() - t0;
        return { syncMs, restoreMs, floorMs, records };
      })()`,
    )) as { syncMs: number; restoreMs: number; floorMs: number; records: { items: number; sources: number } };
    if (figures.records.items !== BIG || figures.records.sources !== BIG)
      throw new Error(`first sync brought ${JSON.stringify(figures.records)}, not ${BIG} each`);
    emit(`team_first_sync_${BIG}_items`, figures.syncMs, 'ms');
    emit(`restore_${BIG}_items`, figures.restoreMs, 'ms');
    emit(`idb_floor_${BIG}_items`, figures.floorMs, 'ms');
    emit('team_first_sync_over_floor', figures.syncMs / figures.floorMs, 'ratio');
    emit('restore_over_floor', figures.restoreMs / figures.floorMs, 'ratio');
  } finally {
    await Promise.all([ann.close(), bob.close()]);
    await server.close();
    await team.server.close();
  }
}
