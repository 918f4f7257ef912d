import { describe, expect, it } from 'vitest';
import { launchExtension } from '../harness/extension';

/**
 * A new editor's first run follows the browser's language: an English browser starts an English
 * digest (its name, section names and draft language) with an English UI that names WeChat in
 * English; a Chinese browser starts the Chinese digest. Needs Debian's chromium-l10n for the
 * Chinese browser (.ci/run installs it).
 */
describe('first run', () => {
  it('starts an English digest in an English browser', async () => {
    const session = await launchExtension();
    try {
      const popup = await session.openPopup();
      const headings = popup.locator('h3[id^="section-"]');
      await expect
        .poll(() => headings.allTextContents())
        .toEqual([
          expect.stringContaining('This Week in Brief'),
          expect.stringContaining('Deep Dives'),
          expect.stringContaining('Industry Thoughts'),
          expect.stringContaining('References and Excerpts'),
        ]);
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await expect.poll(() => options.locator('select[name="language"]').inputValue()).toBe('en');
      const body = await options.locator('body').textContent();
      expect(body).toContain('Bullets with sources (e.g. This Week in Brief)');
      // Section names as the draft prints them, even in the quick-clip section's list.
      expect(body).not.toContain('本周要闻速览');
      await popup.getByRole('button', { name: 'Export draft' }).waitFor();
      expect(await popup.locator('body').textContent()).not.toContain('公众号');
      expect(await popup.getByRole('button', { name: 'Copy for WeChat' }).count()).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('starts a Chinese digest, in a Chinese UI, in a Chinese browser', async () => {
    const session = await launchExtension({ browserLanguage: 'zh_CN' });
    try {
      const popup = await session.openPopup();
      expect(await popup.evaluate(() => navigator.language)).toBe('zh-CN');
      const headings = popup.locator('h3[id^="section-"]');
      await expect
        .poll(() => headings.allTextContents())
        .toEqual([
          expect.stringContaining('本周要闻速览'),
          expect.stringContaining('深度解析'),
          expect.stringContaining('行业思考'),
          expect.stringContaining('参考资料与本地摘录'),
        ]);
      expect(await popup.getByRole('button', { name: '复制到公众号' }).count()).toBe(1);
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await expect.poll(() => options.locator('select[name="language"]').inputValue()).toBe('zh');
    } finally {
      await session.close();
    }
  });
});
