import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from '../harness/extension';
import { clearRecords, readEntries, selectText } from '../harness/page';

describe('ways to clip', () => {
  // The Chinese digest of the reference week, as its editor sets it in options.
  const env = useExtension({ digestLanguage: 'zh' });
  let article: Page;
  let tabId: number;
  beforeEach(async () => {
    await clearRecords(env.session.worker);
    article = await env.session.context.newPage();
    await article.goto(env.server.url('zhihu-article.html'));
    tabId = await env.session.tabIdOf(article);
  });
  afterEach(async () => {
    for (const page of env.session.context.pages()) await page.close();
  });

  it('merges a second quote from the same page into the existing clip, and says so', async () => {
    await selectText(article, '#first');
    let popup = await env.session.openPopup(tabId);
    await expect.poll(() => popup.getByLabel('Title').inputValue()).toBe('Kimi K2.5 开源:长文本与推理的新进展');
    expect(await popup.getByLabel('Source').inputValue()).toBe('知乎专栏');
    await popup.getByLabel('Summary').press('Enter');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    await popup.close();

    await selectText(article, '#second');
    popup = await env.session.openPopup(tabId);
    await expect
      .poll(() => popup.getByRole('status').first().textContent())
      .toContain('You clipped this page before (week of');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toBe('The quote was added.');

    const clips = await readEntries(popup);
    expect(clips).toHaveLength(1);
    expect(clips[0]?.quotes.map((q) => q.text)).toEqual([
      'Kimi 本周开源了 K2.5 与 K2.5-Thinking。',
      '长文本能力提升明显,推理成本下降。',
    ]);
    // The first selection carried a link and bold text; its Markdown keeps them.
    expect(clips[0]?.quotes[0]?.markdown).toBe(
      'Kimi 本周开源了 [K2.5](https://github.com/moonshotai/Kimi-K2.5) 与 **K2.5-Thinking**。',
    );
    const head = popup.locator('.clip .card-head').first();
    expect(await head.locator('.meta').textContent()).toBe('知乎专栏');
    expect(await head.locator('.badge .sr-only').allTextContents()).toContain('2 quotes');
  });

  it('reads a reprinted Chinese portal story: the site from its title, the reporter from the closing credit, where it first ran under the source', async () => {
    // Read in the page by the clipper, finished by the background (credits, the site's name), shown in the form.
    const portal = await env.session.context.newPage();
    await portal.goto(env.server.url('portal-reprint.html'));
    const popup = await env.session.openPopup(await env.session.tabIdOf(portal));
    await expect.poll(() => popup.getByLabel('Source').inputValue()).toBe('新浪网');
    expect(await popup.getByLabel('Title', { exact: true }).inputValue()).toBe('某公司发布新芯片');
    // The editor (责任编辑) is never the author.
    expect(await popup.getByLabel('Author').inputValue()).toBe('张三');
    expect(await popup.locator('.clip-form .reprint').textContent()).toBe('first ran in 澎湃新闻 (the page’s credit)');
    await popup.screenshot({ path: '.e2e-artifacts/popup-reprint.png' });
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const [clip] = await readEntries(popup);
    expect(clip).toMatchObject({
      source: '新浪网',
      author: '张三',
      origins: { source: 'page-title', author: 'byline' },
    });
    // Nothing of the page's lines is stored.
    expect(Object.keys(clip ?? {}).filter((k) => ['credits', 'pageTitle', 'logoAlt', 'reprintOf'].includes(k))).toEqual(
      [],
    );
  });

  it('says so when a page clipped again was already used in a published issue, in the popup and on the toolbar', async () => {
    let popup = await env.session.openPopup(tabId);
    await expect.poll(() => popup.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    await popup.getByRole('button', { name: 'Mark as published (locks the entries)' }).click();
    await expect.poll(() => popup.locator('.export-bar .published').count()).toBe(1);
    await popup.close();

    popup = await env.session.openPopup(tabId);
    await expect
      .poll(() => popup.getByRole('status').first().textContent())
      .toMatch(/Already used in AI 一周记 \d{4}-\d{2}-\d{2} 期\.$/);
    expect(await env.session.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toMatch(
      /Already used in AI 一周记/,
    );
    // Unlocked again so the next tests start from an ordinary week.
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => popup.locator('.export-bar .published').count()).toBe(0);
  });

  it('keeps a correction made when clipping a page again, cites it in a second section, and says so', async () => {
    let popup = await env.session.openPopup(tabId);
    await expect.poll(() => popup.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');
    await popup.getByLabel('Summary', { exact: true }).fill('一句话摘要');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    await popup.close();

    // Again: the form shows what was saved; the editor fixes the title and files the page under 深度解析 too.
    popup = await env.session.openPopup(tabId);
    const title = popup.getByLabel('Title', { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Kimi K2.5 开源:长文本与推理的新进展');
    // The entry's summary is shown, so typing there edits it in view, never replaces it unseen.
    expect(await popup.getByLabel('Summary', { exact: true }).inputValue()).toBe('一句话摘要');
    expect(await popup.locator('select[name="section"]').inputValue()).toBe('briefs');
    await title.fill('Kimi K2.5 开源：长文本与推理');
    await popup.locator('select[name="section"]').selectOption('analysis');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect
      .poll(() => popup.getByRole('status').last().textContent())
      .toBe('Corrected: title. Added to 深度解析.');
    expect((await readEntries(popup)).map((e) => [e.sectionId, e.summary, e.title]).sort()).toEqual([
      ['analysis', '', 'Kimi K2.5 开源：长文本与推理'],
      ['briefs', '一句话摘要', 'Kimi K2.5 开源：长文本与推理'],
    ]);
  });

  it('clips a selection from the context menu into the chosen section and flashes the badge', async () => {
    await selectText(article, '#second');
    await env.session.menuClick('clip-to:analysis', tabId);
    const clips = await readEntries(env.session.worker);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ sectionId: 'analysis', quotes: [{ text: '长文本能力提升明显,推理成本下降。' }] });
    expect(await env.session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
    expect(await env.session.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toContain(
      'Clipped to 深度解析',
    );
    await expect.poll(() => env.session.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('clips the page to the default section with the keyboard shortcut, without a popup', async () => {
    const pagesBefore = env.session.context.pages().length;
    await env.session.quickClip(tabId);
    const clips = await readEntries(env.session.worker);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ sectionId: 'briefs', title: 'Kimi K2.5 开源:长文本与推理的新进展', quotes: [] });
    expect(env.session.context.pages().length).toBe(pagesBefore);
    expect(await env.session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓');
  });

  it('registers the shortcut and reports a restricted page on the badge instead of failing silently', async () => {
    const commands = await env.session.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'quick-clip')?.shortcut).toBe('Alt+Shift+D');
    const settings = await env.session.context.newPage();
    await settings.goto('chrome://version');
    const id = await env.session.tabIdOf(settings);
    await env.session.menuClick('clip-page', id);
    expect(await env.session.worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), id)).toBe('!');
    expect(await env.session.worker.evaluate((tab) => chrome.action.getTitle({ tabId: tab }), id)).toContain(
      'cannot be clipped',
    );
    expect(await readEntries(env.session.worker)).toEqual([]);
  });
});
