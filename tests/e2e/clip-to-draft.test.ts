import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { weekIdFor, weekRange } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { useExtension } from '../harness/extension';
import { readEntries, selectText } from '../harness/page';

describe('page → clip → week list → downloaded draft', () => {
  // The Chinese digest of the reference week, as its editor sets it in options.
  const env = useExtension({ digestLanguage: 'zh' });

  it('clips the selected quote through the popup and exports it in the digest format', async () => {
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('wire-article.html'));
    await selectText(article, '#quote');
    const popup = await env.session.openPopup(await env.session.tabIdOf(article));

    const title = popup.getByLabel('Title');
    await expect.poll(() => title.inputValue()).toBe('Apple to buy Israeli audio AI startup Q.ai');
    expect(await popup.getByLabel('Source').inputValue()).toBe('Reuters');
    const canonical = env.server.url('technology/apple-to-buy-israeli-audio-ai-startup-qai-2026-01-29/');
    expect(await popup.getByLabel('Link').inputValue()).toBe(canonical);
    expect(await popup.getByLabel('Quote').inputValue()).toBe(
      'The technology will help AirPods understand speech in noisy rooms, the company said.',
    );
    expect(await popup.getByLabel('Section').inputValue()).toBe('briefs');

    await popup.getByLabel('Summary').fill('Apple 收购以色列音频 AI 初创 Q.ai(估值约 16 亿美元)。');
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Saved to this week.');
    const listed = popup.locator('[data-section="briefs"] .clip-title');
    await expect.poll(() => listed.allTextContents()).toEqual(['Apple to buy Israeli audio AI startup Q.ai']);

    const [stored] = await readEntries(popup);
    const weekId = weekIdFor(Date.now());
    expect(stored).toMatchObject({
      title: 'Apple to buy Israeli audio AI startup Q.ai',
      source: 'Reuters',
      canonicalUrl: canonical,
      author: 'Stephen Nellis',
      publishedAt: '2026-01-29T14:05:00-05:00',
      sectionId: 'briefs',
      weekId,
      quotes: [{ text: 'The technology will help AirPods understand speech in noisy rooms, the company said.' }],
    });

    await popup.getByRole('button', { name: 'Export draft' }).click();
    const { start, end } = weekRange(weekId);
    const filename = `ai-weekly-info-${end}.md`;
    await expect.poll(() => popup.getByRole('status').last().textContent()).toBe(`Downloaded ${filename}.`);
    // Exported again, the week's draft replaces the file: no `… (1).md` beside it.
    await popup.getByRole('button', { name: 'Export draft' }).click();
    const finished = () =>
      env.session.worker.evaluate(async () =>
        (await chrome.downloads.search({ state: 'complete' })).map((d) => d.filename.split(/[\\/]/).pop()),
      );
    await expect.poll(finished).toHaveLength(2);
    expect(await finished()).toEqual([filename, filename]);
    expect(readdirSync(env.session.downloadsDir).filter((f) => f.startsWith('ai-weekly-info-'))).toEqual([filename]);
    const draft = await readDownload(env.session.downloadsDir, filename);
    const lines = draft.split('\n');
    expect(lines[0]).toBe(`# AI 一周记(${start} 至 ${end})`);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## 本周要闻速览', '## 参考资料与本地摘录']);
    expect(draft).toContain(`- Apple 收购以色列音频 AI 初创 Q.ai(估值约 16 亿美元)。来源:[Reuters](${canonical})`);
    expect(draft).toContain(`1. [Apple to buy Israeli audio AI startup Q.ai](${canonical}) — Reuters, 2026-01-29`);
    expect(draft).toContain(
      '   > The technology will help *AirPods* understand speech in noisy rooms, the company said.',
    );
  });

  it('links each quote to its place on the page when the editor turns it on in the options', async () => {
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    const quoteLinks = options.getByLabel(/Link each quote to its place on the page/);
    // The box shows the stored setting: it turns on once the write lands.
    await quoteLinks.click();
    await expect.poll(() => quoteLinks.isChecked()).toBe(true);
    const popup = await env.session.openPopup();
    await expect.poll(() => popup.locator('.clip').count()).toBe(1);
    await popup.getByRole('button', { name: 'Export draft' }).click();
    // The notice names the file the browser really saved (the first test saved one by that name already).
    const notice = popup.getByRole('status').last();
    await expect.poll(() => notice.textContent()).toMatch(/^Downloaded .+\.md\.$/);
    const filename = ((await notice.textContent()) as string).replace(/^Downloaded (.+)\.$/, '$1');
    const draft = await readDownload(env.session.downloadsDir, filename);
    const link = /> .+ \[↗\]\((http[^)]+)\)$/m.exec(draft)?.[1] as string;
    expect(link).toContain('#:~:text=The%20technology%20will%20help,');
    // Both ends of the fragment are words the clipped page really has (its canonical address is not served here).
    const directive = link.split(':~:text=')[1] as string;
    const page = await env.session.context.newPage();
    await page.goto(`${env.server.url('wire-article.html')}#:~:text=${directive}`);
    const text = await page.evaluate(() => document.body.textContent?.replace(/\s+/g, ' '));
    for (const term of directive.split(',')) expect(text).toContain(decodeURIComponent(term));

    // The same link is there for templates: the line under a deep dive's quote names the source,
    // linked to the quote's place on the page, once the editor writes {{quoteLink}} there.
    const underQuote = options.getByRole('textbox', { name: 'Under each quote' });
    await underQuote.fill('— {{quoteLink}}');
    await underQuote.press('Tab');
    // Deep dives print no quotes unless asked (the published digest prints none): every quote, here.
    await options.getByRole('combobox', { name: /^Quotes under each deep dive/ }).selectOption('all');
    await popup.locator('li.clip').first().focus();
    await popup.keyboard.press('2');
    await expect.poll(() => popup.locator('[data-section="analysis"] li.clip').count()).toBe(1);
    rmSync(join(env.session.downloadsDir, filename), { force: true });
    await popup.getByRole('button', { name: 'Export draft' }).click();
    await expect.poll(() => notice.textContent()).toBe(`Downloaded ${filename}.`);
    const deepDive = await readDownload(env.session.downloadsDir, filename);
    expect(deepDive).toContain(`> — [Reuters](${link})`);
    // A template naming {{quoteLink}} on a line with no quote is refused there, with the fields it takes.
    const brief = options.getByRole('textbox', { name: /^Bullets with sources/ });
    await brief.fill('{{summary}} {{quoteLink}}');
    await expect.poll(() => options.getByRole('alert').first().textContent()).toContain('quoteLink');
  });
});
