import { describe, expect, it } from 'vitest';
import { capturePage, LEAD_CHARS, leadOf } from '../../../lib/capture/capture';

const doc = (body: string) => new DOMParser().parseFromString(`<!doctype html><title>T</title>${body}`, 'text/html');
const long = (word: string) => `${word} `.repeat(20).trim();

describe('leadOf: the first paragraphs a summary is drafted from', () => {
  it('reads the article’s paragraphs, not the page’s captions, menus or footer', () => {
    const page = doc(
      `<nav><p>${long('Menu')}</p></nav><article><p>Photo: AP</p><p>${long('First')}</p><p>${long('Second')}</p></article><footer><p>${long('Footer')}</p></footer>`,
    );
    expect(leadOf(page)).toBe(`${long('First')}\n${long('Second')}`);
  });

  it('takes Chinese paragraphs by their characters, and stops near its limit', () => {
    const zh = '美国国务院周五开始裁员一千三百人这是多年来最大规模的一次调整';
    expect(leadOf(doc(`<main><p>${zh}</p></main>`))).toBe(zh);
    const many = doc(`<article>${`<p>${long('Word')}</p>`.repeat(100)}</article>`);
    expect(leadOf(many)?.length).toBeLessThanOrEqual(LEAD_CHARS);
  });

  it('is part of the capture, and absent on a page without text', () => {
    expect(capturePage(doc(`<article><p>${long('Lead')}</p></article>`), 'https://e.com/a', { text: '' }).lead).toBe(
      long('Lead'),
    );
    expect(capturePage(doc('<p>short</p>'), 'https://e.com/a', { text: '' }).lead).toBeUndefined();
  });
});
