import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentWeekCount } from '../../lib/clip-repository';
import { type ClipperDb, openDatabase } from '../../lib/db';
import type { CaptureResult } from '../../lib/messages';
import { quickClip, quickClipMessage } from '../../lib/quick-clip';
import { updateSettings } from '../../lib/settings-repository';

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
    await updateSettings(db, { weekStartsOn: 0, timeZone: 'Asia/Shanghai', defaultSectionId: 'thoughts' });
    const result = await quickClip({ db, capture: async () => page, now, newId: () => 'q1' }, 7);
    expect(result.ok && result.outcome.clip).toMatchObject({ weekId: '2026-02-01', sectionId: 'thoughts' });
    expect(quickClipMessage(result)).toBe('Clipped to 行业思考: A story');
    expect(await currentWeekCount(db, now())).toBe(1);
    const again = await quickClip({ db, capture: async () => page, now, newId: () => 'q2' }, 7, 'analysis');
    expect(quickClipMessage(again)).toBe('Already clipped: A story');
  });

  it('reports an unreadable page as a message and stores nothing', async () => {
    const refused: CaptureResult = { ok: false, reason: 'restricted', message: 'Browser pages cannot be clipped.' };
    const result = await quickClip({ db, capture: async () => refused, now, newId: () => 'x' }, 7);
    expect(quickClipMessage(result)).toBe('Browser pages cannot be clipped.');
    expect(await db.clips.count()).toBe(0);
  });
});
