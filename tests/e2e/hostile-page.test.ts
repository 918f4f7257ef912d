import { describe, expect, it } from 'vitest';
import { useExtension } from '../harness/extension';
import { readEntries, selectText } from '../harness/page';

describe('a hostile page', () => {
  const env = useExtension();

  it('shows markup from titles, sources and quotes as text in the popup, never as HTML', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('hostile.html'));
    await selectText(page, '#quote');
    const popup = await env.session.openPopup(await env.session.tabIdOf(page));
    await expect.poll(() => popup.getByLabel('Title').inputValue()).toContain('<img src=x onerror="window.__pwned=1">');
    // Bidi overrides and control characters are stripped; the emoji stays.
    expect(await popup.getByLabel('Title').inputValue()).toBe(
      '<img src=x onerror="window.__pwned=1"> Breaking news txet 🚀',
    );
    await popup.getByRole('button', { name: 'Save clip' }).click();
    await popup.locator('details.capture > summary').click();
    const card = popup.locator('li.clip').first();
    await expect
      .poll(() => card.locator('.clip-title').textContent())
      .toBe('<img src=x onerror="window.__pwned=1"> Breaking news txet 🚀');
    expect(await card.locator('.meta').textContent()).toContain('<b onmouseover=alert(1)>Evil Times</b>');
    expect(await popup.locator('main img, main script, main b').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const [clip] = await readEntries(popup);
    expect(clip?.quotes[0]?.text).toBe(
      '<img src=x onerror="window.__pwned=2"> <script>window.__pwned=3</script> quoted',
    );
  });
});
