import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CapturePanel } from '../../../components/CapturePanel';
import { LocaleContext } from '../../../components/locale';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import type { CaptureResult } from '../../../lib/messages';
import { itemsCiting } from '../../../lib/store/citations';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { saveClip, updateItem } from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import { listSections } from '../../../lib/store/sections';
import type { Source } from '../../../lib/types';

const t = translator(EN_MESSAGES);
const WEEK = '2026-01-26';
const T = Date.parse('2026-01-28T10:00:00Z');
let db: ClipperDb;
afterEach(() => {
  render(null, document.body);
  db?.close();
});

const page = {
  pageUrl: 'https://a.example/p',
  canonicalUrl: 'https://a.example/p',
  title: 'Chip export rules tightened',
  source: 'Wire',
};
const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

async function renderPanel(capture: () => Promise<CaptureResult>, at: number, id: string): Promise<void> {
  render(
    <LocaleContext.Provider value={{ locale: 'en', t }}>
      <CapturePanel
        db={db}
        sections={await listSections(db)}
        tags={[]}
        defaultSectionId="briefs"
        currentWeekId={WEEK}
        now={() => at}
        newId={() => id}
        capture={capture}
      />
    </LocaleContext.Provider>,
    document.body,
  );
}

describe('CapturePanel on a page clipped before', () => {
  it('shows the entry’s stored summary, so a re-clip never replaces it unseen', async () => {
    db = openDatabase(`capture-${Math.random()}`);
    const ctx = { now: T, weekId: WEEK, newId: () => 'x', defaultSectionId: 'briefs' };
    const { source, item } = await saveClip(db, { ...page, selection: { text: 'First passage.' } }, ctx);
    await updateItem(db, item?.id as string, { summary: 'A careful summary written on Monday.' }, T + 1);
    // The capture as an older background sends it: the page's uses without what the entries say.
    const capture = async (): Promise<CaptureResult> => ({
      ok: true,
      capture: { ...page, selection: { text: 'Second passage.' } },
      alreadyClipped: {
        source: (await db.sources.get(source.id)) as Source,
        uses: (await itemsCiting(db, source.id)).map((i) => ({ weekId: i.weekId, sectionId: i.sectionId })),
      },
    });
    await renderPanel(capture, T + 100, 'y');
    let summary: HTMLInputElement | null = null;
    for (let i = 0; i < 100 && !summary?.value; i++) {
      await tick(20);
      summary = document.querySelector<HTMLInputElement>('input[name="summary"]');
    }
    expect(summary?.value).toBe('A careful summary written on Monday.');
    // Filed under another section as well: that entry has no summary yet, so the form shows none.
    const section = document.querySelector<HTMLSelectElement>('select[name="section"]') as HTMLSelectElement;
    section.value = 'analysis';
    section.dispatchEvent(new Event('change', { bubbles: true }));
    await tick(20);
    expect(document.querySelector<HTMLInputElement>('input[name="summary"]')?.value).toBe('');
    section.value = 'briefs';
    section.dispatchEvent(new Event('change', { bubbles: true }));
    await tick(20);
    expect(document.querySelector<HTMLInputElement>('input[name="summary"]')?.value).toBe(
      'A careful summary written on Monday.',
    );
    // Saved as shown: the quote joins, the summary stays.
    document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    for (let i = 0; i < 100 && ((await db.sources.get(source.id))?.quotes.length ?? 0) < 2; i++) await tick(20);
    const [after] = await listWeek(db, WEEK);
    expect(after?.summary).toBe('A careful summary written on Monday.');
    expect(after?.sources[0]?.quotes.map((q) => q.text)).toEqual(['First passage.', 'Second passage.']);
  });
});

describe('CapturePanel on a reprinted story', () => {
  it('shows where the story first ran under the source, and stores the source the link goes to', async () => {
    db = openDatabase(`capture-${Math.random()}`);
    const capture = async (): Promise<CaptureResult> => ({
      ok: true,
      capture: { ...page, source: '新浪财经', reprintOf: '澎湃新闻', origins: { source: 'page-title' } },
    });
    await renderPanel(capture, T, 'r');
    let hint: Element | null = null;
    for (let i = 0; i < 100 && !hint; i++) {
      await tick(20);
      hint = document.querySelector('.clip-form .reprint');
    }
    expect(hint?.textContent).toBe('first ran in 澎湃新闻 (the page’s credit)');
    expect(document.querySelector<HTMLInputElement>('input[name="source"]')?.value).toBe('新浪财经');
    document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    for (let i = 0; i < 100 && (await db.sources.count()) === 0; i++) await tick(20);
    const [stored] = await db.sources.toArray();
    expect(stored?.source).toBe('新浪财经');
    expect(stored && 'reprintOf' in stored).toBe(false);
  });
});
