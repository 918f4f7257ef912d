import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from '../harness/extension';
import { type FixtureServer, startFixtureServer } from '../harness/fixture-server';
import { readEntries } from '../harness/page';
import { connectInOptions, startTeam, type Team } from '../harness/team-server';

const OUT = '.e2e-artifacts';

/**
 * Two editors, two Chromium profiles, one week, through a real CouchDB-compatible server on 127.0.0.1
 * (lib/sync/, docs/sync.md). Each connects in Options → Team; what one does appears in the other's side
 * panel; edits of two fields merge, edits of one field show a conflict on both, settled once for both;
 * an outage and an ended session lose nothing.
 */
describe('two editors building one week through the team server', () => {
  let team: Team;
  let fixtures: FixtureServer;
  let ann: ExtensionSession;
  let bob: ExtensionSession;
  let annPanel: Page;
  let bobPanel: Page;

  const connect = (session: ExtensionSession, user: string) => connectInOptions(session, team, user);
  const panelOf = async (session: ExtensionSession) => {
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    return panel;
  };
  const clip = async (session: ExtensionSession, file: string) => {
    const article = await session.context.newPage();
    await article.goto(fixtures.url(file));
    await session.quickClip(await session.tabIdOf(article));
    await article.close();
  };
  const summaryOf = (panel: Page, title: string) =>
    panel.locator('li.clip', { hasText: title }).locator('textarea.summary-input');
  const indicator = (panel: Page) => panel.getByTestId('team-indicator');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    team = await startTeam();
    fixtures = await startFixtureServer();
    [ann, bob] = await Promise.all([launchExtension(), launchExtension()]);
  });
  afterAll(async () => {
    await Promise.all([ann?.close(), bob?.close()]);
    await fixtures?.close();
    await team?.server.close();
  });

  it('connects each editor in Options → Team, saying plainly what is wrong first', async () => {
    const options = await ann.context.newPage();
    await options.goto(`chrome-extension://${ann.extensionId}/options.html`);
    await options.getByLabel('Server address').fill(team.url);
    await options.getByLabel('Team database').fill(team.db);
    await options.getByLabel('User name').fill('ann');
    await options.getByLabel('Password').fill('not her password');
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => options.locator('#team-heading ~ .notice').textContent())
      .toBe('The user name or password is wrong.');
    await options.close();
    const annOptions = await connect(ann, 'ann');
    await annOptions.getByTestId('team-state').scrollIntoViewIfNeeded();
    await annOptions.screenshot({ path: `${OUT}/team-options-ann.png`, fullPage: true });
    await connect(bob, 'bob');
    [annPanel, bobPanel] = await Promise.all([panelOf(ann), panelOf(bob)]);
  });

  it("shows Ann's clip in Bob's side panel within two seconds", async () => {
    await expect.poll(() => indicator(bobPanel).textContent()).toBe('Synced');
    await clip(ann, 'wire-article.html');
    // Timed from Ann's save (the quick clip has returned) to Bob's screen.
    const started = Date.now();
    await expect.poll(() => bobPanel.locator('li.clip').count(), { timeout: 2_000, interval: 50 }).toBe(1);
    const took = Date.now() - started;
    expect(took).toBeLessThan(2_000);
    expect(await bobPanel.locator('li.clip').textContent()).toContain('Apple to buy Israeli audio AI startup Q.ai');
    await bobPanel.screenshot({ path: `${OUT}/team-side-panel-bob.png` });
  });

  it('keeps both when Bob edits the summary and Ann the note of the same item', async () => {
    const title = 'Apple to buy Israeli audio AI startup Q.ai';
    await summaryOf(bobPanel, title).fill('Bob’s summary');
    await summaryOf(bobPanel, title).press('Enter');
    await annPanel.locator('li.clip', { hasText: title }).getByRole('button', { name: /^Edit/ }).click();
    const editor = annPanel.getByRole('form', { name: 'Edit' });
    await editor.getByLabel('Note', { exact: true }).fill('Ann’s note');
    await editor.getByRole('button', { name: 'Done' }).click();
    for (const session of [ann, bob])
      await expect
        .poll(async () => (await readEntries(session.worker)).map((e) => [e.summary, e.note]), { timeout: 10_000 })
        .toEqual([['Bob’s summary', 'Ann’s note']]);
  });

  it('shows a conflict on both when both change the summary offline, settled once for both', async () => {
    const title = 'Apple to buy Israeli audio AI startup Q.ai';
    await team.server.stop();
    await summaryOf(annPanel, title).fill('Ann offline');
    await summaryOf(annPanel, title).press('Enter');
    await summaryOf(bobPanel, title).fill('Bob offline');
    await summaryOf(bobPanel, title).press('Enter');
    await expect.poll(() => indicator(annPanel).textContent(), { timeout: 15_000 }).toBe('Offline · 1 waiting');
    await annPanel.screenshot({ path: `${OUT}/team-offline-ann.png` });
    await team.server.restart();
    for (const panel of [annPanel, bobPanel])
      await expect.poll(() => panel.locator('li.clip .conflict').count(), { timeout: 6_000 }).toBe(1);
    const shown = await summaryOf(annPanel, title).inputValue();
    expect(await summaryOf(bobPanel, title).inputValue()).toBe(shown);
    expect(await indicator(bobPanel).textContent()).toContain('1 to choose');
    await bobPanel.screenshot({ path: `${OUT}/team-conflict-bob.png` });
    await bobPanel.locator('li.clip .conflict').getByRole('button', { name: 'Use the other' }).click();
    for (const panel of [annPanel, bobPanel])
      await expect.poll(() => panel.locator('li.clip .conflict').count(), { timeout: 10_000 }).toBe(0);
    const chosen = await summaryOf(bobPanel, title).inputValue();
    expect(chosen).not.toBe(shown);
    await expect.poll(() => summaryOf(annPanel, title).inputValue(), { timeout: 10_000 }).toBe(chosen);
  });

  it('carries the trash and a purge to the other editor', async () => {
    await clip(bob, 'zhihu-article.html');
    await expect.poll(() => annPanel.locator('li.clip').count(), { timeout: 10_000 }).toBe(2);
    const entries = await readEntries(bob.worker);
    const zhihu = entries.find((e) => e.canonicalUrl.includes('zhihu')) ?? entries[1];
    await annPanel.getByRole('button', { name: `More actions: ${zhihu?.title}` }).click();
    await annPanel.getByRole('button', { name: `Delete: ${zhihu?.title}` }).click();
    await expect.poll(() => bobPanel.locator('li.clip').count(), { timeout: 10_000 }).toBe(1);
    await bobPanel.getByRole('button', { name: 'Trash (1)' }).click();
    await bobPanel.getByRole('button', { name: `Delete forever: ${zhihu?.title}` }).click();
    await expect.poll(async () => (await readEntries(ann.worker)).length, { timeout: 10_000 }).toBe(1);
    await bobPanel.getByRole('button', { name: 'Back to the week' }).click();
  });

  it('sends ten thoughts written offline once the server is back, in order, none twice', async () => {
    await team.server.stop();
    const section = 'Industry Thoughts';
    for (let n = 1; n <= 10; n++) {
      await annPanel.getByRole('button', { name: `Add a thought or note to ${section}` }).click();
      const form = annPanel.getByRole('form', { name: `Add a thought or note to ${section}` });
      await form.getByLabel('Summary', { exact: true }).fill(`Thought ${n}`);
      await form.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => form.count()).toBe(0);
    }
    await expect.poll(() => indicator(annPanel).textContent(), { timeout: 10_000 }).toMatch(/^Offline · \d+ waiting$/);
    await team.server.restart();
    const thoughts = (panel: Page) => panel.locator('[data-section="thoughts"] li.clip .summary-input');
    await expect
      .poll(
        async () => await thoughts(bobPanel).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)),
        {
          timeout: 10_000,
        },
      )
      .toEqual(Array.from({ length: 10 }, (_, i) => `Thought ${i + 1}`));
    const stored = (await readEntries(bob.worker)).filter((e) => e.summary.startsWith('Thought'));
    expect(new Set(stored.map((e) => e.id)).size).toBe(10);
    await expect.poll(() => indicator(annPanel).textContent()).toBe('Synced');
  });

  it('asks to sign in again when the session ends, and loses no change made meanwhile', async () => {
    // The session cookie gone (expired, or signed out elsewhere): the server no longer knows Ann.
    await ann.context.clearCookies();
    const title = 'Apple to buy Israeli audio AI startup Q.ai';
    await summaryOf(annPanel, title).fill('Written while signed out');
    await summaryOf(annPanel, title).press('Enter');
    await expect.poll(() => indicator(annPanel).textContent(), { timeout: 10_000 }).toBe('Sign in again');
    const options = await ann.context.newPage();
    await options.goto(`chrome-extension://${ann.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('team-state').getAttribute('data-state')).toBe('signed-out');
    expect(await options.getByLabel('User name').inputValue()).toBe('ann');
    await options.getByLabel('Password').fill('pw-ann');
    await options.getByTestId('team-state').scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${OUT}/team-options-signed-out.png` });
    await options.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => options.getByTestId('team-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('synced');
    await expect
      .poll(() => summaryOf(bobPanel, title).inputValue(), { timeout: 10_000 })
      .toBe('Written while signed out');
  });

  it('disconnects: the week stays in this browser, nothing is deleted on the server, and the form is back', async () => {
    const before = (await readEntries(ann.worker)).length;
    const options = await ann.context.newPage();
    await options.goto(`chrome-extension://${ann.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await expect
      .poll(() => options.locator('#team-heading ~ .notice').textContent())
      .toBe('Disconnected. Everything stays in this browser.');
    // The notice comes with the action's answer; the state block goes with the live query's next render.
    await expect.poll(() => options.getByTestId('team-state').count()).toBe(0);
    await expect.poll(() => options.getByLabel('Server address').count()).toBe(1);
    await expect.poll(() => indicator(annPanel).count()).toBe(0);
    expect((await readEntries(ann.worker)).length).toBe(before);
    // The server still holds every item Ann sent, and Bob keeps syncing.
    const admin = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    const all = (await (
      await fetch(`${team.url}/${team.db}/_all_docs?startkey="item:"&endkey="item:\ufff0"`, {
        headers: { authorization: admin },
      })
    ).json()) as { rows: unknown[] };
    expect(all.rows.length).toBeGreaterThanOrEqual(before);
    await expect.poll(() => indicator(bobPanel).textContent()).toBe('Synced');
  });
});
