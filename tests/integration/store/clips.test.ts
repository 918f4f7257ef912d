import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipInputError } from '../../../lib/errors';
import { type ClipDraft, listWeek, saveClip } from '../../../lib/store/clips';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';

let db: ClipperDb;
let counter = 0;
const ctx = (now = 1_000) => ({ now, weekId: '2026-01-26', newId: () => `id-${++counter}` });

const draft = (patch: Partial<ClipDraft> = {}): ClipDraft => ({
  pageUrl: 'https://www.reuters.com/tech/apple-qai/?utm_source=x',
  canonicalUrl: 'https://www.reuters.com/tech/apple-qai/?utm_source=x',
  title: 'Apple to buy Q.ai',
  source: 'Reuters',
  sectionId: 'briefs',
  selection: { text: 'First quote.' },
  ...patch,
});

beforeEach(() => {
  db = openDatabase(`repo-${Math.random()}`);
});
afterEach(() => db.close());

describe('saveClip', () => {
  it('stores a clip in the week with a cleaned canonical URL and the quote', async () => {
    const { clip, merged } = await saveClip(db, draft({ summary: ' 一句话 ', tags: ['AI', ' '] }), ctx());
    expect(merged).toBe(false);
    expect(clip).toMatchObject({
      canonicalUrl: 'https://www.reuters.com/tech/apple-qai/',
      weekId: '2026-01-26',
      summary: '一句话',
      tags: ['AI'],
      quotes: [{ text: 'First quote.', createdAt: 1_000 }],
    });
    expect(await listWeek(db, '2026-01-26')).toEqual([clip]);
    expect(await listWeek(db, '2026-02-02')).toEqual([]);
  });

  it('adds a second quote from the same page to the existing clip instead of a duplicate', async () => {
    const first = await saveClip(db, draft(), ctx(1_000));
    const second = await saveClip(db, draft({ selection: { text: 'Second quote.' } }), ctx(2_000));
    expect(second).toMatchObject({ merged: true, duplicateQuote: false });
    expect(second.clip.id).toBe(first.clip.id);
    expect(second.clip.quotes.map((q) => q.text)).toEqual(['First quote.', 'Second quote.']);
    expect(second.clip.updatedAt).toBe(2_000);
    expect(await db.clips.count()).toBe(1);

    const again = await saveClip(db, draft({ selection: { text: 'Second quote.' } }), ctx(3_000));
    expect(again).toMatchObject({ merged: true, duplicateQuote: true });
    expect(again.clip.quotes).toHaveLength(2);
  });

  it('orders new clips after the last one of their section', async () => {
    const a = await saveClip(db, draft({ canonicalUrl: 'https://a.example/1' }), ctx());
    const b = await saveClip(db, draft({ canonicalUrl: 'https://a.example/2' }), ctx());
    const other = await saveClip(db, draft({ canonicalUrl: 'https://a.example/3', sectionId: 'analysis' }), ctx());
    expect(b.clip.order > a.clip.order).toBe(true);
    expect(other.clip.order).toBe(a.clip.order);
  });

  it('keeps a very long selection whole', async () => {
    const text = '长'.repeat(300_000);
    const { clip } = await saveClip(db, draft({ selection: { text } }), ctx());
    expect(clip.quotes[0]?.text).toHaveLength(300_000);
  });

  it.each([
    [{ title: '   ' }, 'clip.no-title'],
    [{ canonicalUrl: 'not a url', pageUrl: 'also not' }, 'clip.bad-link'],
  ])('refuses bad input %j with a clear error and writes nothing', async (patch, message) => {
    await saveClip(db, draft({ canonicalUrl: 'https://kept.example/' }), ctx());
    const before = await db.clips.toArray();
    await expect(saveClip(db, draft(patch), ctx())).rejects.toThrow(ClipInputError);
    await expect(saveClip(db, draft(patch), ctx())).rejects.toThrow(message);
    expect(await db.clips.toArray()).toEqual(before);
  });

  it('leaves stored clips untouched when a write fails halfway (quota)', async () => {
    await saveClip(db, draft(), ctx(1_000));
    const before = await db.clips.toArray();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.clips.hook('updating', () => {
      throw quota;
    });
    await expect(saveClip(db, draft({ selection: { text: 'Another quote.' } }), ctx(2_000))).rejects.toThrow(/quota/i);
    expect(await db.clips.toArray()).toEqual(before);
  });
});
