import { describe, expect, it } from 'vitest';
import { declaredSpot, describeSpot, locateValue, readSpot } from '../../../lib/capture/learned';

const page = (head: string, body: string) =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('learning where a site puts a field, from one correction', () => {
  it('finds the corrected author in the smallest element, keeps its label, and reads the next page there', () => {
    const first = page(
      '',
      '<article><h1>One</h1><div class="meta"><span class="byline-text">Von Anna Roth</span><span class="date">01.02.2026</span></div><p>Text mentioning Anna Roth again in a long paragraph of the story.</p></article>',
    );
    const el = locateValue(first, 'Anna Roth', 'author');
    expect(el?.className).toBe('byline-text');
    const spot = describeSpot(el as Element, 'Anna Roth', 'author');
    expect(spot).toEqual({ tag: 'span', classes: ['byline-text'], label: 'Von' });
    const next = page(
      '',
      '<article><h1>Two</h1><div class="meta"><span class="byline-text">Von Ben Kurz</span></div></article>',
    );
    expect(readSpot(next, spot as NonNullable<typeof spot>, 'author')).toBe('Ben Kurz');
    // Not there on a page of another shape: nothing, and the general rules answer.
    expect(readSpot(page('', '<p>Von Ben Kurz</p>'), spot as NonNullable<typeof spot>, 'author')).toBeUndefined();
  });

  it('finds a date however the page writes it, and reads the next one', () => {
    const first = page('', '<h1>T</h1><p class="stand">Stand: 22.04.2024 17:26 Uhr</p>');
    const el = locateValue(first, '2024-04-22', 'publishedAt');
    const spot = describeSpot(el as Element, '2024-04-22', 'publishedAt');
    expect(spot).toMatchObject({ tag: 'p', classes: ['stand'] });
    const next = page('', '<h1>U</h1><p class="stand">Stand: 05.05.2024 09:00 Uhr</p>');
    expect(readSpot(next, spot as NonNullable<typeof spot>, 'publishedAt')?.slice(0, 10)).toBe('2024-05-05');
  });

  it('prefers a meta that declares the value exactly, and reads every meta of that name', () => {
    const first = page(
      '<meta name="author" content="Anna Roth"><meta name="keywords" content="Anna Roth, Politik">',
      '',
    );
    expect(declaredSpot(first, 'Anna Roth', 'author')).toEqual({ tag: 'meta', classes: [], meta: 'author' });
    const next = page('<meta name="author" content="Ben Kurz"><meta name="author" content="Cem Ay">', '');
    expect(readSpot(next, { tag: 'meta', classes: [], meta: 'author' }, 'author')).toBe('Ben Kurz, Cem Ay');
  });

  it('learns nothing from a bare tag with no class, id or label, nor from changing or hashed class names', () => {
    const doc = page('', '<div><span>Anna Roth</span></div>');
    expect(describeSpot(locateValue(doc, 'Anna Roth', 'author') as Element, 'Anna Roth', 'author')).toBeUndefined();
    const hashed = page('', '<span class="css-1x2y3z is-active post-12345 author">Anna Roth</span>');
    const spot = describeSpot(locateValue(hashed, 'Anna Roth', 'author') as Element, 'Anna Roth', 'author');
    expect(spot?.classes).toEqual(['author']);
  });

  it('is data: a rule whose names are not plain names selects nothing and never throws', () => {
    const doc = page('<meta name="author" content="X">', '<span class="a">Anna</span>');
    expect(readSpot(doc, { tag: 'span', classes: ['a"], script, [x'] }, 'author')).toBe('Anna');
    expect(readSpot(doc, { tag: 'img src=x onerror=alert(1)', classes: [] }, 'author')).toBeUndefined();
    expect(readSpot(doc, { tag: 'meta', classes: [], meta: '"] , script, meta[name="' }, 'author')).toBeUndefined();
  });
});
