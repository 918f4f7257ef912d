import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml, renderDigestWechat } from '../../../lib/digest/html-writer';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { quoteKey } from '../../../lib/record-rules';
import type { WeekItem } from '../../../lib/types';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';
import { nodeTypes } from './commonmark-nodes';

const deep = SEED_WEEK.items.find((i) => i.id === 'i-deep-capex') as WeekItem;
const source = deep.sources[0] as WeekItem['sources'][number];

/** The seed week with one deep dive citing one source with this quote. */
function weekWithQuote(text: string, markdown?: string) {
  const quoted = { ...source, quotes: [{ text, ...(markdown ? { markdown } : {}), createdAt: 1 }] };
  const settings = { ...SEED_WEEK.settings, deepDiveQuotes: 'all' as const };
  return { ...SEED_WEEK, settings, items: [{ ...deep, sources: [quoted] }], lede: '', closing: '' };
}

describe('buildDigest: a quote’s own Markdown', () => {
  const text = 'The CEO said more in code.\n\none\ntwo';
  const markdown = 'The **CEO** said [more](https://x.example/a_(b)) in `code`.\n\n- one\n- two';

  it('keeps the links, emphasis, code and lists a selection carried, in Markdown', () => {
    const md = renderDigest(weekWithQuote(text, markdown)).markdown;
    expect(md).toContain('> The **CEO** said [more](https://x.example/a_%28b%29) in `code`.');
    expect(md).toContain('> - one');
    const types = nodeTypes(new Parser().parse(md));
    for (const t of ['block_quote', 'strong', 'link', 'code', 'list']) expect(types).toContain(t);
    // In the references too, under the numbered entry.
    const references = md.slice(md.lastIndexOf('## '));
    expect(references).toContain('   > The **CEO** said [more]');
  });

  it('keeps them in HTML and rich text, and as numbered markers for the 公众号 editor', () => {
    const { fragment } = renderDigestHtml(weekWithQuote(text, markdown));
    const doc = new DOMParser().parseFromString(fragment, 'text/html');
    const quote = doc.querySelector('blockquote') as Element;
    expect(quote.querySelector('strong')?.textContent).toBe('CEO');
    expect(quote.querySelector('a')?.getAttribute('href')).toBe('https://x.example/a_(b)');
    expect(quote.querySelector('code')?.textContent).toBe('code');
    expect(Array.from(quote.querySelectorAll('li'), (li) => li.textContent)).toEqual(['one', 'two']);
    const wechat = renderDigestWechat(weekWithQuote(text, markdown));
    expect(wechat.html).not.toContain('<a ');
    expect(
      new DOMParser().parseFromString(wechat.html, 'text/html').querySelector('blockquote strong')?.textContent,
    ).toBe('CEO');
    expect(wechat.html).toContain('https://x.example/a_(b)');
  });

  it('escapes and checks a quote’s Markdown like a note: no HTML, no script links', () => {
    const hostile = 'a <img src=x onerror=alert(1)> [x](javascript:alert(1)) **b**';
    const md = renderDigest(weekWithQuote('a x b', hostile)).markdown;
    expect(nodeTypes(new Parser().parse(md))).not.toContain('html_inline');
    const { fragment } = renderDigestHtml(weekWithQuote('a x b', hostile));
    expect(fragment).not.toContain('<img');
    expect(fragment).not.toContain('href="javascript');
  });

  it('keeps every line of a quote inside the block quote, and text that looks like a block stays text', () => {
    const md = renderDigest(weekWithQuote('x', '\\- not a list\n\\> not a quote\n1\\. not numbered *yes*')).markdown;
    expect(md).toContain('> \\- not a list\n> \\> not a quote\n> 1\\. not numbered *yes*');
    let quote = new Parser().parse(md).firstChild;
    while (quote && quote.type !== 'block_quote') quote = quote.next;
    expect(quote).toBeTruthy();
    expect(nodeTypes(quote as NonNullable<typeof quote>)).not.toContain('list');
  });

  it('prints a quote without Markdown as its text, escaped', () => {
    const md = renderDigest(weekWithQuote('2 * 3 = [six]')).markdown;
    expect(md).toContain('> 2 \\* 3 = \\[six\\]');
  });
});

describe('buildDigest: which quotes a deep dive prints', () => {
  const quotes = [
    { text: 'First quote.', createdAt: 1 },
    { text: 'Second quote.', createdAt: 2 },
  ];
  const week = (deepDiveQuotes: 'none' | 'first' | 'all' | undefined, shown?: string[]) => {
    const quoted = { ...source, quotes };
    const item = { ...deep, sources: [quoted], ...(shown ? { shownQuotes: shown } : {}) };
    const settings = { ...SEED_WEEK.settings, ...(deepDiveQuotes ? { deepDiveQuotes } : {}) };
    return { ...SEED_WEEK, settings, items: [item], lede: '', closing: '' };
  };
  const underDive = (md: string) => md.slice(md.indexOf('### '), md.indexOf('## 参考资料'));
  const references = (md: string) => md.slice(md.indexOf('## 参考资料'));

  it('prints none by default, as the published digest does; the references keep every quote', () => {
    const md = renderDigest(week(undefined)).markdown;
    expect(underDive(md)).not.toContain('>');
    expect(references(md)).toContain('> First quote.');
    expect(references(md)).toContain('> Second quote.');
  });

  it('prints the first of each source, or all, when the options say so', () => {
    expect(underDive(renderDigest(week('first')).markdown)).toContain('> First quote.');
    expect(underDive(renderDigest(week('first')).markdown)).not.toContain('Second quote.');
    expect(underDive(renderDigest(week('all')).markdown)).toContain('> Second quote.');
  });

  it('prints exactly the quotes ticked on the item, whatever the default, matched by quoteKey', () => {
    const second = quoteKey(source.id, quotes[1] as (typeof quotes)[number]);
    const md = renderDigest(week('all', [second])).markdown;
    expect(underDive(md)).toContain('> Second quote.');
    expect(underDive(md)).not.toContain('First quote.');
    // Ticking none prints none, even with "all" as the default.
    expect(underDive(renderDigest(week('all', [])).markdown)).not.toContain('>');
    // A tick names its quote, not its place: reordered quotes keep their ticks.
    const reordered = week('none', [second]);
    (reordered.items[0] as WeekItem).sources[0] = { ...source, quotes: [...quotes].reverse() };
    expect(underDive(renderDigest(reordered).markdown)).toContain('> Second quote.');
    expect(underDive(renderDigest(reordered).markdown)).not.toContain('First quote.');
  });
});
