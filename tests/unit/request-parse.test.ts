import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../lib/messages';
import { dispatch, parseRequest } from '../../lib/request-parse';

describe('the message protocol', () => {
  it('accepts exactly the shapes it knows', () => {
    expect(parseRequest({ type: 'captureTab', tabId: 7 })).toEqual({ type: 'captureTab', tabId: 7 });
    expect(parseRequest({ type: 'exportWeek', weekId: '2026-01-26', format: 'html', extra: 1 })).toEqual({
      type: 'exportWeek',
      weekId: '2026-01-26',
      format: 'html',
    });
    expect(parseRequest({ type: 'exportWeek', weekId: '2026-01-26', format: 'wechat' })).toMatchObject({
      format: 'wechat',
    });
    expect(parseRequest({ type: 'clipTab', tabId: 3, sectionId: 'briefs' })).toEqual({
      type: 'clipTab',
      tabId: 3,
      sectionId: 'briefs',
    });
    expect(
      parseRequest({ type: 'teamConnect', url: 'https://c.example', db: 'team', user: 'ann', password: 'pw', x: 1 }),
    ).toEqual({
      type: 'teamConnect',
      url: 'https://c.example',
      db: 'team',
      user: 'ann',
      password: 'pw',
    });
    expect(parseRequest({ type: 'teamSyncNow', full: 'yes' })).toEqual({ type: 'teamSyncNow', full: false });
    expect(
      parseRequest({
        type: 'learnCorrections',
        tabId: 4,
        pageUrl: 'https://e.com/a',
        corrections: [{ field: 'author', value: 'Jane Roe', extra: 1 }],
      }),
    ).toEqual({
      type: 'learnCorrections',
      tabId: 4,
      pageUrl: 'https://e.com/a',
      corrections: [{ field: 'author', value: 'Jane Roe' }],
    });
  });

  it.each([
    null,
    'captureTab',
    [],
    { type: 'captureTab' },
    { type: 'captureTab', tabId: '7' },
    { type: 'captureTab', tabId: -1 },
    { type: 'exportWeek', weekId: '../../etc' },
    { type: 'exportWeek', weekId: '2026-01-26', format: 'pdf' },
    { type: 'clipTab', tabId: 3 },
    { type: 'clipTab', tabId: 3, sectionId: '' },
    { type: 'clipTab', tabId: 3, sectionId: 'x'.repeat(101) },
    { type: 'clipTab', tabId: 1.5, sectionId: 'briefs' },
    { type: 'deleteEverything' },
    { type: 'learnCorrections', tabId: 4, pageUrl: 'https://e.com/a', corrections: [{ field: 'summary', value: 'x' }] },
    { type: 'learnCorrections', tabId: 4, pageUrl: 'https://e.com/a', corrections: [{ field: 'author', value: 7 }] },
    { type: 'learnCorrections', tabId: 4, pageUrl: 'https://e.com/a', corrections: 'author' },
    { type: 'learnCorrections', tabId: 4, corrections: [] },
    { type: 'teamConnect', url: 'https://c.example', db: 'team', user: 'ann' },
    { type: 'teamConnect', url: 'https://c.example', db: 'team', user: 'ann', password: 'x'.repeat(2_001) },
    JSON.parse('{"__proto__": {"type": "captureTab"}, "tabId": 1}'),
  ])('refuses %j', (message) => {
    expect(parseRequest(message)).toBeUndefined();
  });

  it('turns a thrown error into an answer the caller can show', async () => {
    const handlers: Handlers = {
      captureTab: async () => {
        throw new Error('boom');
      },
      exportWeek: async () => ({ filename: 'x.md' }),
      clipTab: async () => ({ ok: true, title: 't', sectionName: 's' }),
      teamConnect: async () => ({ state: 'synced', pending: 0 }),
      teamDisconnect: async () => ({ state: 'off', pending: 0 }),
      teamSyncNow: async () => ({ state: 'synced', pending: 0 }),
      learnCorrections: async () => [],
    };
    expect(await dispatch(handlers, { type: 'captureTab', tabId: 1 })).toEqual({
      ok: false,
      problem: { code: 'unexpected', params: { detail: 'boom' } },
    });
    expect(await dispatch(handlers, { type: 'exportWeek', weekId: '2026-01-26', format: 'markdown' })).toEqual({
      ok: true,
      value: { filename: 'x.md' },
    });
  });
});
