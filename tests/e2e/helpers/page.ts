import type { Page, Worker } from 'playwright-core';
import type { Clip } from '../../../lib/types';

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

/** Runs one IndexedDB operation on a store of our database, outside the app's own code. */
function onStore<T>(context: ExtensionContext, store: string, operation: 'getAll' | 'clear'): Promise<T> {
  // Page and Worker evaluate alike; TypeScript cannot call through their union.
  return (context as Page).evaluate(
    ([name, op]) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('digest-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction(name, op === 'clear' ? 'readwrite' : 'readonly')
            .objectStore(name)
            [op]();
          request.onsuccess = () => {
            resolve(request.result as T);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [store, operation] as const,
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
  await (context as Page).evaluate(
    ([name, rows]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('digest-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, records] as const,
  );
}
