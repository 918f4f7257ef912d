import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Undoable } from '../../../components/ItemCard';
import { ItemEditor } from '../../../components/ItemEditor';
import { LocaleContext } from '../../../components/locale';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import { quoteKey } from '../../../lib/record-rules';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { joinItems, saveClip, splitSource } from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import type { Quote, WeekItem } from '../../../lib/types';

const t = translator(EN_MESSAGES);
let db: ClipperDb;
afterEach(() => {
  render(null, document.body);
  db?.close();
});

const ctx = (now: number) => ({ now, weekId: '2026-01-26', newId: () => `id-${now}`, defaultSectionId: 'briefs' });
const page = { pageUrl: 'https://a.example/x', canonicalUrl: 'https://a.example/x', title: 'A story', source: 'A' };

/** Types into a field and lets Preact apply the state change. */
async function type(name: string, value: string) {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  if (!field) throw new Error(`no field ${name}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 10));
}

/** Moves to another week the editor reported, each with its Undo. */
const moved: Undoable[] = [];

async function openEditor(
  item: WeekItem,
  extra: Partial<Pick<Parameters<typeof ItemEditor>[0], 'sectionKind' | 'deepDiveQuotes'>> = {},
): Promise<{ closed: Promise<void> }> {
  let closed: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    closed = resolve;
  });
  render(
    <LocaleContext.Provider value={{ locale: 'en', t }}>
      <ItemEditor
        db={db}
        item={item}
        tags={[]}
        now={() => 5_000}
        onClose={() => closed()}
        onMovedWeek={(change) => moved.push(change)}
        {...extra}
      />
    </LocaleContext.Provider>,
    document.body,
  );
  await new Promise((r) => setTimeout(r, 0));
  // Wrapped: an async function returning a promise would wait for it.
  return { closed: done };
}

const submit = () =>
  document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

describe('ItemEditor', () => {
  it('writes only what the editor changed: a quote clipped while it was open survives', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, sectionId: 'briefs', selection: { text: 'First.' } }, ctx(1));
    const [item] = await listWeek(db, '2026-01-26');
    const { closed } = await openEditor(item as WeekItem);
    // A quick clip adds a quote behind the open editor; the summary is then edited inline too.
    await saveClip(db, { ...page, selection: { text: 'Second.' } }, ctx(2));
    await type('note', '- one\n- two');
    submit();
    await closed;
    const [after] = await listWeek(db, '2026-01-26');
    expect(after?.sources[0]?.quotes.map((q) => q.text)).toEqual(['First.', 'Second.']);
    expect(after?.note).toBe('- one\n- two');
  });

  it('removes a quote by the quote, not the list: one clipped while the editor was open survives', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, selection: { text: 'Q1 to remove' } }, ctx(1));
    await saveClip(db, { ...page, selection: { text: 'Q2 kept' } }, ctx(2));
    const [item] = await listWeek(db, '2026-01-26');
    const { closed } = await openEditor(item as WeekItem);
    await saveClip(db, { ...page, selection: { text: 'Q3 clipped meanwhile' } }, ctx(3));
    document.querySelector<HTMLButtonElement>('button[aria-label="Remove quote 1"]')?.click();
    await new Promise((r) => setTimeout(r, 10));
    submit();
    await closed;
    const [after] = await listWeek(db, '2026-01-26');
    expect(after?.sources[0]?.quotes.map((q) => q.text)).toEqual(['Q2 kept', 'Q3 clipped meanwhile']);
  });

  it('corrects the source it was typed for, even when the story was split while the editor was open', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    const at = (n: number) => ({
      ...page,
      pageUrl: `https://a.example/${n}`,
      canonicalUrl: `https://a.example/${n}`,
      title: `Story ${n}`,
    });
    const one = await saveClip(db, at(1), ctx(1));
    const two = await saveClip(db, at(2), ctx(2));
    const three = await saveClip(db, at(3), ctx(3));
    await joinItems(db, one.item?.id as string, two.item?.id as string, 4);
    const story = await joinItems(db, one.item?.id as string, three.item?.id as string, 5);
    await openEditor(story);
    // Story 2 is split off behind the open editor: the story now cites 1 and 3, and the week view
    // hands the open editor the item as it is now (the form keeps what it shows).
    await splitSource(db, story.id, two.source.id, { now: 6, newId: () => 'split' });
    const now = (await listWeek(db, '2026-01-26')).find((i) => i.id === story.id) as WeekItem;
    expect(now.sources.map((x) => x.title)).toEqual(['Story 1', 'Story 3']);
    const { closed } = await openEditor(now);
    await type('title-2', 'Story 2 (corrected)');
    submit();
    await closed;
    expect((await db.sources.get(two.source.id))?.title).toBe('Story 2 (corrected)');
    expect((await db.sources.get(three.source.id))?.title).toBe('Story 3');
  });

  it('counts the note as it is typed, and says a 1 MB paste is over the limit at once, with separators', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page }, ctx(1));
    const [item] = await listWeek(db, '2026-01-26');
    await openEditor(item as WeekItem);
    await type('note', 'Twelve chars');
    expect(document.querySelector('.note-field .counter')?.textContent).toBe('12 / 200,000 characters');
    const started = performance.now();
    await type('note', 'x'.repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(document.querySelector('.note-field .warn')?.textContent).toBe(
      '1,000,000 characters, at most 200,000: shorten it to save.',
    );
    expect(document.querySelector('.note-field .counter')).toBeNull();
  });

  it('moves the item to a week around its own, and hands the week view an Undo that puts it back', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, sectionId: 'briefs' }, ctx(1));
    const [item] = await listWeek(db, '2026-01-26');
    await openEditor(item as WeekItem);
    const select = document.querySelector('select[name="week"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      '2025-12-29',
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
    ]);
    select.value = '2026-01-19';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await expect.poll(() => moved.length).toBe(1);
    expect((await db.items.get(item?.id as string))?.weekId).toBe('2026-01-19');
    const change = moved.pop() as Undoable;
    expect(change.text).toMatch(/^Moved “.+” to the week of /);
    await change.revert();
    expect(await db.items.get(item?.id as string)).toMatchObject({ weekId: '2026-01-26', order: item?.order });
  });

  it('shows a refusal and keeps the text when a write is refused', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, sectionId: 'briefs' }, ctx(1));
    const [item] = await listWeek(db, '2026-01-26');
    await openEditor(item as WeekItem);
    await type('publishedAt', 'next Tuesday-ish');
    submit();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('“next Tuesday-ish” is not a date');
    expect(document.querySelector<HTMLInputElement>('[name="publishedAt"]')?.value).toBe('next Tuesday-ish');
  });

  it('ticks which quotes a deep dive prints, starting from the digest’s default, and saves only a change', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, sectionId: 'analysis', selection: { text: 'First quote.' } }, ctx(1_000));
    await saveClip(db, { ...page, sectionId: 'analysis', selection: { text: 'Second quote.' } }, ctx(1_001));
    const [item] = await listWeek(db, '2026-01-26');
    const ticks = () => [...document.querySelectorAll<HTMLInputElement>('input[name^="show-quote-"]')];

    // Untouched, nothing is written: the default keeps deciding.
    let opened = await openEditor(item as WeekItem, { sectionKind: 'analysis', deepDiveQuotes: 'first' });
    expect(ticks().map((b) => b.checked)).toEqual([true, false]);
    submit();
    await opened.closed;
    expect((await db.items.get(item?.id as string))?.shownQuotes).toBeUndefined();

    opened = await openEditor(item as WeekItem, { sectionKind: 'analysis', deepDiveQuotes: 'first' });
    ticks()[0]?.click();
    ticks()[1]?.click();
    await new Promise((r) => setTimeout(r, 10));
    submit();
    await opened.closed;
    const source = item?.sources[0];
    const second = source?.quotes.find((q) => q.text === 'Second quote.');
    expect((await db.items.get(item?.id as string))?.shownQuotes).toEqual([
      quoteKey(source?.id as string, second as Quote),
    ]);
  });

  it('offers no ticks on a brief, whose quotes are listed in the references only', async () => {
    db = openDatabase(`editor-${Math.random()}`);
    await saveClip(db, { ...page, selection: { text: 'A quote.' } }, ctx(1_000));
    const [item] = await listWeek(db, '2026-01-26');
    await openEditor(item as WeekItem, { sectionKind: 'briefs' });
    expect(document.querySelector('input[name^="show-quote-"]')).toBeNull();
    expect(document.querySelector('form')?.textContent).toContain('as a paragraph under this entry’s bullet');
  });
});
