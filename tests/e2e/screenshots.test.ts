import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExtension } from '../harness/extension';
import { selectText } from '../harness/page';

// Screenshots land in .e2e-artifacts/ for a person to look at; the assertions check layout.
const OUT = '.e2e-artifacts';

describe.each(['light', 'dark'] as const)('the popup in %s mode', (colorScheme) => {
  const env = useExtension({ colorScheme });
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });

  it('fits the 400px popup without horizontal scrolling, with a week of clips', async () => {
    for (const [file, selector] of [
      ['wire-article.html', '#quote'],
      ['zhihu-article.html', '#first'],
    ]) {
      const page = await env.session.context.newPage();
      await page.goto(env.server.url(file as string));
      await selectText(page, selector as string);
      const popup = await env.session.openPopup(await env.session.tabIdOf(page));
      await expect.poll(() => popup.getByLabel('Title').inputValue()).not.toBe('');
      await popup.getByRole('button', { name: 'Save clip' }).click();
      await expect.poll(() => popup.getByRole('status').count()).toBeGreaterThan(0);
      await popup.close();
      await page.close();
    }
    const article = await env.session.context.newPage();
    await article.goto(env.server.url('wire-article.html'));
    const popup = await env.session.openPopup(await env.session.tabIdOf(article));
    await expect.poll(() => popup.locator('.clip').count()).toBe(2);
    const overflow = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(27, 30, 36)' : 'rgb(255, 255, 255)');
    await popup.screenshot({ path: `${OUT}/popup-${colorScheme}.png` });
    await popup.locator('details.capture > summary').click();
    await popup.screenshot({ path: `${OUT}/popup-week-${colorScheme}.png` });

    // The same popup in the Chinese interface: nothing overflows the 400 px either.
    const options = await env.session.context.newPage();
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('zh');
    await expect.poll(() => popup.getByRole('button', { name: '导出草稿' }).count()).toBe(1);
    expect(
      await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    await popup.screenshot({ path: `${OUT}/popup-week-zh-${colorScheme}.png` });
    await options.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await expect.poll(() => popup.getByRole('button', { name: 'Export draft' }).count()).toBe(1);
    await options.close();
  });

  it('lays out the options page', async () => {
    const options = await env.session.context.newPage();
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.goto(`chrome-extension://${env.session.extensionId}/options.html`);
    await expect.poll(() => options.locator('.sections-editor li').count()).toBe(4);
    const overflow = await options.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await options.screenshot({ path: `${OUT}/options-${colorScheme}.png`, fullPage: true });
  });
});
