import type { Page } from 'playwright-core';
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

/** Every stored clip, read straight from IndexedDB in an extension page (no app code involved). */
export async function readAllClips(extensionPage: Page): Promise<Clip[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<Clip[]>((resolve, reject) => {
        const open = indexedDB.open('digest-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('clips').objectStore('clips').getAll();
          request.onsuccess = () => {
            resolve(request.result as Clip[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
