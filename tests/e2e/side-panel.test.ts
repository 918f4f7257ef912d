import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import { useExtension } from '../harness/extension';

const OUT = '.e2e-artifacts';

/**
 * The side panel is the popup's week view kept open beside the page: clips made with the
 * shortcut or the menu while it is open appear in it without a reload.
 */
describe.each(['light', 'dark'] as const)('the side panel in %s mode', (colorScheme) => {
  const env = useExtension({ colorScheme });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('shows the week full height, says how to clip, and shows new clips as they land', async () => {
    const panel = await env.session.context.newPage();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.goto(`chrome-extension://${env.session.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('.hint').first().textContent()).toContain('Alt+Shift+D');
    expect(await panel.locator('details.capture').count()).toBe(0);
    expect(await panel.locator('.clip').count()).toBe(0);

    for (const file of ['wire-article.html', 'zhihu-article.html']) {
      const article = await env.session.context.newPage();
      await article.goto(env.server.url(file));
      await env.session.quickClip(await env.session.tabIdOf(article));
      await article.close();
    }
    await expect.poll(() => panel.locator('.clip').count()).toBe(2);
    const fills = await panel.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mainHeight: (document.querySelector('main') as HTMLElement).getBoundingClientRect().height,
    }));
    expect(fills.overflow).toBe(0);
    expect(fills.mainHeight).toBeGreaterThanOrEqual(900);
    await panel.screenshot({ path: `${OUT}/side-panel-${colorScheme}.png` });
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('opens from the popup, which then closes', async () => {
    const popup = await env.session.openPopup();
    await popup.getByRole('button', { name: 'Open in the side panel' }).click();
    // The popup closes itself once the browser has opened the panel (chrome.sidePanel.open resolved).
    await expect.poll(() => popup.isClosed()).toBe(true);
  });
});
