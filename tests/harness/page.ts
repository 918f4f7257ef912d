import type { Page, Worker } from 'playwright-core';
import { postingRows, type TermRow } from '../../lib/store/term-index';
import type { Item, Source } from '../../lib/types';

/** Selects the text of an element the way a reader's drag would. */
export async function selectText(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`No element ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, selector);
}

export type ExtensionContext = Page | Worker;

/**
 * One transaction on a store of our database, straight through IndexedDB (no app code): read
 * every record, clear the store, or put records. Resolves when the transaction completes.
 */
function onStore<T>(
  context: ExtensionContext,
  store: string,
  operation: 'getAll' | 'clear' | 'put',
  rows: unknown[] = [],
): Promise<T> {
  // Page and Worker evaluate alike; TypeScript cannot call through their union.
  return (context as Page).evaluate(
    ([name, op, records]) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('digest-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, op === 'getAll' ? 'readonly' : 'readwrite');
          const objects = tx.objectStore(name);
          let result: unknown;
          if (op === 'getAll') objects.getAll().onsuccess = (e) => (result = (e.target as IDBRequest).result);
          else if (op === 'clear') objects.clear();
          else for (const row of records as unknown[]) objects.put(row);
          tx.oncomplete = () => {
            db.close();
            resolve(result as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, operation, rows] as const,
  );
}

/** Every stored item, read straight from IndexedDB (no app code involved). */
export function readAllItems(context: ExtensionContext): Promise<Item[]> {
  return onStore<Item[]>(context, 'items', 'getAll');
}

/** Every stored source, read straight from IndexedDB. */
export function readAllSources(context: ExtensionContext): Promise<Source[]> {
  return onStore<Source[]>(context, 'sources', 'getAll');
}

/** Empties the items, sources and the search index (test setup). */
export async function clearRecords(context: ExtensionContext): Promise<void> {
  await onStore<undefined>(context, 'items', 'clear');
  await onStore<undefined>(context, 'sources', 'clear');
  await onStore<undefined>(context, 'postings', 'clear');
}

/**
 * Adds items written straight into the store (with their `terms`) to the search index, as the app's
 * writes would: rows already there keep their ids.
 */
export async function indexItems(context: ExtensionContext, items: { id: string; terms?: string[] }[]): Promise<void> {
  const existing = new Map(
    (await onStore<TermRow[]>(context, 'postings', 'getAll')).map((row) => [row.key, row.ids] as const),
  );
  const rows = postingRows(items).map((row) => ({
    key: row.key,
    ids: [...new Set([...(existing.get(row.key) ?? []), ...row.ids])],
  }));
  await onStore<undefined>(context, 'postings', 'put', rows);
}

/** Writes records straight into a store of our database (test setup, no app code involved). */
export async function putRecords(context: ExtensionContext, store: string, records: unknown[]): Promise<void> {
  await onStore<undefined>(context, store, 'put', records);
}

/**
 * An item with its first source's page fields, flattened so tests can assert on one record
 * (an item of the editor's own has no page fields at run time).
 */
export type Entry = Item & Omit<Source, 'id' | 'createdAt' | 'updatedAt'> & { sources: Source[] };

/** Every stored item joined with its sources, read straight from IndexedDB. */
export async function readEntries(context: ExtensionContext): Promise<Entry[]> {
  const [items, sources] = await Promise.all([readAllItems(context), readAllSources(context)]);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return items.map((item) => {
    const cited = item.sourceIds.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
    const { id: _id, createdAt: _c, updatedAt: _u, ...page } = cited[0] ?? ({} as Source);
    return { ...(page as Omit<Source, 'id' | 'createdAt' | 'updatedAt'>), ...item, sources: cited };
  });
}
