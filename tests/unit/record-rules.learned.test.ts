import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnedSite, validLearnedRule } from '../../lib/record-rules';

const rule = (spot: unknown, extra: Record<string, unknown> = {}) => ({
  site: 'news.example',
  field: 'author',
  spot,
  example: 'Jane Roe',
  learnedAt: 1,
  ...extra,
});

describe('a learned rule is data: plain names that select and read, nothing else', () => {
  it('keeps a plain description of a place', () => {
    const spot = { tag: 'span', classes: ['byline'], label: 'By', parent: { tag: 'div', classes: ['meta'] } };
    expect(validLearnedRule(rule(spot))).toEqual(rule(spot));
    expect(validLearnedRule(rule({ tag: 'meta', classes: [], meta: 'article:author' }))?.spot.meta).toBe(
      'article:author',
    );
  });

  it.each([
    ['a pseudo-class', { tag: 'a:has(script)', classes: [] }],
    ['a quote in a class', { tag: 'div', classes: ['x"] , body'] }],
    ['a combinator in an id', { tag: 'div', classes: [], id: 'a > b' }],
    ['too many classes', { tag: 'div', classes: ['a', 'b', 'c', 'd'] }],
    ['a long label', { tag: 'div', classes: ['a'], label: 'x'.repeat(21) }],
    ['a meta key on another tag', { tag: 'div', classes: ['a'], meta: 'author' }],
    ['a meta key that is a selector', { tag: 'meta', classes: [], meta: 'a"],script[' }],
    ['no tag', { classes: [] }],
  ])('refuses %s', (_, spot) => {
    expect(validLearnedRule(rule(spot))).toBeUndefined();
  });

  it('refuses another field, a site that is not a host, a bad time', () => {
    const spot = { tag: 'span', classes: ['byline'] };
    expect(validLearnedRule(rule(spot, { field: 'summary' }))).toBeUndefined();
    expect(validLearnedRule(rule(spot, { site: 'https://news.example/' }))).toBeUndefined();
    expect(validLearnedRule(rule(spot, { learnedAt: -1 }))).toBeUndefined();
  });

  it('never keeps a spot whose names a selector would read as anything but names (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (tag, cls) => {
        const kept = validLearnedRule(rule({ tag, classes: [cls] }));
        if (kept) expect(`${kept.spot.tag}.${kept.spot.classes[0]}`).toMatch(/^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/);
      }),
      { numRuns: 300 },
    );
  });

  it('names a site by its host, `www.` dropped', () => {
    expect(learnedSite('https://www.Reuters.com/world/x')).toBe('reuters.com');
    expect(learnedSite('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(learnedSite('not a url')).toBeUndefined();
  });
});
