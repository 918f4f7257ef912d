import { describe, expect, it } from 'vitest';
import { fieldDoubts } from '../../lib/field-doubts';

const page = {
  pageUrl: 'https://www.gmw.cn/a/1.html',
  canonicalUrl: 'https://www.gmw.cn/a/1.html',
  title: 'T',
  source: '光明网',
  author: '张三',
  publishedAt: '2026-01-27T08:00:00+08:00',
};

describe('captured fields worth a second look', () => {
  it('has none for a page that names its publisher, author and a past date', () => {
    expect(fieldDoubts(page, '2026-01-29')).toEqual({});
  });

  it.each([
    [{ source: 'gmw.cn' }, { source: 'source-domain' }],
    [{ source: '' }, { source: 'source-missing' }],
    [{ publishedAt: undefined }, { publishedAt: 'date-missing' }],
    [{ publishedAt: '2026-02-03' }, { publishedAt: 'date-future' }],
    [{ publishedAt: '1970-01-01T00:00:00Z' }, { publishedAt: 'date-old' }],
    [{ author: undefined }, { author: 'author-missing' }],
    [{ author: '光明网' }, { author: 'author-publisher' }],
  ])('flags %j', (change, doubts) => {
    expect(fieldDoubts({ ...page, ...change }, '2026-01-29')).toEqual(doubts);
  });

  it('flags a title the page did not give: a PDF’s file name or own title, or the bare domain', () => {
    expect(fieldDoubts(page, '2026-01-29', { title: 'pdf' })).toEqual({ title: 'title-pdf' });
    expect(fieldDoubts(page, '2026-01-29', { title: 'domain' })).toEqual({ title: 'title-domain' });
    expect(fieldDoubts(page, '2026-01-29', { title: 'page-title' })).toEqual({});
  });

  it('flags a title that is only the host, wherever it was read, unless the editor typed it', () => {
    expect(fieldDoubts({ ...page, title: 'www.gmw.cn' }, '2026-01-29', { title: 'page-title' })).toEqual({
      title: 'title-domain',
    });
    expect(fieldDoubts({ ...page, title: 'gmw.cn' }, '2026-01-29', { title: 'editor' })).toEqual({});
  });

  it('flags a day read from the address, and a publisher the clipper could only take from the domain', () => {
    expect(fieldDoubts(page, '2026-01-29', { publishedAt: 'url', source: 'domain' })).toEqual({
      publishedAt: 'date-url',
      source: 'source-domain',
    });
    expect(fieldDoubts(page, '2026-01-29', { publishedAt: 'declared', source: 'declared' })).toEqual({});
  });

  it('takes a manual entry without an address', () => {
    expect(fieldDoubts({ ...page, pageUrl: '', canonicalUrl: '' }, '2026-01-29')).toEqual({});
  });
});
