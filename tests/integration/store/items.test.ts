import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipInputError } from '../../../lib/errors';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { addOwnItem, type ClipDraft, saveClip, updateSource } from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import { searchItems } from '../../../lib/store/search';

let db: ClipperDb;
let counter = 0;
const ctx = (now = 1_000, extra: { confirmedByEditor?: boolean; weekId?: string } = {}) => ({
  now,
  weekId: '2026-01-26',
  newId: () => `id-${++counter}`,
  defaultSectionId: 'briefs',
  ...extra,
});

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
  it('stores a page as a source and an item in the week, with a cleaned canonical URL and the quote', async () => {
    const outcome = await saveClip(db, draft({ summary: ' 一句话 ', tags: ['AI', ' '] }), ctx());
    expect(outcome).toMatchObject({ sourceCreated: true, quote: 'added', itemAction: 'created', fieldsUpdated: [] });
    expect(outcome.source).toMatchObject({
      canonicalUrl: 'https://www.reuters.com/tech/apple-qai/',
      quotes: [{ text: 'First quote.', createdAt: 1_000 }],
    });
    expect(outcome.item).toMatchObject({ weekId: '2026-01-26', summary: '一句话', tags: ['AI'] });
    const week = await listWeek(db, '2026-01-26');
    expect(week).toHaveLength(1);
    expect(week[0]?.sources).toEqual([outcome.source]);
    expect(await listWeek(db, '2026-02-02')).toEqual([]);
  });

  it('adds a second quote from the same page to its source instead of a duplicate', async () => {
    const first = await saveClip(db, draft(), ctx(1_000));
    const second = await saveClip(db, draft({ selection: { text: 'Second quote.' } }), ctx(2_000));
    expect(second).toMatchObject({ sourceCreated: false, quote: 'added', itemAction: 'unchanged' });
    expect(second.source.id).toBe(first.source.id);
    expect(second.source.quotes.map((q) => q.text)).toEqual(['First quote.', 'Second quote.']);
    expect(second.source.updatedAt).toBe(2_000);
    expect(await db.sources.count()).toBe(1);
    expect(await db.items.count()).toBe(1);

    const again = await saveClip(db, draft({ selection: { text: 'Second quote.' } }), ctx(3_000));
    expect(again).toMatchObject({ quote: 'duplicate', itemAction: 'unchanged' });
    expect(again.source.quotes).toHaveLength(2);
  });

  it('re-clipping into another section cites the same source there, with its own summary', async () => {
    const brief = await saveClip(db, draft({ summary: 'The brief' }), ctx(1_000));
    const deep = await saveClip(
      db,
      draft({ sectionId: 'analysis', summary: 'The deep dive', selection: undefined }),
      ctx(2_000),
    );
    expect(deep).toMatchObject({ sourceCreated: false, quote: 'none', itemAction: 'created' });
    const week = await listWeek(db, '2026-01-26');
    expect(week.map((i) => [i.sectionId, i.summary, i.sourceIds])).toEqual(
      expect.arrayContaining([
        ['briefs', 'The brief', [brief.source.id]],
        ['analysis', 'The deep dive', [brief.source.id]],
      ]),
    );
  });

  it('keeps a typo fixed in the form and a new summary: nothing typed is dropped', async () => {
    await saveClip(db, draft({ title: 'Aple to buy Q.ai' }), ctx(1_000));
    const fixed = await saveClip(
      db,
      draft({ title: 'Apple to buy Q.ai', summary: 'Apple buys Q.ai.', selection: undefined }),
      ctx(2_000, { confirmedByEditor: true }),
    );
    expect(fixed).toMatchObject({ fieldsUpdated: ['title'], itemAction: 'updated', quote: 'none' });
    const [item] = await listWeek(db, '2026-01-26');
    expect(item?.summary).toBe('Apple buys Q.ai.');
    expect(item?.sources[0]?.title).toBe('Apple to buy Q.ai');
    // A quick clip (nothing shown to the editor) never overwrites corrected fields.
    await saveClip(db, draft({ title: 'Aple to buy Q.ai' }), ctx(3_000));
    expect((await listWeek(db, '2026-01-26'))[0]?.sources[0]?.title).toBe('Apple to buy Q.ai');
  });

  it('without a chosen section, leaves a page already in the week where it is', async () => {
    await saveClip(db, draft({ sectionId: 'analysis' }), ctx(1_000));
    const shortcut = await saveClip(db, draft({ sectionId: undefined, selection: { text: 'More.' } }), ctx(2_000));
    expect(shortcut.item?.sectionId).toBe('analysis');
    expect(await db.items.count()).toBe(1);
    // In another week, the page gets an item in the default section.
    const later = await saveClip(db, draft({ sectionId: undefined }), ctx(3_000, { weekId: '2026-02-02' }));
    expect(later).toMatchObject({ itemAction: 'created', sourceCreated: false });
    expect(later.item).toMatchObject({ weekId: '2026-02-02', sectionId: 'briefs' });
  });

  it('orders new items after the last one of their section', async () => {
    const a = await saveClip(db, draft({ canonicalUrl: 'https://a.example/1' }), ctx());
    const b = await saveClip(db, draft({ canonicalUrl: 'https://a.example/2' }), ctx());
    const other = await saveClip(db, draft({ canonicalUrl: 'https://a.example/3', sectionId: 'analysis' }), ctx());
    expect((b.item?.order ?? '') > (a.item?.order ?? '')).toBe(true);
    expect(other.item?.order).toBe(a.item?.order);
  });

  it('keeps a very long selection whole', async () => {
    const text = '长'.repeat(300_000);
    const { source } = await saveClip(db, draft({ selection: { text } }), ctx());
    expect(source.quotes[0]?.text).toHaveLength(300_000);
  });

  it.each([
    [{ title: '   ' }, 'clip.no-title'],
    [{ canonicalUrl: 'not a url', pageUrl: 'also not' }, 'clip.bad-link'],
  ])('refuses bad input %j with a clear error and writes nothing', async (patch, message) => {
    await saveClip(db, draft({ canonicalUrl: 'https://kept.example/' }), ctx());
    const before = [await db.sources.toArray(), await db.items.toArray()];
    await expect(saveClip(db, draft(patch), ctx())).rejects.toThrow(ClipInputError);
    await expect(saveClip(db, draft(patch), ctx())).rejects.toThrow(message);
    expect([await db.sources.toArray(), await db.items.toArray()]).toEqual(before);
  });

  it('leaves stored records untouched when a write fails halfway (quota)', async () => {
    await saveClip(db, draft(), ctx(1_000));
    const before = [await db.sources.toArray(), await db.items.toArray()];
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.items.hook('creating', () => {
      throw quota;
    });
    // The source gets its quote first; the item write fails; neither may remain.
    await expect(
      saveClip(db, draft({ sectionId: 'analysis', selection: { text: 'Another quote.' } }), ctx(2_000)),
    ).rejects.toThrow(/quota/i);
    expect([await db.sources.toArray(), await db.items.toArray()]).toEqual(before);
  });
});

describe('items of the editor’s own', () => {
  it('have no source and no link, and are searched like any item', async () => {
    const own = await addOwnItem(
      db,
      { weekId: '2026-01-26', sectionId: 'thoughts', summary: '回报优先:现金回收期', note: '- 一\n- 二' },
      { now: 5, newId: () => 'own-1' },
    );
    expect(own).toMatchObject({ sourceIds: [], sources: [], summary: '回报优先:现金回收期', note: '- 一\n- 二' });
    expect((await searchItems(db, '回收')).map((i) => i.id)).toEqual(['own-1']);
    await expect(
      addOwnItem(db, { weekId: '2026-01-26', sectionId: 'thoughts', summary: ' ' }, { now: 5, newId: () => 'x' }),
    ).rejects.toThrow('item.empty');
  });
});

describe('updateSource', () => {
  it('corrects a source for every item citing it, and they are found by the new text', async () => {
    const brief = await saveClip(db, draft(), ctx(1_000));
    await saveClip(db, draft({ sectionId: 'analysis', selection: undefined }), ctx(1_500));
    await updateSource(db, brief.source.id, { title: 'Zyxw headline' }, 2_000);
    const found = await searchItems(db, 'zyxw');
    expect(found.map((i) => i.sectionId).sort()).toEqual(['analysis', 'briefs']);
    await expect(updateSource(db, brief.source.id, { canonicalUrl: 'javascript:alert(1)' }, 3_000)).rejects.toThrow(
      'clip.bad-link',
    );
  });
});
