import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/OptionsApp';
import { readRawDatabase } from '../../../lib/browser/raw-export';
import { openDatabase } from '../../../lib/store/db';
import { updateSettings } from '../../../lib/store/settings';

/** Some records in IndexedDB, written with the raw API. */
function writeRecords(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 990);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('items', { keyPath: 'id' });
      store.put({ id: 'kept', summary: '一条摘要' });
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

async function waitFor<T>(read: () => T | undefined | null, timeout = 3_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(() => {
  render(null, document.body);
});

describe('OptionsApp when the database cannot be opened', () => {
  it('says so instead of a blank page, and downloads whatever can be read', async () => {
    const name = `broken-${Math.random()}`;
    await writeRecords(name);
    // Opening fails as a broken disk or a failed upgrade makes it fail: the database layer rejects.
    const db = openDatabase(name);
    db.on('ready', () => Promise.reject(new DOMException('The database is broken.', 'UnknownError')));
    const saved: { filename: string; text: string }[] = [];
    render(
      <OptionsApp
        db={db}
        newId={() => 'x'}
        browserLanguage="en-US"
        today={() => '2026-11-29'}
        now={() => 1}
        saveFile={async (filename, content) => {
          saved.push({ filename, text: typeof content === 'string' ? content : await content.text() });
          return filename;
        }}
        readStorage={async () => ({ persisted: true })}
        readRaw={() => readRawDatabase(name)}
      />,
      document.body,
    );
    const alert = await waitFor(() => document.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Your clips could not be opened');
    const button = await waitFor(() =>
      Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Download what can be read'),
    );
    button.click();
    await waitFor(() => saved[0]);
    expect(saved[0]?.filename).toBe('digest-clipper-raw-2026-11-29.json');
    const raw = JSON.parse(saved[0]?.text ?? '{}');
    expect(raw).toMatchObject({
      version: expect.any(Number),
      stores: { items: [{ id: 'kept', summary: '一条摘要' }] },
    });
    await waitFor(() => document.body.textContent?.includes('Saved digest-clipper-raw-2026-11-29.json'));
  });
});

describe('OptionsApp: names by the drafts’ language', () => {
  it('labels each name by language and says which one the drafts print', async () => {
    const db = openDatabase(`options-${Math.random()}`);
    await updateSettings(db, { uiLanguage: 'en' }, 1);
    render(
      <OptionsApp
        db={db}
        newId={() => 'x'}
        browserLanguage="en-US"
        today={() => '2026-11-29'}
        now={() => 2}
        saveFile={async (filename) => filename}
        readStorage={async () => ({ persisted: true })}
        readRaw={async () => '{}'}
      />,
      document.body,
    );
    const label = (text: string) =>
      waitFor(() => Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.startsWith(text)));
    expect((await label('Digest name in Chinese drafts')).textContent).toContain('Your drafts are in Chinese');
    expect((await label('Digest name in English drafts')).textContent).not.toContain('Your drafts are');
    expect(document.querySelector('.sections-head')?.textContent).toContain('they use the Chinese names');
    expect(document.querySelector('[data-section-id="briefs"] input.used')?.getAttribute('aria-label')).toBe(
      'Section name 1',
    );
    // An English digest: the English names are the ones printed, and the page says so.
    await updateSettings(db, { language: 'en' }, 3);
    await waitFor(() => document.querySelector('.sections-head')?.textContent?.includes('English names'));
    expect((await label('Digest name in English drafts')).textContent).toContain('Your drafts are in English');
    expect(document.querySelector('[data-section-id="briefs"] input.used')?.getAttribute('aria-label')).toMatch(
      /^Name in English drafts/,
    );
    db.close();
  });
});
