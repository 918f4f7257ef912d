import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '../../../components/locale';
import { UNDO_SHOWN_MS, WeekView } from '../../../components/WeekView';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import { compareByOrder } from '../../../lib/order-key';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { joinItems, saveClip } from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import { listSections } from '../../../lib/store/sections';

const t = translator(EN_MESSAGES);
const WEEK = '2026-01-26';
let db: ClipperDb;
afterEach(() => {
  render(null, document.body);
  db?.close();
});

// A clock in the week shown, so dates in it are not in the future.
let clock = Date.parse('2026-02-01T00:00:00Z');
const ctx = () => ({ now: ++clock, weekId: WEEK, newId: () => `id-${clock}`, defaultSectionId: 'briefs' });
const page = (n: number) => ({
  pageUrl: `https://a.example/${n}`,
  canonicalUrl: `https://a.example/${n}`,
  title: `Story ${n}`,
  source: 'A',
  sectionId: 'briefs',
});

/** Renders the week as the popup does: the list read again from the database after each write. */
async function showWeek() {
  const sections = await listSections(db);
  const draw = async () => {
    render(
      <LocaleContext.Provider value={{ locale: 'en', t }}>
        <WeekView
          db={db}
          weekId={WEEK}
          items={await listWeek(db, WEEK)}
          sections={sections}
          tags={[]}
          now={() => ++clock}
          newId={() => `n-${++clock}`}
        />
      </LocaleContext.Provider>,
      document.body,
    );
    await new Promise((r) => setTimeout(r, 0));
  };
  await draw();
  return draw;
}

/** The briefs' titles in the order stored. */
const order = async () =>
  (await listWeek(db, WEEK))
    .filter((i) => i.sectionId === 'briefs')
    .sort(compareByOrder)
    .map((i) => i.sources[0]?.title);
const cardOf = (title: string) =>
  document.querySelector<HTMLElement>(`li.clip:has(a.clip-title[title="${title}"])`) as HTMLElement;
const titles = () => [...document.querySelectorAll('[data-section="briefs"] .clip-title')].map((a) => a.textContent);
const press = (el: HTMLElement, key: string, alt = true) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: alt, bubbles: true, cancelable: true }));

/** Three stories on screen, the second sent to the trash with the Delete key; returns the redraw. */
async function threeStoriesSecondTrashed() {
  db = openDatabase(`week-view-${Math.random()}`);
  for (const n of [1, 2, 3]) await saveClip(db, page(n), ctx());
  const redraw = await showWeek();
  cardOf('Story 2').focus();
  press(cardOf('Story 2'), 'Delete', false);
  await expect.poll(async () => (await order()).length).toBe(2);
  await redraw();
  return redraw;
}

describe('WeekView', () => {
  it('returns focus to a card it moved, and leaves it where the editor puts it next', async () => {
    db = openDatabase(`week-view-${Math.random()}`);
    for (const n of [1, 2, 3]) await saveClip(db, page(n), ctx());
    const redraw = await showWeek();
    expect(titles()).toEqual(['Story 1', 'Story 2', 'Story 3']);

    cardOf('Story 3').focus();
    press(cardOf('Story 3'), 'Home');
    await expect.poll(async () => (await order())[0]).toBe('Story 3');
    await redraw();
    expect(titles()).toEqual(['Story 3', 'Story 1', 'Story 2']);
    await expect.poll(() => document.activeElement).toBe(cardOf('Story 3'));

    // The editor moves on to another card; a later change to the week (a clip landing, say) must not
    // pull focus back to the card moved before.
    cardOf('Story 1').focus();
    await saveClip(db, page(4), ctx());
    await redraw();
    // Effects run after the browser paints: give them time to run.
    await new Promise((r) => setTimeout(r, 150));
    expect(document.activeElement).toBe(cardOf('Story 1'));
    press(cardOf('Story 1'), 'ArrowDown');
    await expect.poll(async () => (await order()).slice(0, 3)).toEqual(['Story 3', 'Story 2', 'Story 1']);
  });

  it('leaves focus on the next card when one goes to the trash, so the keyboard carries on there', async () => {
    const redraw = await threeStoriesSecondTrashed();
    expect(titles()).toEqual(['Story 1', 'Story 3']);
    await expect.poll(() => document.activeElement).toBe(cardOf('Story 3'));
    // The last card of a section hands focus to the one before it.
    press(cardOf('Story 3'), 'Delete', false);
    await expect.poll(async () => (await order()).length).toBe(1);
    await redraw();
    await expect.poll(() => document.activeElement).toBe(cardOf('Story 1'));
    // Undo is one key away from there, and the card comes back.
    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    await expect.poll(async () => (await order()).length).toBe(2);
  });

  it('marks a card whose date was read from the address for a second look, from what the source stored', async () => {
    db = openDatabase(`week-view-${Math.random()}`);
    await saveClip(db, { ...page(1), publishedAt: '2026-01-20', origins: { publishedAt: 'url' } }, ctx());
    await saveClip(db, { ...page(2), publishedAt: '2026-01-20', origins: { publishedAt: 'declared' } }, ctx());
    await showWeek();
    const badge = (title: string) => cardOf(title).querySelector('.badge.warn')?.getAttribute('title') ?? '';
    expect(badge('Story 1')).toContain('from the address: check');
    expect(badge('Story 2')).not.toContain('from the address');
  });

  it('opens the editor at its card, focused, and Escape hands focus back to the card', async () => {
    db = openDatabase(`week-view-${Math.random()}`);
    for (const n of [1, 2, 3, 4, 5]) await saveClip(db, page(n), ctx());
    await showWeek();
    const edit = cardOf('Story 4').querySelector<HTMLButtonElement>('button[aria-label^="Edit"]') as HTMLButtonElement;
    edit.click();
    const form = await expect
      .poll(() => document.querySelector('form.editor'))
      .toBeTruthy()
      .then(() => document.querySelector('form.editor') as HTMLFormElement);
    // Right under the card it edits, not at the top of the week.
    expect(form.closest('li')?.previousElementSibling).toBe(cardOf('Story 4'));
    await expect.poll(() => document.activeElement).toBe(form.querySelector('textarea[name="summary"]'));
    // Where the note goes is said beside it.
    expect(form.textContent).toContain('as a paragraph under this entry’s bullet');
    form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await expect.poll(() => document.querySelector('form.editor')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(cardOf('Story 4'));
  });

  it('offers Undo for a few seconds, until the next action, with room under the last card', async () => {
    await threeStoriesSecondTrashed();
    expect(document.querySelector('.toast')).not.toBeNull();
    expect(document.querySelector('.week-view')?.classList.contains('has-toast')).toBe(true);
    // The next action ends the offer.
    press(cardOf('Story 3'), 'ArrowUp');
    await expect.poll(() => document.querySelector('.toast')).toBeNull();
    expect(document.querySelector('.week-view')?.classList.contains('has-toast')).toBe(false);

    // Left alone, it leaves by itself.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      press(cardOf('Story 1'), 'Delete', false);
      await vi.waitFor(() => expect(document.querySelector('.toast')).not.toBeNull());
      vi.advanceTimersByTime(UNDO_SHOWN_MS + 10);
      await vi.waitFor(() => expect(document.querySelector('.toast')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows every publisher of a story on its card: two whole names and how many more', async () => {
    db = openDatabase(`week-view-${Math.random()}`);
    const ids: string[] = [];
    for (const [n, source] of [
      [1, '知乎专栏'],
      [2, '掘金周报'],
      [3, 'Reuters'],
    ] as const) {
      const { item } = await saveClip(db, { ...page(n), source }, ctx());
      ids.push(item?.id as string);
    }
    await joinItems(db, ids[0] as string, ids[1] as string, ++clock);
    await joinItems(db, ids[0] as string, ids[2] as string, ++clock);
    await showWeek();
    const meta = cardOf('Story 1').querySelector('.meta') as HTMLElement;
    expect(meta.textContent).toBe('知乎专栏 · 掘金周报 +1');
    expect(meta.title).toBe('知乎专栏 · 掘金周报 · Reuters');
    // The title is not cut to one line: it may wrap to two.
    expect(cardOf('Story 1').querySelector('.card-title-row .clip-title')).not.toBeNull();
  });

  it('says 参考资料 is filled from the sources the week cites, and how many', async () => {
    db = openDatabase(`week-view-${Math.random()}`);
    for (const n of [1, 2, 3]) await saveClip(db, page(n), ctx());
    await showWeek();
    const references = document.querySelector('[data-section="references"]') as HTMLElement;
    expect(references.querySelector('h3 .count')?.textContent).toBe('3');
    expect(references.querySelector('.references-hint')?.textContent).toContain('every source this week cites: 3 now');
  });
});
