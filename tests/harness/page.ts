import type { Page, Worker } from 'playwright-core';
import type { Clip } from '../../lib/types';

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

type ExtensionContext = Page | Worker;

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

/** Every stored clip, read straight from IndexedDB (no app code involved). */
export function readAllClips(context: ExtensionContext): Promise<Clip[]> {
  return onStore<Clip[]>(context, 'clips', 'getAll');
}

export async function clearClips(context: ExtensionContext): Promise<void> {
  await onStore<undefined>(context, 'clips', 'clear');
}

/** Writes records straight into a store of our database (test setup, no app code involved). */
export async function putRecords(context: ExtensionContext, store: string, records: unknown[]): Promise<void> {
  await onStore<undefined>(context, store, 'put', records);
}
