import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtension } from '../harness/extension';

/**
 * The schema upgrade in the real browser's IndexedDB: a database laid out exactly as version 2
 * left it (object stores and indexes as Dexie created them, IndexedDB version 20), written with the
 * raw API, then opened by the shipped module.
 */
describe('database upgrade in Chromium', () => {
  const env = useExtension();

  async function writeVersion2(page: Page, name: string) {
    await page.evaluate(
      (dbName) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(dbName, 20);
          open.onupgradeneeded = () => {
            const db = open.result;
            const clips = db.createObjectStore('clips', { keyPath: 'id' });
            for (const index of ['weekId', 'canonicalUrl', 'updatedAt', 'deletedAt']) clips.createIndex(index, index);
            clips.createIndex('[weekId+sectionId]', ['weekId', 'sectionId']);
            clips.createIndex('terms', 'terms', { multiEntry: true });
            clips.createIndex('tags', 'tags', { multiEntry: true });
            db.createObjectStore('sections', { keyPath: 'id' }).createIndex('order', 'order');
            db.createObjectStore('settings', { keyPath: 'key' });
            db.createObjectStore('weeks', { keyPath: 'id' });
            const tx = open.transaction as IDBTransaction;
            tx.objectStore('sections').put({ id: 'briefs', name: '本周要闻速览', kind: 'briefs', order: 1 });
            tx.objectStore('sections').put({ id: 'analysis', name: 'Deep', kind: 'analysis', order: 2 });
            const clip = (id: string, extra: object) => ({
              id,
              pageUrl: `https://e.example/${id}`,
              canonicalUrl: `https://e.example/${id}`,
              title: `Title ${id}`,
              source: 'E',
              quotes: [{ text: `quote ${id}`, createdAt: 1 }],
              summary: '',
              note: '',
              sectionId: 'briefs',
              tags: [],
              weekId: '2026-01-26',
              order: 'i',
              terms: ['stale'],
              createdAt: 1,
              updatedAt: 1,
              ...extra,
            });
            tx.objectStore('clips').put(clip('a', { order: 'a', storyId: 's', summary: 'story' }));
            tx.objectStore('clips').put(clip('b', { order: 'b', storyId: 's' }));
            tx.objectStore('clips').put(clip('c', { order: 'c', sectionId: 'analysis', note: '- one\n- two' }));
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
      name,
    );
  }

  it('turns version 2 clips into sources and items, a story into one item citing both', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.waitForFunction(() => 'digestClipperTest' in globalThis);
    const name = `upgrade-${Date.now()}`;
    await writeVersion2(options, name);
    const result = await options.evaluate(async (dbName) => {
      // biome-ignore lint/suspicious/noExplicitAny: the e2e build's test hook is untyped here.
      const { openDatabase, searchItems } = (globalThis as any).digestClipperTest;
      const db = openDatabase(dbName);
      await db.open();
      const out = {
        version: db.verno,
        tables: db.tables.map((t: { name: string }) => t.name).sort(),
        sources: (await db.sources.toArray()).map((s: { id: string }) => s.id),
        items: (await db.items.orderBy('id').toArray()).map(
          (i: { id: string; sourceIds: string[]; summary: string; note: string }) => [
            i.id,
            i.sourceIds.join('+'),
            i.summary,
            i.note,
          ],
        ),
        found: (await searchItems(db, 'quote')).map((i: { id: string }) => i.id),
        stale: (await searchItems(db, 'stale')).length,
        nameEn: (await db.sections.get('briefs')).nameEn,
      };
      db.close();
      return out;
    }, name);
    expect(result).toEqual({
      version: 7,
      tables: ['items', 'postings', 'sections', 'settings', 'sources', 'synced', 'tombstones', 'weeks'],
      sources: ['a', 'b', 'c'],
      items: [
        ['a', 'a+b', 'story', ''],
        ['c', 'c', '', '- one\n- two'],
      ],
      found: expect.arrayContaining(['a', 'c']),
      stale: 0,
      nameEn: 'This Week in Brief',
    });
  });

  /** A database as version 4 left it: items with the multi-entry `terms` index (IndexedDB version 40). */
  async function writeVersion4(context: Page | Worker, name: string, count: number) {
    // Page and Worker evaluate alike; TypeScript cannot call through their union.
    await (context as Page).evaluate(
      ([dbName, n]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(dbName as string, 40);
          open.onupgradeneeded = () => {
            const db = open.result;
            const sources = db.createObjectStore('sources', { keyPath: 'id' });
            sources.createIndex('canonicalUrl', 'canonicalUrl');
            sources.createIndex('updatedAt', 'updatedAt');
            const items = db.createObjectStore('items', { keyPath: 'id' });
            for (const index of ['weekId', 'updatedAt', 'deletedAt']) items.createIndex(index, index);
            items.createIndex('[weekId+sectionId]', ['weekId', 'sectionId']);
            items.createIndex('terms', 'terms', { multiEntry: true });
            items.createIndex('tags', 'tags', { multiEntry: true });
            items.createIndex('sourceIds', 'sourceIds', { multiEntry: true });
            db.createObjectStore('sections', { keyPath: 'id' }).createIndex('order', 'order');
            db.createObjectStore('settings', { keyPath: 'key' });
            db.createObjectStore('weeks', { keyPath: 'id' });
            db.createObjectStore('tombstones', { keyPath: 'id' });
            const tx = open.transaction as IDBTransaction;
            tx.objectStore('sections').put({
              id: 'briefs',
              name: '本周要闻速览',
              nameEn: 'Briefs',
              kind: 'briefs',
              order: 1,
            });
            for (let i = 0; i < (n as number); i++) {
              const id = `v4-${i}`;
              const title = i % 2 ? `芯片 report ${i}` : `Model release ${i}`;
              tx.objectStore('sources').put({
                id,
                pageUrl: `https://e.example/${i}`,
                canonicalUrl: `https://e.example/${i}`,
                title,
                source: 'E',
                quotes: [],
                createdAt: 1,
                updatedAt: 1 + i,
              });
              const terms = i % 2 ? ['芯片', 'report', String(i), 'e'] : ['model', 'release', String(i), 'e'];
              tx.objectStore('items').put({
                id,
                weekId: '2026-01-26',
                sectionId: 'briefs',
                order: `i${i}x`,
                summary: '',
                note: '',
                tags: [],
                sourceIds: [id],
                terms,
                createdAt: 1,
                updatedAt: 1 + i,
              });
            }
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
      [name, count],
    );
  }

  it('moves version 4 search keys into the search index, and finds the same items', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.waitForFunction(() => 'digestClipperTest' in globalThis);
    const name = `upgrade-v4-${Date.now()}`;
    await writeVersion4(options, name, 600);
    const result = await options.evaluate(async (dbName) => {
      // biome-ignore lint/suspicious/noExplicitAny: the e2e build's test hook is untyped here.
      const { openDatabase, searchItems } = (globalThis as any).digestClipperTest;
      const db = openDatabase(dbName);
      await db.open();
      const ids = async (q: string) => (await searchItems(db, q)).map((i: { id: string }) => i.id);
      const out = {
        version: db.verno,
        indexes: db.items.schema.indexes.map((i: { name: string }) => i.name).sort(),
        chips: (await ids('芯片 599')).concat(await ids('芯')).slice(0, 3),
        models: (await ids('model rel')).length,
        one: await ids('release 598'),
        none: await ids('report 598'),
        rows: await db.postings.count(),
      };
      db.close();
      return out;
    }, name);
    expect(result).toEqual({
      version: 7,
      indexes: ['[weekId+sectionId]', 'deletedAt', 'sourceIds', 'tags', 'updatedAt', 'weekId'],
      // Newest first: 599 is the newest Chinese item, then 597.
      chips: ['v4-599', 'v4-599', 'v4-597'],
      models: 50,
      one: ['v4-598'],
      none: [],
      rows: expect.any(Number),
    });
    expect(result.rows).toBeGreaterThan(600);
  });

  it('upgrades in the background too, where code may not load lazily (a service worker)', async () => {
    const name = `upgrade-v4-worker-${Date.now()}`;
    await writeVersion4(env.session.worker, name, 3);
    const result = await env.session.worker.evaluate(async (dbName) => {
      // biome-ignore lint/suspicious/noExplicitAny: the e2e build's test hook is untyped here.
      const { openDatabase } = (globalThis as any).digestClipperTest;
      const db = openDatabase(dbName);
      await db.open();
      const out = { version: db.verno, rows: await db.postings.count() };
      db.close();
      return out;
    }, name);
    expect(result.version).toBe(7);
    expect(result.rows).toBeGreaterThan(3);
  });

  it('opens a version 6 database as version 7: its records intact, an empty store of what a team database had', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.waitForFunction(() => 'digestClipperTest' in globalThis);
    const name = `upgrade-v6-${Date.now()}`;
    const result = await options.evaluate(async (dbName) => {
      // Version 6 as Dexie left it (IndexedDB version 60): sources found by pageUrl, the search index store.
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName, 60);
        open.onupgradeneeded = () => {
          const db = open.result;
          const sources = db.createObjectStore('sources', { keyPath: 'id' });
          for (const index of ['canonicalUrl', 'updatedAt', 'pageUrl']) sources.createIndex(index, index);
          const items = db.createObjectStore('items', { keyPath: 'id' });
          for (const index of ['weekId', 'updatedAt', 'deletedAt']) items.createIndex(index, index);
          items.createIndex('[weekId+sectionId]', ['weekId', 'sectionId']);
          items.createIndex('tags', 'tags', { multiEntry: true });
          items.createIndex('sourceIds', 'sourceIds', { multiEntry: true });
          db.createObjectStore('sections', { keyPath: 'id' }).createIndex('order', 'order');
          for (const store of ['settings', 'weeks', 'tombstones', 'postings'])
            db.createObjectStore(store, { keyPath: store === 'settings' || store === 'postings' ? 'key' : 'id' });
          const tx = open.transaction as IDBTransaction;
          tx.objectStore('sources').put({
            id: 's',
            pageUrl: 'https://e.example/a?utm=x',
            canonicalUrl: 'https://e.example/a',
            title: 'Kept',
            source: 'E',
            quotes: [],
            createdAt: 1,
            updatedAt: 1,
          });
        };
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
      // biome-ignore lint/suspicious/noExplicitAny: the e2e build's test hook is untyped here.
      const { openDatabase } = (globalThis as any).digestClipperTest;
      const db = openDatabase(dbName);
      await db.open();
      const out = {
        version: db.verno,
        synced: await db.synced.count(),
        title: (await db.sources.where('pageUrl').equals('https://e.example/a?utm=x').first())?.title,
      };
      db.close();
      return out;
    }, name);
    expect(result).toEqual({ version: 7, synced: 0, title: 'Kept' });
  });
});
