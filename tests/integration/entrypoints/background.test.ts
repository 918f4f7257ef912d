import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForRequests } from '../../../lib/browser/request-listener';
import { captureTab } from '../../../lib/browser/tabs';
import { exportWeekDraft } from '../../../lib/export-week';
import type { Handlers } from '../../../lib/messages';
import { openDatabase } from '../../../lib/store/db';
import { saveClip } from '../../../lib/store/item-writes';
import { updateSettings } from '../../../lib/store/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

function stubTab(tab: Partial<Browser.tabs.Tab>) {
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 5, index: 0, status: 'complete', ...tab } as never);
}

describe('captureTab (background handler)', () => {
  it('returns what the injected clipper read', async () => {
    stubTab({ url: 'https://www.reuters.com/a', title: 'A' });
    const capture = {
      pageUrl: 'https://www.reuters.com/a',
      canonicalUrl: 'https://www.reuters.com/a',
      title: 'A',
      source: 'Reuters',
    };
    const execute = vi.fn().mockResolvedValue([{ frameId: 0, result: capture }]);
    browser.scripting = { executeScript: execute } as never;
    expect(await captureTab(5)).toEqual({ ok: true, capture });
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 5 }, files: ['/clipper.js'] });
  });

  it('explains a restricted page without trying to inject', async () => {
    stubTab({ url: 'https://chromewebstore.google.com/detail/x', title: 'Store' });
    const execute = vi.fn();
    browser.scripting = { executeScript: execute } as never;
    const result = await captureTab(5);
    expect(result).toMatchObject({ ok: false, reason: 'restricted', tab: { title: 'Store' } });
    expect(execute).not.toHaveBeenCalled();
  });

  it('says a loading tab is still loading', async () => {
    stubTab({ url: 'https://slow.example/a', status: 'loading' });
    browser.scripting = {
      executeScript: vi.fn().mockRejectedValue(new Error('Frame with ID 0 is showing error page')),
    } as never;
    expect(await captureTab(5)).toMatchObject({
      ok: false,
      reason: 'loading',
      problem: { code: 'capture.loading', params: {} },
    });
  });

  it('turns an injection error into a message, with the PDF viewer named', async () => {
    stubTab({ url: 'https://arxiv.org/pdf/2601.01234.pdf' });
    browser.scripting = {
      executeScript: vi.fn().mockRejectedValue(new Error('Cannot access contents of the page')),
    } as never;
    const result = await captureTab(5);
    expect(result).toMatchObject({ ok: false, reason: 'injection-failed' });
    expect(!result.ok && result.problem.code).toBe('capture.pdf');
  });

  it('reports a closed tab', async () => {
    vi.spyOn(browser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 5'));
    expect(await captureTab(5)).toMatchObject({ ok: false, reason: 'no-tab' });
  });
});

describe('message listener', () => {
  const handlers: Handlers = {
    captureTab: async () => ({ ok: false, reason: 'no-tab', problem: { code: 'capture.no-tab', params: {} } }),
    exportWeek: async ({ weekId }) => ({ filename: `${weekId}.md` }),
    clipTab: async () => ({ ok: false, problem: { code: 'capture.no-tab', params: {} } }),
    teamConnect: async () => ({ state: 'synced', pending: 0 }),
    teamDisconnect: async () => ({ state: 'off', pending: 0 }),
    teamSyncNow: async () => ({ state: 'synced', pending: 0 }),
    learnCorrections: async () => [],
  };

  it('answers our own pages and ignores web pages, other extensions and malformed messages', async () => {
    listenForRequests(handlers);
    const own = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'exportWeek', weekId: '2026-01-26', format: 'markdown' },
        own,
        () => {},
      ),
    ).toEqual([{ ok: true, value: { filename: '2026-01-26.md' } }]);
    const fromPage = { id: browser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } };
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'exportWeek', weekId: '2026-01-26', format: 'markdown' },
        fromPage as never,
        () => {},
      ),
    ).toEqual([undefined]);
    const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'exportWeek', weekId: '2026-01-26', format: 'markdown' },
        otherExtension,
        () => {},
      ),
    ).toEqual([undefined]);
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'exportWeek', weekId: 'x', format: 'markdown' },
        own,
        () => {},
      ),
    ).toEqual([undefined]);
  });
});

describe('exportWeekDraft (background handler)', () => {
  it('renders the stored week and saves it under the slug', async () => {
    const db = openDatabase(`export-${Math.random()}`);
    await saveClip(
      db,
      {
        pageUrl: 'https://www.reuters.com/a',
        canonicalUrl: 'https://www.reuters.com/a',
        title: 'A story',
        source: 'Reuters',
        sectionId: 'briefs',
        summary: '一句话。',
        selection: { text: 'Quoted.' },
      },
      {
        now: Date.parse('2026-01-29T10:00:00Z'),
        weekId: '2026-01-26',
        newId: () => `x${Math.random()}`,
        defaultSectionId: 'briefs',
      },
    );
    await db.weeks.put({ id: '2026-01-26', lede: '本周导语。', updatedAt: 1 });
    const saved: { filename: string; text: string; type: string; saveAs?: boolean }[] = [];
    // The browser may save under another name (`… (1).md`); the export reports that one.
    const save = async (filename: string, text: string, type: string, saveAs?: boolean) => {
      saved.push({ filename, text, type, saveAs });
      return saved.length > 1 ? filename.replace(/(\.\w+)$/, ' (1)$1') : filename;
    };
    const result = await exportWeekDraft(db, '2026-01-26', 'markdown', save);
    expect(result).toEqual({ filename: 'ai-weekly-info-2026-02-01.md' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.type).toBe('text/markdown');
    expect(saved[0]?.text).toContain('# AI 一周记(2026-01-26 至 2026-02-01)\n\n本周导语。');
    expect(saved[0]?.text).toContain('- 一句话。来源:[Reuters](https://www.reuters.com/a)');
    expect(saved[0]?.text).toContain('   > Quoted.');
    expect(saved[0]?.saveAs).toBe(false);
    await updateSettings(db, { askWhereToSave: true }, 1);
    expect(await exportWeekDraft(db, '2026-01-26', 'html', save)).toEqual({
      filename: 'ai-weekly-info-2026-02-01 (1).html',
    });
    expect(saved[1]).toMatchObject({ type: 'text/html', saveAs: true });
    db.close();
  });
});
