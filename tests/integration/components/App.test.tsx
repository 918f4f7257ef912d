import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../components/App';
import { BatchClip } from '../../../components/BatchClip';
import { LocaleContext } from '../../../components/locale';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { listSections } from '../../../lib/store/sections';

let db: ClipperDb;
afterEach(() => {
  render(null, document.body);
  db?.close();
});
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('browser calls that fail', () => {
  it('says so when the side panel cannot open, instead of dropping the click', async () => {
    db = openDatabase(`app-${Math.random()}`, 'en-US');
    render(
      <App
        db={db}
        now={() => Date.parse('2026-01-28T10:00:00Z')}
        newId={() => crypto.randomUUID()}
        browserLanguage="en-US"
        capture={async () => ({
          ok: false,
          reason: 'restricted',
          problem: { code: 'capture.browser-page', params: {} },
        })}
        exportWeek={async () => ({ filename: 'x.md' })}
        openOptions={() => undefined}
        openPanel={() => Promise.reject(new Error('No active side panel for tabId: 7'))}
      />,
      document.body,
    );
    await until(() => document.querySelector('button[aria-label="Open in the side panel"]') !== null);
    (document.querySelector('button[aria-label="Open in the side panel"]') as HTMLButtonElement).click();
    await until(() => document.body.textContent?.includes('Could not open the side panel') === true);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('No active side panel for tabId: 7');
  });

  it('says so when the tabs of the window cannot be listed', async () => {
    db = openDatabase(`batch-${Math.random()}`, 'en-US');
    const t = translator(EN_MESSAGES);
    render(
      <LocaleContext.Provider value={{ locale: 'en', t }}>
        <BatchClip
          sections={await listSections(db)}
          defaultSectionId="briefs"
          tabClips={{
            listTabs: () => Promise.reject(new Error('Tabs cannot be queried right now')),
            askSites: async () => [],
            releaseSites: async () => undefined,
            clip: async () => ({ ok: false, problem: { code: 'unexpected', params: {} } }),
          }}
        />
      </LocaleContext.Provider>,
      document.body,
    );
    (document.querySelector('button.link-button') as HTMLButtonElement).click();
    await until(() => document.querySelector('[role="alert"]') !== null);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not list this window’s tabs: Something went wrong: Tabs cannot be queried right now',
    );
  });
});
