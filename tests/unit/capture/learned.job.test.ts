import { describe, expect, it } from 'vitest';
import { runLearnedJob, withLearned } from '../../../lib/capture/learned';
import type { LearnedRule, PageCapture } from '../../../lib/types';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('runLearnedJob: what the learned-places script does in a page', () => {
  it('locates corrected values (a declaring meta first) and reads them on the next page', () => {
    const first = page(
      '<article><h1>One</h1><div class="credit-line">Words — Jane Roe</div></article>',
      '<meta name="parsely-pub-date" content="2026-01-27T08:00:00Z">',
    );
    const located = runLearnedJob(first, {
      locate: [
        { field: 'author', value: 'Jane Roe' },
        { field: 'publishedAt', value: '2026-01-27' },
        { field: 'source', value: 'Nowhere on the page' },
      ],
    }).located;
    expect(located).toEqual({
      author: { tag: 'div', classes: ['credit-line'], label: 'Words —' },
      publishedAt: { tag: 'meta', classes: [], meta: 'parsely-pub-date' },
    });
    const next = page(
      '<article><h1>Two</h1><div class="credit-line">Words — John Doe</div></article>',
      '<meta name="parsely-pub-date" content="2026-02-03T10:00:00Z">',
    );
    const read = runLearnedJob(next, {
      read: [
        { field: 'author', spot: located.author as NonNullable<typeof located.author> },
        { field: 'publishedAt', spot: located.publishedAt as NonNullable<typeof located.publishedAt> },
      ],
    }).read;
    expect(read).toEqual({ author: 'John Doe', publishedAt: '2026-02-03T10:00:00Z' });
  });

  it('reads nothing from a malformed job or a place that is not there', () => {
    expect(runLearnedJob(page('<p>x</p>'), undefined)).toEqual({ read: {}, located: {} });
    const bad = { tag: 'div', classes: ['a"]'] } as never;
    expect(runLearnedJob(page('<p>x</p>'), { read: [{ field: 'author', spot: bad }] }).read).toEqual({});
  });
});

describe('withLearned', () => {
  const capture: PageCapture = {
    pageUrl: 'https://news.example/a',
    canonicalUrl: 'https://news.example/a',
    title: 'T',
    source: 'News',
    author: 'Wrong Guess',
    origins: { title: 'declared', source: 'declared', author: 'byline' },
  };
  const rule: LearnedRule = {
    site: 'news.example',
    field: 'author',
    spot: { tag: 'div', classes: ['credit-line'] },
    example: 'Jane Roe',
    learnedAt: 1_790_000_000_000,
  };

  it('puts what a learned place holds first, marked learned with its day', () => {
    expect(withLearned(capture, [rule], { author: 'John Doe' })).toMatchObject({
      author: 'John Doe',
      origins: { author: 'learned', title: 'declared' },
      learnedOn: { author: 1_790_000_000_000 },
    });
  });

  it('leaves the general rules’ value when the place holds nothing on this page', () => {
    expect(withLearned(capture, [rule], {})).toBe(capture);
    expect(withLearned(capture, [rule], undefined)).toBe(capture);
  });
});
