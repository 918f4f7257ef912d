import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDestination } from '../../lib/digest/markdown-escape';
import { formatDate } from '../../lib/digest/template-engine';
import type { Source } from '../../lib/types';
import { civilDate, weekIdFor, weekRange } from '../../lib/week';
import { SEED_CLOSING, SEED_ITEMS, SEED_LEDE, SEED_SOURCES } from '../fixtures/weeks/ai-weekly-2026-01-26';
import { readDownload } from '../harness/downloads';
import { useExtension } from '../harness/extension';
import { type FixtureServer, startFixtureServer } from '../harness/fixture-server';
import { selectText } from '../harness/page';

/**
 * The reference week built entirely through the popup, as an editor would: clip each page
 * (selecting its quotes), type the summaries, cite a page in a second section, join stories,
 * write deep-dive notes with lists, add thoughts of one's own, a lede and a closing paragraph;
 * then export. The downloaded draft must equal the golden draft the renderer makes from the same
 * week as data (tests/golden/seed-week.*.md), once the addresses of the local test pages and the
 * week's dates are mapped back to the reference's.
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const sourceById = (id: string) => SEED_SOURCES.find((s) => s.id === id) as Source;
const summaryOf = (id: string) => SEED_ITEMS.find((i) => i.id === id)?.summary ?? '';

/** An article page for a source: its title, publisher, date and author in the usual meta tags, its quotes as passages. */
function articlePage(source: Source): string {
  const meta = [
    `<meta property="og:title" content="${escapeHtml(source.title)}">`,
    `<meta property="og:site_name" content="${escapeHtml(source.source)}">`,
    source.publishedAt ? `<meta property="article:published_time" content="${source.publishedAt}">` : '',
    source.author ? `<meta name="author" content="${escapeHtml(source.author)}">` : '',
    `<link rel="canonical" href="/p/${source.id}.html">`,
  ].join('\n');
  const passages = source.quotes
    .map(
      (q, i) =>
        `<div id="q${i}">${q.text
          .split(/\n\s*\n/)
          .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
          .join('')}</div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${/[\u4e00-\u9fff]/.test(source.title) ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<title>${escapeHtml(source.title)}</title>
${meta}
</head><body><article><h1>${escapeHtml(source.title)}</h1>
<p>Background paragraph of the article, long enough to read like one.</p>
${passages}
</article></body></html>`;
}

describe('the reference week, built through the UI', () => {
  // The Chinese digest of the reference week, as its editor sets it in options.
  const env = useExtension({ digestLanguage: 'zh' });
  let pages: FixtureServer;
  let dir: string;
  let popup: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reference-week-'));
    const pathDir = join(dir, 'p');
    rmSync(pathDir, { recursive: true, force: true });
    mkdirSync(pathDir);
    for (const source of SEED_SOURCES) writeFileSync(join(pathDir, `${source.id}.html`), articlePage(source));
    pages = await startFixtureServer(dir);
  });
  afterAll(async () => {
    await pages?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a source's page (with passage `quote` selected) and its popup. */
  async function openClip(sourceId: string, quote?: number): Promise<{ article: Page; page: Page }> {
    const article = await env.session.context.newPage();
    await article.goto(pages.url(`p/${sourceId}.html`));
    if (quote !== undefined) await selectText(article, `#q${quote}`);
    const opened = await env.session.openPopup(await env.session.tabIdOf(article));
    await expect.poll(() => opened.getByLabel('Title', { exact: true }).inputValue()).not.toBe('');
    return { article, page: opened };
  }

  /** Clips a page into a section with a summary (and corrected title), and waits for the notice. */
  async function clip(sourceId: string, section: string, summary = '', quote?: number, title?: string) {
    const { article, page } = await openClip(sourceId, quote);
    // The select's label also holds its options' text, so it is found by name.
    await page.locator('select[name="section"]').selectOption({ label: section });
    if (summary) await page.getByLabel('Summary', { exact: true }).fill(summary);
    if (title) await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => page.locator('.notice--success').count()).toBeGreaterThan(0);
    await page.close();
    await article.close();
  }

  /** Joins the last entry of a section into the one above it. */
  async function joinLast(section: string) {
    const cards = popup.locator(`[data-section="${section}"] li.clip`);
    await expect.poll(() => cards.count()).toBeGreaterThan(1);
    const before = await cards.count();
    await cards
      .last()
      .getByRole('button', { name: /^More actions/ })
      .click();
    await cards
      .last()
      .getByRole('button', { name: /^Join with the entry above/ })
      .click();
    await expect.poll(() => cards.count()).toBe(before - 1);
  }

  /** The draft with the local pages' addresses and this week's dates mapped back to the reference's. */
  function normalized(draft: string): string {
    const weekId = weekIdFor(Date.now());
    const { start, end } = weekRange(weekId);
    let out = draft;
    for (const source of SEED_SOURCES) {
      const local = linkDestination(pages.url(`p/${source.id}.html`)) as string;
      out = out.split(`(${local})`).join(`(${linkDestination(source.canonicalUrl)})`);
    }
    // Pages that give no date are dated the day they were clipped (the reference's: 2026-01-29);
    // first, since today may also be the week's last day.
    const today = civilDate(Date.now());
    out = out.replace(new RegExp(`^(\\d+\\. \\[.*, )${today}$`, 'gm'), (_, line: string) => `${line}2026-01-29`);
    // The English title writes the week as `Nov 30 – Dec 6, 2026`: the same days, in words.
    const words = (iso: string, format: string) => formatDate(iso, format, 'en');
    out = out.split(`(${words(start, 'MMM D')} – ${words(end, 'MMM D, YYYY')})`).join('(Jan 26 – Feb 1, 2026)');
    return out.split(start).join('2026-01-26').split(end).join('2026-02-01');
  }

  it('exports the same draft as the golden files, in Chinese and in English', async () => {
    // Briefs, in the reference's order; Microsoft's page is clipped twice for its two quotes.
    await clip('s-apple', '本周要闻速览', summaryOf('i-apple'), 0);
    await clip('s-msft', '本周要闻速览', summaryOf('i-msft'), 0);
    await clip('s-msft', '本周要闻速览', '', 1);
    await clip('s-investors', '本周要闻速览', summaryOf('i-investors'));
    await clip('s-nascio', '本周要闻速览', summaryOf('i-nascio'));
    await clip('s-propublica', '本周要闻速览', summaryOf('i-propublica'), 0);
    await clip('s-kimi', '本周要闻速览', summaryOf('i-cn-models'));
    await clip('s-qwen', '本周要闻速览', '', 0);
    popup = await env.session.openPopup();
    await joinLast('briefs');
    await clip('s-huawei', '本周要闻速览', summaryOf('i-huawei'));
    await clip('s-sina', '本周要闻速览', summaryOf('i-sina'));

    // Deep dives cite pages the briefs cite: each page again, into 深度解析, two joined per dive.
    const dives: [string, string, string][] = [
      ['i-deep-capex', 's-msft', 's-investors'],
      ['i-deep-policy', 's-nascio', 's-propublica'],
      ['i-deep-china', 's-kimi', 's-qwen'],
    ];
    for (const [itemId, first, second] of dives) {
      await clip(first, '深度解析', summaryOf(itemId));
      await clip(second, '深度解析');
      await popup.reload();
      await joinLast('analysis');
      const note = SEED_ITEMS.find((i) => i.id === itemId)?.note ?? '';
      await popup.locator('[data-section="analysis"] li.clip').last().getByRole('button', { name: /^Edit/ }).click();
      const editor = popup.getByRole('form', { name: 'Edit' });
      await editor.getByLabel('Note', { exact: true }).fill(note);
      await editor.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => editor.count()).toBe(0);
    }

    // Three thoughts of the editor's own: no page, no link.
    for (const id of ['i-thought-payback', 'i-thought-compute', 'i-thought-compliance']) {
      await popup.getByRole('button', { name: 'Add a thought or note to 行业思考' }).click();
      const form = popup.getByRole('form', { name: 'Add a thought or note to 行业思考' });
      await form.getByLabel('Summary', { exact: true }).fill(summaryOf(id));
      await form.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => form.count()).toBe(0);
    }

    // A hostile page filed under the references, its title corrected by hand to what it says.
    await clip('s-hostile', '参考资料与本地摘录', '', 0, sourceById('s-hostile').title);

    await popup.getByLabel('Lede', { exact: true }).fill(SEED_LEDE);
    await popup.getByLabel('Lede', { exact: true }).blur();
    await popup.getByLabel('Closing paragraph', { exact: true }).fill(SEED_CLOSING);
    await popup.getByLabel('Closing paragraph', { exact: true }).blur();
    await expect.poll(() => popup.locator('[data-section="thoughts"] li.clip').count()).toBe(3);
    // One scroll area: the popup's own. Nothing in the week (screen-reader-only text included) may
    // make the page taller than the 600 px popup, or a second scrollbar runs into blank space.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBe(0);
    // For a person to look at: the whole week as the editor sees it, and a deep dive's note being edited.
    mkdirSync('.e2e-artifacts', { recursive: true });
    await popup.screenshot({ path: '.e2e-artifacts/popup-reference-week.png', fullPage: true });
    await popup.locator('[data-section="analysis"] li.clip').first().getByRole('button', { name: /^Edit/ }).click();
    await popup.getByRole('form', { name: 'Edit' }).screenshot({ path: '.e2e-artifacts/popup-note-editor.png' });
    await popup.getByRole('form', { name: 'Edit' }).getByRole('button', { name: 'Cancel' }).click();

    const weekId = weekIdFor(Date.now());
    const filename = `ai-weekly-info-${weekRange(weekId).end}.md`;
    const golden = (lang: string) => readFileSync(join(__dirname, `../golden/seed-week.${lang}.md`), 'utf8');
    const exportDraft = async () => {
      rmSync(join(env.session.downloadsDir, filename), { force: true });
      await popup.getByRole('button', { name: 'Export draft' }).click();
      return normalized(await readDownload(env.session.downloadsDir, filename));
    };
    expect(await exportDraft()).toBe(golden('zh'));

    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByRole('combobox', { name: 'Draft language' }).selectOption('en');
    await popup.reload();
    await popup.locator('li.clip').first().waitFor();
    expect(await exportDraft()).toBe(golden('en'));
  });
});
