import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHARSET_SCAN_BYTES,
  type CheckTarget,
  checkPages,
  checkTargets,
  classifyAnswer,
  type FetchedPage,
  FetchFailure,
  findQuote,
  normalizeForMatch,
  pageEncoding,
  readableText,
} from '../../../lib/digest/page-checks';
import { bagLikeness } from '../../../lib/text';
import type { Source, WeekItem } from '../../../lib/types';

const page = (finalUrl: string, status = 200, extra: Partial<FetchedPage> = {}): FetchedPage => ({
  status,
  finalUrl,
  ...extra,
});

describe('classifyAnswer', () => {
  const url = 'https://news.example.com/2026/01/27/story.html';
  it.each([
    [page(url), 'ok'],
    [page(url, 404), 'gone'],
    [page(url, 410), 'gone'],
    [page(url, 503), 'server-error'],
    [page(url, 403), 'refused'],
    [page(url, 429), 'refused'],
    [page(url, 418), 'client-error'],
    [page(url, 200, { title: 'Page Not Found – Example News' }), 'gone'],
    [page(url, 200, { title: '页面不存在' }), 'gone'],
    // Ordinary redirects are not errors: https, a new path, a trailing slash, a tracking hop.
    [page('https://news.example.com/2026/01/27/story/'), 'moved'],
    [page('https://www.example.com/news/story-123'), 'moved'],
    [page('https://news.example.com/login?next=%2F2026%2F01%2F27%2Fstory.html'), 'login'],
    [page('https://accounts.example.com/signin?continue=x'), 'login'],
    [page('https://news.example.com/subscribe?ref=paywall'), 'paywall'],
    [page('https://news.example.com/'), 'home'],
    [page('https://news.example.com/en/'), 'home'],
  ] as const)('%o → %s', (answer, status) => {
    expect(classifyAnswer(url, answer)).toBe(status);
  });

  it('does not take a story whose address has "sign-in" or "subscription" in its words for a wall', () => {
    // Short links and ids redirect to the story's full address all the time: an ordinary redirect.
    const short = 'https://news.example.com/p/123';
    for (const slug of [
      '2026/01/27/google-ends-sign-in-with-passwords',
      '2026/01/27/netflix-raises-subscription-prices',
      '2026/01/27/parliament-session-ends-early',
      '2026/01/27/voters-register-early.html',
      'tech/accounts-of-the-outage',
    ])
      expect(classifyAnswer(short, page(`https://news.example.com/${slug}`))).toBe('moved');
    // The walls themselves: a path part, a host, or a query that is the sign-in or the offer.
    expect(classifyAnswer(short, page('https://news.example.com/account/login?return=%2Fp%2F123'))).toBe('login');
    expect(classifyAnswer(short, page('https://sso.example.com/cas/login'))).toBe('login');
    expect(classifyAnswer(short, page('https://news.example.com/auth/realms/readers'))).toBe('login');
    expect(classifyAnswer(short, page('https://passport.example.cn/signin.html?from=news'))).toBe('login');
    expect(classifyAnswer(short, page('https://news.example.com/subscriptions/offers?src=wall'))).toBe('paywall');
    expect(classifyAnswer(short, page('https://news.example.com/membership/'))).toBe('paywall');
  });

  it('does not take an article about something not found for an error page', () => {
    // Titles of real stories: words an error page uses, in a page that is the story the editor clipped.
    const story = (title: string) => classifyAnswer(url, page(url, 200, { title }), title.split(' | ')[0]);
    expect(story('为什么年轻人找不到工作 | 评论周刊')).toBe('ok');
    expect(story('Why the missing plane was not found | Daily Ledger')).toBe('ok');
    expect(story('微博已删除的帖子去了哪里')).toBe('ok');
    expect(story('Error 404: a history of the web’s missing pages')).toBe('ok');
    // The error pages themselves, whatever the clip was called.
    const clipped = 'Chip maker raises its forecast on AI demand';
    expect(classifyAnswer(url, page(url, 200, { title: 'Page not found | Wire One' }), clipped)).toBe('gone');
    expect(classifyAnswer(url, page(url, 200, { title: '404 - 您访问的页面不存在' }), clipped)).toBe('gone');
    expect(classifyAnswer(url, page(url, 200, { title: '找不到页面' }), '国产大模型发布新版本')).toBe('gone');
    // A clip titled with a word or two is no proof: the error page's title may hold it (the site's name).
    expect(classifyAnswer(url, page(url, 200, { title: 'Page not found – AI News' }), 'AI')).toBe('gone');
  });

  it('does not call a page on the login host a login wall when the link itself pointed there', () => {
    expect(classifyAnswer('https://example.com/', page('https://example.com/'))).toBe('ok');
    expect(classifyAnswer('https://example.com/login-guide', page('https://example.com/login-guide/'))).toBe('moved');
    expect(classifyAnswer('https://example.com/authors/li', page('https://example.com/authors/li/'))).toBe('moved');
  });
});

/**
 * The plain way to find the closest passage, as the check first did it: every run of one to three
 * sentences normalized whole and compared pair by pair (sentences × quote length).
 */
function plainClosest(quote: string, pageText: string) {
  const wanted = normalizeForMatch(quote);
  if (wanted === '' || normalizeForMatch(pageText).includes(wanted)) return { text: quote, found: true };
  const pairs = (t: string) => Array.from({ length: Math.max(t.length - 1, 0) }, (_, i) => t.slice(i, i + 2));
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of pageText.matchAll(/(?<=[。！？；])\s*|(?<=[!?.;])\s+|\n+/g)) {
    if (pageText.slice(start, m.index).trim() !== '') spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (pageText.slice(start).trim() !== '') spans.push([start, pageText.length]);
  let best = { score: 0.5, passage: '' };
  for (let i = 0; i < spans.length; i++) {
    for (const [, end] of spans.slice(i, i + 3)) {
      const passage = pageText
        .slice((spans[i] as [number, number])[0], end)
        .replace(/\s+/g, ' ')
        .trim();
      const normal = normalizeForMatch(passage);
      if (normal.length > wanted.length * 3) break;
      const score = bagLikeness(pairs(wanted), pairs(normal));
      if (score > best.score) best = { score, passage };
    }
  }
  return best.passage === '' ? { text: quote, found: false } : { text: quote, found: false, closest: best.passage };
}

describe('findQuote', () => {
  it('names the same closest passage as comparing every passage whole (property)', () => {
    const piece = fc.constantFrom('模型', '发布', 'model', 'ships', 'March', '12%', '$37.5', 'AI', '成本', 'the', 'a');
    const end = fc.constantFrom('. ', '。', '！', '? ', '\n', ' ', '', '; ', '，');
    const sentence = fc.array(fc.tuple(piece, end), { maxLength: 8 }).map((ps) => ps.flat().join(''));
    fc.assert(
      fc.property(sentence, fc.array(sentence, { maxLength: 12 }), (quote, page) => {
        const text = page.join('');
        expect(findQuote(quote, text)).toEqual(plainClosest(quote, text));
      }),
      { numRuns: 300 },
    );
  });

  it('takes a time in line with the page, not with its sentences times the quote (a 0.6 MB page, 200,000 sentences)', () => {
    const quote = 'The company said the model was trained on public data only, and no private data was used. '.repeat(
      5,
    );
    const started = performance.now();
    expect(findQuote(quote, 'a. '.repeat(200_000)).found).toBe(false);
    // The plain way takes about 4 s here; the linear one about 0.3 s (a busy two-core machine may double it).
    expect(performance.now() - started).toBeLessThan(2_000);
    // A deadline already past stops it at once.
    const stopped = performance.now();
    expect(findQuote(quote, 'a. '.repeat(200_000), Date.now() - 1)).toEqual({ text: quote, found: false });
    expect(performance.now() - stopped).toBeLessThan(500);
  });

  it('shows the page’s own words as the closest passage: a point inside $37.5 ends no sentence', () => {
    const page =
      'Microsoft said it spent $37.5 billion on AI in the quarter.  Azure grew 39%. 第一句话在这里。第二句话在那里。';
    const check = findQuote('Microsoft said it spent $35 billion on AI this quarter.', page);
    expect(check.found).toBe(false);
    expect(check.closest).toBe('Microsoft said it spent $37.5 billion on AI in the quarter.');
    // Chinese sentences keep their own spacing (none) when a passage spans two.
    const zh = findQuote('第一句话在这里。第二句话在哪里。', page);
    expect(zh.closest).toBe('第一句话在这里。第二句话在那里。');
  });

  const text = [
    'OpenAI 发布了新模型。它在数学基准上的得分提高了 12%，但推理成本也随之上升。',
    'The company said the model “is not a replacement for human judgement”, and would ship in March.',
    'Analysts were unconvinced.',
  ].join('\n');

  it('finds a quote whatever its whitespace, width, case and punctuation', () => {
    expect(findQuote('它在数学基准上的得分提高了12%,但推理成本也随之上升', text).found).toBe(true);
    expect(findQuote('ＯｐｅｎＡＩ 发布了新模型', text).found).toBe(true);
    expect(findQuote('is NOT a replacement for human\n judgement', text).found).toBe(true);
    expect(findQuote('"is not a replacement for human judgement," and would ship in March', text).found).toBe(true);
  });

  it('names the closest passage when the page says something else now', () => {
    const check = findQuote('it is not a substitute for human judgement and would ship in March', text);
    expect(check.found).toBe(false);
    expect(check.closest).toContain('is not a replacement for human judgement');
    const zh = findQuote('它在数学基准上的得分提高了 15%，但推理成本也随之上升。', text);
    expect(zh).toMatchObject({ found: false, closest: expect.stringContaining('提高了 12%') });
  });

  it('gives no passage when nothing on the page is like the quote', () => {
    expect(findQuote('Completely unrelated words about gardening tools', text)).toEqual({
      text: 'Completely unrelated words about gardening tools',
      found: false,
    });
  });

  it('finds every passage cut from the page, however it is re-spaced (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          minLength: 1,
          maxLength: 200,
          unit: fc.constantFrom('a', 'B', '中', '文', ' ', '\n', '，', ',', '。', '1'),
        }),
        fc.nat(),
        fc.nat(),
        (pageText, a, b) => {
          const start = a % pageText.length;
          const quote = pageText.slice(start, start + 1 + (b % (pageText.length - start)));
          const respaced = quote.replace(/ /g, '  ').replace(/，/g, ',').normalize('NFKC').toUpperCase();
          return findQuote(respaced, pageText).found;
        },
      ),
    );
  });

  it('normalises full-width forms to their half-width twins', () => {
    expect(normalizeForMatch('ＡＢＣ１２３，。 abc')).toBe('abc123abc');
  });
});

function source(id: string, url: string, quotes: string[] = []): Source {
  return {
    id,
    canonicalUrl: url,
    title: id,
    source: 'Example',
    author: '',
    publishedAt: '',
    lang: 'en',
    quotes: quotes.map((text) => ({ text, createdAt: 1 })),
    createdAt: 1,
    updatedAt: 1,
  } as unknown as Source;
}

function item(id: string, sources: Source[], note = ''): WeekItem {
  return {
    id,
    weekId: '2026-01-26',
    sectionId: 'brief',
    order: 'a',
    summary: '',
    note,
    tags: [],
    sourceIds: sources.map((s) => s.id),
    sources,
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('checkTargets', () => {
  it('lists each address once, with every item citing it and every quote, then links in notes', () => {
    const a = source('a', 'https://a.example/1', ['one']);
    const targets = checkTargets([
      item('i1', [a]),
      item('i2', [source('a2', 'https://a.example/1', ['two', 'one'])], 'See [the paper](https://arxiv.org/abs/1).'),
      item('i3', [], 'Also https://b.example/x, and <https://c.example/y>.'),
    ]);
    expect(targets).toEqual([
      { url: 'https://a.example/1', itemIds: ['i1', 'i2'], quotes: ['one', 'two'], title: 'a' },
      { url: 'https://arxiv.org/abs/1', itemIds: ['i2'], quotes: [] },
      { url: 'https://b.example/x', itemIds: ['i3'], quotes: [] },
      { url: 'https://c.example/y', itemIds: ['i3'], quotes: [] },
    ]);
  });
});

describe('checkPages', () => {
  const targets = (n: number): CheckTarget[] =>
    Array.from({ length: n }, (_, i) => ({
      url: `https://s${i}.example/`,
      itemIds: [`i${i}`],
      quotes: ['hello world'],
    }));

  it('keeps at most `concurrency` requests in flight and the report in the targets’ order', async () => {
    let inFlight = 0;
    let most = 0;
    const progress: number[] = [];
    const report = await checkPages(targets(9), {
      concurrency: 3,
      now: () => 42,
      onProgress: (done) => progress.push(done),
      fetchPage: async (url) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, Number(url.match(/\d/)?.[0]) % 3));
        inFlight--;
        return page(url, 200, { text: 'Hello, world!', title: 'x' });
      },
    });
    expect(most).toBe(3);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(report.at).toBe(42);
    expect(report.links.map((l) => l.url)).toEqual(targets(9).map((t) => t.url));
    expect(report.links.every((l) => l.status === 'ok' && l.quotes[0]?.found)).toBe(true);
  });

  it('says a page behind a paywall at its own address is behind one, and does not call its quotes gone', async () => {
    const story = 'The company said the model would ship in March. '.repeat(60);
    const check = (text: string, quotes = ['would ship in March, the company said']) =>
      checkPages([{ url: 'https://news.example/a', itemIds: ['i'], quotes, title: 'Model launch' }], {
        now: () => 1,
        fetchPage: async (url) => page(url, 200, { title: 'Model launch', text }),
      }).then((r) => r.links[0]);
    const walled = await check('Model launch. Subscribe to continue reading. Already a subscriber? Sign in.');
    expect(walled).toMatchObject({ status: 'barrier', quotes: [], unchecked: 1 });
    expect(await check('《模型发布》 订阅后阅读全文。开通会员即可查看。', [])).toMatchObject({ status: 'barrier' });
    // The story itself, ending with an offer to subscribe, is the story: its quote is looked for.
    const open = await check(`${story} Subscribe to continue reading our coverage.`, ['would ship in March']);
    expect(open).toMatchObject({ status: 'ok', quotes: [{ found: true }] });
    expect(await check(`${story} Subscribe to continue reading.`, [])).toMatchObject({ status: 'ok' });
  });

  it('asks one site for one page at a time, while other sites fill the other places', async () => {
    // A week citing five stories of one wire and four of other sites: a site asked for five pages at
    // once may refuse some (429), which would read as a problem with the links.
    const sites = ['wire', 'wire', 'wire', 'wire', 'wire', 'a', 'b', 'c', 'd'];
    const list: CheckTarget[] = sites.map((site, i) => ({
      url: `https://${site}.example/${i}`,
      itemIds: [],
      quotes: [],
    }));
    const open = new Map<string, number>();
    let most = 0;
    let mostOneSite = 0;
    const report = await checkPages(list, {
      concurrency: 4,
      now: () => 1,
      fetchPage: async (url) => {
        const host = new URL(url).host;
        open.set(host, (open.get(host) ?? 0) + 1);
        most = Math.max(
          most,
          [...open.values()].reduce((a, b) => a + b, 0),
        );
        mostOneSite = Math.max(mostOneSite, open.get(host) ?? 0);
        await new Promise((r) => setTimeout(r, 2));
        open.set(host, (open.get(host) ?? 0) - 1);
        return page(url);
      },
    });
    expect(mostOneSite).toBe(1);
    expect(most).toBe(4);
    expect(report.links.map((l) => l.url)).toEqual(list.map((t) => t.url));
  });

  it('stops a request at its time limit and tells failures apart', async () => {
    const report = await checkPages(targets(4), {
      timeoutMs: 30,
      now: () => 1,
      fetchPage: (url, signal) => {
        if (url.includes('s0'))
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        if (url.includes('s1')) return Promise.reject(new FetchFailure('unreachable'));
        if (url.includes('s2')) return Promise.reject(new FetchFailure('elsewhere'));
        return Promise.resolve(page(url, 404, { text: 'hello world' }));
      },
    });
    expect(report.links.map((l) => l.status)).toEqual(['timeout', 'unreachable', 'elsewhere', 'gone']);
    // A quote on a page that did not answer is counted as not checked, never as found or missing.
    expect(report.links.map((l) => [l.quotes.length, l.unchecked])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('does not call a quote missing from a page whose text its script draws (an empty shell)', async () => {
    const shell = 'You need to enable JavaScript to run this app.';
    const article = `${'A paragraph of the story as the server sends it. '.repeat(8)}hello world.`;
    const report = await checkPages(targets(3), {
      now: () => 1,
      fetchPage: async (url) =>
        page(url, 200, { title: 'x', text: url.includes('s0') ? shell : url.includes('s1') ? article : 'hello world' }),
    });
    expect(report.links.map((l) => [l.quotes.map((q) => q.found), l.unchecked])).toEqual([
      // The shell: the quote is not looked for in text that is not the page's.
      [[], 1],
      [[true], undefined],
      // Short text that has the quote: found.
      [[true], undefined],
    ]);
    // A page with its text that no longer has the quote: missing, as before.
    const changed = await checkPages(targets(1), {
      now: () => 1,
      fetchPage: async (url) => page(url, 200, { title: 'x', text: article.replace('hello world', 'goodbye') }),
    });
    expect(changed.links[0]?.quotes).toEqual([{ text: 'hello world', found: false }]);
  });

  it('starts nothing more once cancelled', async () => {
    const controller = new AbortController();
    let started = 0;
    const report = await checkPages(targets(6), {
      concurrency: 2,
      now: () => 1,
      signal: controller.signal,
      fetchPage: async (url) => {
        started++;
        await Promise.resolve();
        controller.abort();
        return page(url);
      },
    });
    expect(started).toBe(2);
    expect(report.links).toHaveLength(2);
  });
});

describe('readableText', () => {
  it('reads the visible words, a line per block, without scripts or styles', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><title>t</title><style>p{}</style></head><body><h1>Head</h1><p>One <b>two</b></p><script>var x = "no";</script><ul><li>a</li><li>b</li></ul></body></html>',
      'text/html',
    ) as unknown as Document;
    expect(readableText(doc).split('\n').filter(Boolean)).toEqual(['Head', 'One two', 'a', 'b']);
  });
});

describe('pageEncoding', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['text/html; charset=GBK', '<html>', 'gbk'],
    ['text/html; charset="Shift_JIS"', '<html>', 'shift_jis'],
    // The header wins over the page's own <meta>.
    ['text/html; charset=utf-8', '<meta charset="gb2312">', 'utf-8'],
    ['text/html', '<meta charset="gb2312">', 'gbk'],
    ['text/html', "<meta charset='big5'>", 'big5'],
    ['text/html', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'gbk'],
    ['', '<!doctype html><head><META CHARSET=windows-1251></head>', 'windows-1251'],
    // Names nobody knows, and none at all: UTF-8.
    ['text/html; charset=klingon', '<meta charset="x-unknown">', 'utf-8'],
    ['text/html', '<p>charset is a word here</p>', 'utf-8'],
    // A <meta> saying UTF-16 in single-byte markup is not believed.
    ['text/html', '<meta charset="utf-16">', 'utf-8'],
  ])('reads %j with %j as %s', (type, head, encoding) => {
    expect(pageEncoding(type, bytes(head))).toBe(encoding);
  });

  it('puts a byte order mark before what the header says', () => {
    expect(pageEncoding('text/html; charset=gbk', new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(pageEncoding('text/html', new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe('utf-16le');
    expect(pageEncoding('text/html', new Uint8Array([0xfe, 0xff, 0, 0x3c]))).toBe('utf-16be');
  });

  it('looks for the <meta> near the top only: past a long head (1,100 bytes) but not in the body', () => {
    const head = (n: number) => `<html><head><title>${'x'.repeat(n)}</title><meta charset="gbk">`;
    expect(pageEncoding('text/html', bytes(head(1100)))).toBe('gbk');
    expect(pageEncoding('text/html', bytes(head(CHARSET_SCAN_BYTES)))).toBe('utf-8');
  });

  it('answers an encoding TextDecoder takes, for any header and any first bytes', () => {
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 5000 }), (type, head) => {
        new TextDecoder(pageEncoding(type, head));
      }),
    );
  });
});
