import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { itemTerms } from '../../lib/store/search-terms';
import type { Item, Source } from '../../lib/types';
import { addDays, weekIdFor } from '../../lib/week';
import { axeViolations } from '../harness/axe';
import { useExtension } from '../harness/extension';
import { clearRecords, type ExtensionContext, indexItems, putRecords, readEntries } from '../harness/page';

const thisWeek = weekIdFor(Date.now());
const lastWeek = addDays(thisWeek, -7);

/** A page (source `id`) and its item (also `id`) as the store writes them. */
function seedPage(id: string, title: string, sectionId: string, order: string, extra: Partial<Item> = {}) {
  const source: Source = {
    id,
    pageUrl: `https://news.example/${id}`,
    canonicalUrl: `https://news.example/${id}`,
    title,
    source: `Source ${id}`,
    quotes: [
      { text: `First quote of ${id}`, createdAt: 1 },
      { text: `Second quote of ${id}`, createdAt: 2 },
    ],
    createdAt: 1,
    updatedAt: 1,
  };
  const item: Item = {
    id,
    weekId: thisWeek,
    sectionId,
    order,
    summary: '',
    note: '',
    tags: [],
    sourceIds: [id],
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
  return { source, item: { ...item, terms: itemTerms(item, [source]) } };
}

async function putPages(context: ExtensionContext, pages: ReturnType<typeof seedPage>[]) {
  await putRecords(
    context,
    'sources',
    pages.map((p) => p.source),
  );
  await putRecords(
    context,
    'items',
    pages.map((p) => p.item),
  );
  await indexItems(
    context,
    pages.map((p) => p.item),
  );
}

const SEED = [
  seedPage('a', 'Alpha story', 'briefs', 'b'),
  seedPage('b', 'Beta story', 'briefs', 'c'),
  seedPage('c', 'Gamma story', 'briefs', 'd'),
  seedPage('old', 'Older 华为云 story', 'briefs', 'b', { weekId: lastWeek, tags: ['cloud'] }),
];

describe('organizing the week in the popup', () => {
  // The Chinese digest of the reference week, as its editor sets it in options.
  const env = useExtension({ digestLanguage: 'zh' });
  let popup: Page;

  const titlesIn = (section: string) => popup.locator(`[data-section="${section}"] .clip-title`).allTextContents();
  const card = (id: string) => popup.locator(`li[data-item-id="${id}"]`);
  const more = (title: string) => popup.getByRole('button', { name: `More actions: ${title}` }).click();
  const stored = async (id: string) => (await readEntries(env.session.worker)).find((c) => c.id === id);

  beforeEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
    await clearRecords(env.session.worker);
    await putPages(env.session.worker, SEED);
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('wire-article.html'));
    popup = await env.session.openPopup(await env.session.tabIdOf(article));
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
  });

  it('moves with number keys and the section menu, reorders with Alt+arrows and drag and drop, and keeps the order', async () => {
    await card('b').focus();
    await popup.keyboard.press('2');
    await expect.poll(() => titlesIn('analysis')).toEqual(['Beta story']);
    expect((await stored('b'))?.sectionId).toBe('analysis');

    // The card's other actions are behind ⋯; choosing a section closes the menu.
    await more('Gamma story');
    await popup.getByLabel('Move to section: Gamma story').selectOption('thoughts');
    await expect.poll(() => titlesIn('thoughts')).toEqual(['Gamma story']);

    // Written behind the app's back, so the popup sees it after a reload.
    await putPages(env.session.worker, [seedPage('d', 'Delta story', 'briefs', 'x')]);
    await popup.reload();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Delta story']);
    await card('a').focus();
    await popup.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Delta story', 'Alpha story']);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe('a');
    await popup.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Delta story']);

    // Both cards away from the popup's edges, where dragging scrolls the week under the pointer.
    await card('d').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await card('a').dragTo(card('d'));
    await expect.poll(() => titlesIn('briefs')).toEqual(['Delta story', 'Alpha story']);
    // The whole card is a handle, outside its text field: its publisher line, and the space around its parts.
    await card('d').locator('.card-meta-row').dragTo(card('a'));
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Delta story']);
    const box = (await card('a').boundingBox()) as { width: number; height: number };
    await card('a').dragTo(card('d'), { sourcePosition: { x: box.width - 3, y: box.height - 3 } });
    await expect.poll(() => titlesIn('briefs')).toEqual(['Delta story', 'Alpha story']);

    await popup.reload();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Delta story', 'Alpha story']);
  });

  it('moves a card to the top and the bottom of its section with Alt+Home and Alt+End, keeping focus', async () => {
    await card('c').focus();
    await popup.keyboard.press('Alt+Home');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Gamma story', 'Alpha story', 'Beta story']);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe('c');
    await popup.keyboard.press('Alt+End');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    await card('a').focus();
    await popup.keyboard.press('Alt+End');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Beta story', 'Gamma story', 'Alpha story']);
    // The same from the card's menu: ↑ keeps the menu open for another press, ⤒ closes it.
    await more('Alpha story');
    await popup.getByRole('button', { name: 'Move up: Alpha story' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Beta story', 'Alpha story', 'Gamma story']);
    await popup.getByRole('button', { name: 'Move to the top of the section: Alpha story' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    expect(await card('a').locator('.card-menu').count()).toBe(0);
  });

  it('tells a summary over the limit before saving and refuses it with the text kept; never offers 参考资料 to a sourced card', async () => {
    const summary = popup.getByLabel('Summary: Alpha story');
    await summary.fill('长'.repeat(2_001));
    await expect
      .poll(() => card('a').locator('.hint.warn').textContent())
      .toBe('2,001 characters, at most 2,000: shorten it to save.');
    await summary.press('Enter');
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('2000');
    expect(await summary.inputValue()).toHaveLength(2_001);
    expect((await stored('a'))?.summary).toBe('');

    await more('Alpha story');
    const targets = await card('a').getByLabel('Move to section: Alpha story').locator('option').allTextContents();
    await popup.keyboard.press('Escape');
    await expect.poll(() => card('a').locator('.card-menu').count()).toBe(0);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'More actions: Alpha story',
    );
    expect(targets).not.toContain('参考资料与本地摘录');
    await card('b').focus();
    await popup.keyboard.press('4');
    await popup.keyboard.press('2');
    await expect.poll(async () => (await stored('b'))?.sectionId).toBe('analysis');
  });

  it('marks the week published, which locks its entries until unlocked', async () => {
    await popup.getByRole('button', { name: 'Mark as published (locks the entries)' }).click();
    await expect
      .poll(() => popup.locator('.export-bar .published').textContent())
      .toMatch(/^Published as AI 一周记 \d{4}-\d{2}-\d{2} 期: its entries are locked\./);
    await card('c').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(() => popup.getByRole('alert').first().textContent()).toContain('unlock it in the export bar');
    expect(await titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    expect((await stored('c'))?.deletedAt).toBeUndefined();

    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => popup.locator('.export-bar .published').count()).toBe(0);
    await card('c').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story']);
  });

  it('edits a summary in place, and every field with quotes in the editor', async () => {
    const summary = popup.getByLabel('Summary: Alpha story');
    await summary.fill('Alpha 一句话摘要');
    await summary.press('Enter');
    await expect.poll(async () => (await stored('a'))?.summary).toBe('Alpha 一句话摘要');

    await popup.getByRole('button', { name: 'Edit: Alpha story' }).click();
    const editor = popup.getByRole('form', { name: 'Edit' });
    await editor.getByLabel('Title').fill('Alpha story, edited');
    await editor.getByLabel('Tags').fill('AI, 政策');
    await editor.getByRole('button', { name: 'Move down 1' }).click();
    await editor.getByRole('button', { name: 'Remove quote 2' }).click();
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await stored('a'))?.title).toBe('Alpha story, edited');
    const a = await stored('a');
    expect(a?.tags).toEqual(['AI', '政策']);
    expect(a?.quotes.map((q) => q.text)).toEqual(['Second quote of a']);
    expect(a?.summary).toBe('Alpha 一句话摘要');
  });

  it('joins two entries into one story citing both sources, and splits it again', async () => {
    await more('Beta story');
    await popup.getByRole('button', { name: 'Join with the entry above (one story): Beta story' }).click();
    await expect.poll(() => card('a').locator('.card-head').textContent()).toContain('Story of 2 sources');
    expect((await stored('a'))?.sourceIds).toEqual(['a', 'b']);
    expect(await stored('b')).toBeUndefined();
    await more('Alpha story');
    await card('a').getByRole('button', { name: 'Ungroup: Alpha story' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    expect((await stored('a'))?.sourceIds).toEqual(['a']);
    // Ungrouping can be undone where it happened: the story is whole again.
    await expect
      .poll(() => popup.getByRole('status').last().textContent())
      .toContain('Split “Beta story” off the story.');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored('a'))?.sourceIds).toEqual(['a', 'b']);
  });

  it('moves an item to another week from the editor, with Undo (Ctrl+Z) putting it back in its place', async () => {
    await popup.getByRole('button', { name: 'Edit: Beta story' }).click();
    await popup.getByRole('form', { name: 'Edit' }).locator('select[name="week"]').selectOption(lastWeek);
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Gamma story']);
    expect((await stored('b'))?.weekId).toBe(lastWeek);
    await expect
      .poll(() => popup.getByRole('status').last().textContent())
      .toContain('Moved “Beta story” to the week of');
    await card('a').focus();
    await popup.keyboard.press('Control+z');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    expect(await stored('b')).toMatchObject({ weekId: thisWeek, order: 'c' });
  });

  it('saves a clip into the week on screen when it is not this one, and says which', async () => {
    await popup.getByRole('button', { name: 'Previous week' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Older 华为云 story']);
    await expect.poll(() => popup.locator('.capture .hint').textContent()).toContain('Saving into the week on screen:');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Saved to the week of');
    const saved = (await readEntries(env.session.worker)).find((e) => !SEED.some((p) => p.item.id === e.id));
    expect(saved?.weekId).toBe(lastWeek);
    await expect.poll(() => titlesIn('briefs')).toHaveLength(2);
  });

  it('adds a thought of the editor’s own: no link, no source, in the draft without 来源', async () => {
    await popup.getByRole('button', { name: 'Add a thought or note to 行业思考' }).click();
    const form = popup.getByRole('form', { name: 'Add a thought or note to 行业思考' });
    await form.getByLabel('Summary').fill('回报优先:现金回收期是关键词。');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(() => popup.locator('[data-section="thoughts"] .summary-input').inputValue())
      .toBe('回报优先:现金回收期是关键词。');
    const own = (await readEntries(env.session.worker)).find((e) => e.sectionId === 'thoughts');
    expect(own).toMatchObject({ sourceIds: [], sources: [] });
    expect(own?.canonicalUrl).toBeUndefined();
    expect(await popup.locator('[data-section="thoughts"] a').count()).toBe(0);
  });

  it('deletes to the trash with undo, and restores from the trash view', async () => {
    await card('c').focus();
    await popup.keyboard.press('Delete');
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story']);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);

    await more('Gamma story');
    await popup.getByRole('button', { name: 'Delete: Gamma story' }).click();
    await popup.getByRole('button', { name: 'Trash (1)' }).click();
    await popup.getByRole('button', { name: 'Restore: Gamma story' }).click();
    await popup.getByRole('button', { name: 'Back to the week' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    expect((await stored('c'))?.deletedAt).toBeUndefined();
  });

  it('searches every week (Chinese without spaces) and opens a result in its week; navigates weeks', async () => {
    await popup.getByLabel('Search all weeks').fill('华为');
    const result = popup.getByRole('button', { name: 'Older 华为云 story' });
    await result.click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Older 华为云 story']);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe('old');

    await popup.getByRole('button', { name: 'This week' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Alpha story', 'Beta story', 'Gamma story']);
    await popup.getByRole('button', { name: 'Previous week' }).click();
    await expect.poll(() => titlesIn('briefs')).toEqual(['Older 华为云 story']);
    const weeks = await popup.getByRole('combobox', { name: 'Weeks' }).locator('option').allTextContents();
    expect(weeks.some((w) => w.endsWith('(3)'))).toBe(true);
    expect(weeks.some((w) => w.endsWith('(1)'))).toBe(true);

    await popup.getByLabel('Search all weeks').fill('story');
    await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('cloud');
    await expect.poll(() => popup.locator('.result .link-button').allTextContents()).toEqual(['Older 华为云 story']);
  });

  it('follows option changes live and switches language', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByLabel('Section name 1').fill('Top news');
    await options.getByLabel('Section name 1').press('Tab');
    await expect.poll(() => popup.locator('[data-section="briefs"] h3').textContent()).toContain('Top news');

    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('zh');
    await expect.poll(() => popup.getByRole('button', { name: '导出草稿' }).count()).toBe(1);
    await expect.poll(() => options.locator('h1').textContent()).toBe('Digest Clipper 设置');
    // The last message follows the language too (it stayed `Saved.`), and buttons keep to one line.
    await expect.poll(() => options.getByRole('status').first().textContent()).toBe('已保存。');
    const add = await options.getByRole('button', { name: '添加栏目' }).boundingBox();
    expect(add?.height).toBeLessThan(34);
    await options.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await expect.poll(() => popup.getByRole('button', { name: 'Export draft' }).count()).toBe(1);
  });

  it('previews a template live, points at a mistake, and exports with the default meanwhile', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    const preview = options.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toContain('- Alpha story 来源:[Source a](https://news.example/a)');
    const brief = options.getByLabel('Bullets with sources (e.g. This Week in Brief)');
    await brief.fill('{{title}} — {{sources}}');
    await expect.poll(() => preview.textContent()).toContain('- Alpha story — [Source a](https://news.example/a)');
    await brief.press('Tab');
    await brief.fill('{{title}} {{sorces}}');
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('unknown placeholder "sorces"');
    expect(await options.getByRole('alert').textContent()).toContain('line 1, column 11');
    await brief.press('Tab');
    await expect.poll(() => preview.textContent()).toContain('- Alpha story 来源:[Source a](https://news.example/a)');
    await brief.fill('');
    await brief.press('Tab');
  });

  it('reminds to back up when nothing was backed up for a week, and leads to the options', async () => {
    // The seeded clips were last changed long ago and this browser never made a backup.
    const reminder = popup.locator('.backup-due');
    await expect.poll(() => reminder.textContent()).toContain('have not been backed up for a while');
    const opened = env.session.context.waitForEvent('page');
    await reminder.getByRole('button', { name: 'Back up now' }).click();
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Download backup' }).click();
    await expect.poll(() => options.locator('.storage').textContent()).toContain('Last backup:');
    await popup.reload();
    await popup.locator('li.clip').first().waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(await reminder.count()).toBe(0);
  });

  it('has no axe violations in the popup or the options page', async () => {
    expect(await axeViolations(popup)).toEqual([]);
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await expect.poll(() => options.locator('.sections-editor li').count()).toBe(4);
    expect(await axeViolations(options)).toEqual([]);
  });
});
