import { describe, expect, it } from 'vitest';
import { weekIdFor, weekRange } from '../../lib/week';
import { readDownload } from '../harness/downloads';
import { useExtension } from '../harness/extension';
import { selectText } from '../harness/page';

/**
 * The draft for the 公众号 editor, pasted into a rich-text editor the way an editor pastes it:
 * the structure survives, styles are inline, and no link to another site remains.
 */
describe('Copy for 公众号', () => {
  // The Chinese digest of the reference week, as its editor sets it in options.
  const env = useExtension({ digestLanguage: 'zh' });

  it('pastes into a rich-text editor with its structure, numbered link markers and no outside links', async () => {
    await env.session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const [file, selector] of [
      ['wire-article.html', '#quote'],
      ['zhihu-article.html', '#first'],
    ] as const) {
      const article = await env.session.context.newPage();
      await article.goto(env.server.url(file));
      await selectText(article, selector);
      await env.session.quickClip(await env.session.tabIdOf(article));
      await article.close();
    }
    const popup = await env.session.openPopup();
    await expect.poll(() => popup.locator('.clip').count()).toBe(2);
    await popup.getByRole('button', { name: 'Copy for WeChat' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent()).toBe('Copied the draft (WeChat).');

    const editor = await env.session.context.newPage();
    await editor.goto(env.server.url('rich-editor.html'));
    await editor.locator('#editor').click();
    await editor.keyboard.press('Control+V');
    const pasted = editor.locator('#editor');
    await expect.poll(() => pasted.locator('h2').count()).toBeGreaterThan(0);
    const shape = await pasted.evaluate((root) => ({
      h1: root.querySelector('h1')?.textContent,
      h2: Array.from(root.querySelectorAll('h2'), (h) => h.textContent),
      briefs: root.querySelectorAll('ul > li').length,
      quotes: root.querySelectorAll('blockquote').length,
      outsideLinks: Array.from(root.querySelectorAll('a[href]')).filter(
        (a) => new URL((a as HTMLAnchorElement).href).origin !== location.origin,
      ).length,
      markers: Array.from(root.querySelectorAll('sup'), (s) => s.textContent),
      listed: Array.from(root.querySelectorAll('small'), (s) => s.textContent),
      styledHeading: root.querySelector('h2')?.getAttribute('style') ?? '',
    }));
    const { start, end } = weekRange(weekIdFor(Date.now()));
    expect(shape.h1).toBe(`AI 一周记(${start} 至 ${end})`);
    expect(shape.h2).toEqual(['本周要闻速览', '参考资料与本地摘录', '参考链接']);
    expect(shape.briefs).toBe(2);
    expect(shape.quotes).toBe(2);
    expect(shape.outsideLinks).toBe(0);
    // The two sources, cited in the briefs and again in the references, then the link inside a quote.
    expect(shape.markers).toEqual(['[1]', '[2]', '[1]', '[2]', '[3]']);
    expect(shape.listed).toEqual([
      `[1] ${env.server.url('technology/apple-to-buy-israeli-audio-ai-startup-qai-2026-01-29/')}`,
      expect.stringMatching(/^\[2\] https?:\/\//),
      expect.stringMatching(/^\[3\] https?:\/\//),
    ]);
    expect(shape.styledHeading).toContain('border-left');

    // The same draft as a file.
    await popup.getByRole('button', { name: 'Download WeChat HTML' }).click();
    const filename = `ai-weekly-info-${end}-wechat.html`;
    await expect.poll(() => popup.getByRole('status').last().textContent()).toBe(`Downloaded ${filename}.`);
    const html = await readDownload(env.session.downloadsDir, filename);
    expect(html).toContain('<sup style=');
    expect(html).not.toMatch(/<a\s/);
    // Opened in a browser, English inside the Chinese draft (a publisher, a slug) is set in the draft's
    // sans-serif like the rest, not in the browser's default serif for English.
    const file = await env.session.context.newPage();
    await file.setContent(html);
    const fonts = await file.evaluate(() =>
      Array.from(document.querySelectorAll('[lang="en"]'), (el) => getComputedStyle(el).fontFamily),
    );
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/sans-serif$/);
  });
});
