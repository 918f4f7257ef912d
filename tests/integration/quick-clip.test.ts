import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../../lib/i18n/en';
import { translator } from '../../lib/i18n/translate';
import { ZH_MESSAGES } from '../../lib/i18n/zh';
import type { CaptureResult } from '../../lib/messages';
import { quickClip, quickClipMessage } from '../../lib/quick-clip';
import { type ClipperDb, openDatabase } from '../../lib/store/db';
import { currentWeekCount } from '../../lib/store/items';
import { updateSettings } from '../../lib/store/settings';

const english = translator(EN_MESSAGES);
const chinese = translator(ZH_MESSAGES);

let db: ClipperDb;
beforeEach(() => {
  db = openDatabase(`quick-${Math.random()}`);
});
afterEach(() => db.close());

const page: CaptureResult = {
  ok: true,
  capture: {
    pageUrl: 'https://a.example/x',
    canonicalUrl: 'https://a.example/x',
    title: 'A story',
    source: 'A',
    selection: { text: 'Q' },
  },
};
// Sunday 2026-02-01, 12:00 in Shanghai.
const now = () => Date.parse('2026-02-01T12:00:00+08:00');

describe('quickClip (context menu and shortcut)', () => {
  it('files the clip in the week the settings describe, in the chosen or default section', async () => {
    await updateSettings(db, { weekStartsOn: 0, timeZone: 'Asia/Shanghai', defaultSectionId: 'thoughts' }, 1);
    const result = await quickClip({ db, capture: async () => page, now, newId: () => 'q1' }, 7);
    expect(result.ok && result.outcome.item).toMatchObject({ weekId: '2026-02-01', sectionId: 'thoughts' });
    expect(quickClipMessage(result, english)).toBe('Clipped to 行业思考: A story');
    expect(quickClipMessage(result, chinese)).toBe('已剪藏到行业思考:A story');
    expect(await currentWeekCount(db, now())).toBe(1);
    // The shortcut again: the page stays where it is.
    const again = await quickClip({ db, capture: async () => page, now, newId: () => 'q2' }, 7);
    expect(quickClipMessage(again, english)).toBe('Already clipped: A story');
    // The menu names another section: the same source is cited there too.
    const there = await quickClip({ db, capture: async () => page, now, newId: () => 'q3' }, 7, 'analysis');
    expect(quickClipMessage(there, english)).toBe('Clipped to 深度解析: A story');
    expect(await db.sources.count()).toBe(1);
    expect(await db.items.count()).toBe(2);
  });

  it('reports an unreadable page as a message and stores nothing', async () => {
    const refused: CaptureResult = {
      ok: false,
      reason: 'restricted',
      problem: { code: 'capture.browser-page', params: {} },
    };
    const result = await quickClip({ db, capture: async () => refused, now, newId: () => 'x' }, 7);
    expect(quickClipMessage(result, english)).toMatch(/^Browser pages .* cannot be clipped/);
    expect(quickClipMessage(result, chinese)).toMatch(/^浏览器自己的页面/);
    // A tooltip has nothing below it: it points at the toolbar button, never at a form "below".
    expect(quickClipMessage(result, english)).toMatch(/Click the toolbar button to record the source by hand\.$/);
    expect(quickClipMessage(result, english)).not.toContain('below');
    expect(quickClipMessage(result, chinese)).not.toContain('下方');
    expect(await db.items.count()).toBe(0);
  });
});
