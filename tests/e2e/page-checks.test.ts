import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, Source } from '../../lib/types';
import { weekIdFor } from '../../lib/week';
import { axeViolations } from '../harness/axe';
import { useExtension } from '../harness/extension';
import { clearRecords, putRecords } from '../harness/page';

const OUT = '.e2e-artifacts';

/**
 * Text in GBK, the encoding many Chinese sites still serve. Node decodes GBK but has no encoder, so
 * one is read off the decoder: every two-byte code, and the character it decodes to.
 */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !codes.has(char)) codes.set(char, [lead, trail]);
    }
  return Buffer.from(
    [...text].flatMap((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return [code];
      const bytes = codes.get(char);
      if (!bytes) throw new Error(`No GBK code for ${char}`);
      return bytes;
    }),
  );
}

/** A Chinese page in GBK that says so only in its <meta>, as many do (the header names no charset). */
const GBK_PAGE = encodeGbk(
  '<!doctype html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>地方新闻</title></head><body><article><h1>地方新闻</h1><p>本市今年新增公共充电桩三千个，覆盖所有街道。</p></article></body></html>',
);

const article = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article><script>var hidden = "the model is not a replacement";</script></body></html>`;

/**
 * Every case the check must tell apart, served on 127.0.0.1 (the one host the e2e build holds,
 * so the browser grants the check's request without a prompt). `localhost` stands in for a
 * site the check was not allowed to read.
 */
function startSites(): Promise<{ server: Server; url: (path: string) => string }> {
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    const path = req.url ?? '/';
    const html = (status: number, body: string) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const redirect = (to: string) => res.writeHead(302, { location: to }).end();
    switch (path) {
      case '/':
        return html(200, article('Example News', '<p>Front page.</p>'));
      case '/fine':
        return html(
          200,
          article(
            'Model launch',
            '<p>The company said the model “is not a replacement for human judgement”, and would ship in March.</p><p>它在数学基准上的得分提高了 12%，但推理成本也随之上升。</p>',
          ),
        );
      case '/changed':
        return html(
          200,
          article(
            'Model launch, updated',
            '<p>The company said the model is a helper for human judgement, and would ship in March.</p><p>Analysts expect the launch to lift sales in the second half, though the company gave no figures.</p><p>它在数学基准上的得分提高了 12%，但推理成本也随之上升。</p>',
          ),
        );
      case '/moved':
        return res.writeHead(301, { location: '/fine' }).end();
      case '/gone':
        return html(404, article('Not found', '<p>No such page.</p>'));
      case '/soft-404':
        return html(200, article('Page not found', '<p>Sorry.</p>'));
      case '/broken':
        return html(503, article('Error', '<p>Try later.</p>'));
      case '/members-only':
        return redirect('/login?next=%2Fmembers-only');
      case '/premium':
        return redirect('/subscribe?from=premium');
      case '/walled':
        // The article's own address, its title, and an offer instead of the story.
        return html(
          200,
          article(
            'Model launch',
            '<p>Subscribe to continue reading. Already a subscriber? <a href="/login">Sign in</a>.</p>',
          ),
        );
      case '/huge':
        // 250,000 one-letter sentences (0.75 MB): matching a long quote against every run of them.
        return html(200, article('Model launch', `<p>${'a. '.repeat(250_000)}</p>`));
      case '/old-story':
        return redirect('/');
      case '/away':
        return redirect(`http://localhost:${port}/fine`);
      case '/app':
        // A page whose words its script draws: the server sends a shell.
        return html(
          200,
          '<!doctype html><html lang="en"><head><title>Model launch</title></head><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>',
        );
      case '/gbk':
        return res.writeHead(200, { 'content-type': 'text/html' }).end(GBK_PAGE);
      case '/slow':
        setTimeout(() => html(200, article('Slow', '<p>Late.</p>')), 3000);
        return;
      default:
        if (path.startsWith('/login') || path.startsWith('/subscribe'))
          return html(200, article('Sign in', '<p>Sign in to read.</p>'));
        return html(404, article('Not found', ''));
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: (path) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}` }),
    ),
  );
}

const CASES: [path: string, status: string][] = [
  ['/fine', 'ok'],
  ['/changed', 'ok'],
  ['/moved', 'moved'],
  ['/gone', 'gone'],
  ['/soft-404', 'gone'],
  ['/broken', 'server-error'],
  ['/members-only', 'login'],
  ['/premium', 'paywall'],
  ['/walled', 'barrier'],
  ['/old-story', 'home'],
  ['/away', 'elsewhere'],
  ['/slow', 'timeout'],
  ['/gbk', 'ok'],
  ['/app', 'ok'],
];

describe.each(['light', 'dark'] as const)('checking links and quotes, in %s mode', (colorScheme) => {
  const env = useExtension({ colorScheme });
  let sites: Awaited<ReturnType<typeof startSites>>;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    sites = await startSites();
  });
  afterAll(
    () =>
      new Promise<void>((done) => {
        sites.server.closeAllConnections();
        sites.server.close(() => done());
      }),
  );

  it('reports each link as a reader would meet it, and each quote the page no longer has', async () => {
    const weekId = weekIdFor(Date.now());
    // A closed port (refused connection) and TLS spoken to a plain-HTTP server: unreachable.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/closed`;
    await new Promise((done) => closed.close(done));
    const tls = sites.url('/fine').replace('http://', 'https://');
    const urls = [...CASES.map(([path]) => sites.url(path)), refused, tls];
    const sources: Source[] = urls.map((url, i) => ({
      id: `s${i}`,
      pageUrl: url,
      canonicalUrl: url,
      title: `Story ${i}`,
      source: 'Example News',
      quotes:
        i === 0
          ? [
              { text: 'is not a replacement for human judgement, and would ship in March', createdAt: 1 },
              { text: '它在数学基准上的得分提高了12%,但推理成本也随之上升', createdAt: 1 },
            ]
          : i === 1
            ? [{ text: 'the model “is not a replacement for human judgement”, and would ship in March', createdAt: 1 }]
            : i === 3
              ? [{ text: 'A quote on a page that is gone', createdAt: 1 }]
              : urls[i]?.endsWith('/gbk')
                ? [{ text: '本市今年新增公共充电桩三千个', createdAt: 1 }]
                : urls[i]?.endsWith('/app') || urls[i]?.endsWith('/walled')
                  ? [{ text: 'is not a replacement for human judgement', createdAt: 1 }]
                  : [],
      createdAt: 1,
      updatedAt: 1,
    }));
    const items: Item[] = sources.map((source, i) => ({
      id: `i${i}`,
      weekId,
      sectionId: 'briefs',
      order: `a${String(i).padStart(2, '0')}`,
      summary: `Summary ${i}`,
      note: '',
      tags: [],
      sourceIds: [source.id],
      createdAt: 1,
      updatedAt: 1,
    }));
    await clearRecords(env.session.worker);
    await putRecords(env.session.worker, 'sources', sources);
    await putRecords(env.session.worker, 'items', items);

    const popup = await env.session.openPopup();
    await expect.poll(() => popup.locator('li.clip').count()).toBe(urls.length);
    await popup.getByRole('button', { name: 'Check links and quotes' }).click();
    const report = popup.getByTestId('link-report');
    await report.waitFor({ timeout: 20_000 });

    const shown = await report
      .locator('li[data-status]')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('button')?.textContent, row.getAttribute('data-status')]),
      );
    // The page whose script draws its words is listed for its quote, which was not looked for.
    const shell = `Story ${CASES.findIndex(([path]) => path === '/app')}`;
    const expected = [
      ...CASES.map(([, status], i) => [`Story ${i}`, status]),
      [`Story ${CASES.length}`, 'unreachable'],
      [`Story ${CASES.length + 1}`, 'unreachable'],
    ].filter(([title, status]) => status !== 'ok' || title === 'Story 1' || title === shell);
    expect(shown).toEqual(expected);

    // The ordinary redirect is not an error and names where it lands; the changed quote names the passage now there.
    const moved = report.locator('li[data-status="moved"]');
    expect(await moved.getAttribute('class')).toBe('info');
    expect(await moved.textContent()).toContain(sites.url('/fine'));
    const row = (title: string) =>
      report.locator('li').filter({ has: popup.getByRole('button', { name: title, exact: true }) });
    const changed = row('Story 1');
    expect(await changed.textContent()).toContain(
      'Closest passage now: “The company said the model is a helper for human judgement, and would ship in March.”',
    );
    expect(await row('Story 3').textContent()).toContain('Quotes not checked: 1');
    expect(await row(shell).textContent()).toContain(
      'Quotes not checked: 1 (the page sends no text to look in: a PDF, or words its script draws).',
    );
    expect(await row(shell).textContent()).not.toContain('Quote not on the page');
    // A paywall at the article's own address: said so, and its quote is not reported gone.
    const walled = row(`Story ${CASES.findIndex(([path]) => path === '/walled')}`);
    expect(await walled.textContent()).toContain('behind a paywall or sign-in');
    expect(await walled.textContent()).toContain('Quotes not checked: 1');
    expect(await walled.textContent()).not.toContain('Quote not on the page');
    // Worth a look: the redirect to another site, the changed quote's page, the shell whose quote was not looked
    // for, and the paywalled page.
    expect(await report.locator('p.hint').textContent()).toMatch(
      new RegExp(`${urls.length} links; broken: 9; worth a look: 4; quotes not found: 1\\.$`),
    );

    // Each status reads on from the entry's title: its first words never start a line of their own.
    const strays = await report.locator('li[data-status]').evaluateAll(
      (rows) =>
        rows.filter((li) => {
          const title = li.querySelector('button') as HTMLElement;
          const colon = title.nextSibling as Text;
          const range = document.createRange();
          range.setStart(colon, 0);
          range.setEnd(colon, Math.min(2, colon.length));
          const lastLine = [...title.getClientRects()].pop() as DOMRect;
          const first = range.getClientRects()[0] as DOMRect;
          return Math.abs(first.top - lastLine.top) > 2;
        }).length,
    );
    expect(strays).toBe(0);

    // The result stays with the week: a new popup shows it without checking again.
    expect(await axeViolations(popup)).toEqual([]);
    await report.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: `${OUT}/popup-link-check-${colorScheme}.png` });
    await popup.close();
    const again = await env.session.openPopup();
    await expect.poll(() => again.getByTestId('link-report').locator('li[data-status]').count()).toBe(expected.length);

    // The editor drops the story whose page is gone: the report stops listing it, counts what is left,
    // and says the week changed since the check.
    await again.locator('li.clip', { has: again.locator('a.clip-title[title="Story 3"]') }).focus();
    await again.keyboard.press('Delete');
    const after = again.getByTestId('link-report');
    await expect.poll(() => after.locator('li[data-status]').count()).toBe(expected.length - 1);
    expect(await after.locator('li[data-status="gone"]').count()).toBe(1);
    expect(await after.locator('p.hint').first().textContent()).toMatch(
      /broken: 8; worth a look: 4; quotes not found: 1\.$/,
    );
    expect(await after.locator('p.hint').last().textContent()).toBe(
      'The week changed since this check: links no longer in it: 1; links not checked yet: 0. Check again to see them all.',
    );

    // Nothing stays granted that the check asked for (the e2e build holds 127.0.0.1 itself).
    const origins = await env.session.worker.evaluate(async () => (await chrome.permissions.getAll()).origins);
    expect(origins).toEqual(['*://127.0.0.1/*']);
  }, 60_000);

  it('looks for a quote on a huge page off the popup’s thread, within the page’s time limit', async () => {
    const url = sites.url('/huge');
    const quote = 'The company said the model was trained on public data only, and no private data was used. '.repeat(
      5,
    );
    await clearRecords(env.session.worker);
    await putRecords(env.session.worker, 'sources', [
      {
        id: 'h',
        pageUrl: url,
        canonicalUrl: url,
        title: 'Model launch',
        source: 'Example News',
        quotes: [{ text: quote, createdAt: 1 }],
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    await putRecords(env.session.worker, 'items', [
      {
        id: 'ih',
        weekId: weekIdFor(Date.now()),
        sectionId: 'briefs',
        order: 'a',
        summary: 'S',
        note: '',
        tags: [],
        sourceIds: ['h'],
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    const popup = await env.session.openPopup();
    await popup.locator('li.clip').first().waitFor();
    // The longest stretch the popup's own thread is busy while the check runs.
    await popup.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    await popup.getByRole('button', { name: 'Check links and quotes' }).click();
    const report = popup.getByTestId('link-report');
    await report.waitFor({ timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const row = report.locator('li[data-status]');
    expect(await row.textContent()).toMatch(/Quote not on the page|Quotes not checked: 1/);
    // Reading 0.75 MB of HTML takes the thread a moment; matching the quote (about half a second inline) does not.
    expect(await popup.evaluate(() => (window as unknown as { longest: number }).longest)).toBeLessThan(300);
  }, 60_000);
});
