import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bagLikeness } from '../../lib/text';

describe('bagLikeness', () => {
  it('counts shared tokens with their repeats', () => {
    expect(bagLikeness(['a', 'b'], ['b', 'c'])).toBe(0.5);
    expect(bagLikeness(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(2 / 3);
    expect(bagLikeness([], ['a'])).toBe(0);
  });

  it('is 1 for the same bag in any order, symmetric, and between 0 and 1 (property)', () => {
    const bag = fc.array(fc.constantFrom('a', 'b', 'c', '中文', 'x1'), { maxLength: 30 });
    fc.assert(
      fc.property(bag, bag, (a, b) => {
        const ab = bagLikeness(a, b);
        const self = bagLikeness(a, [...a].reverse());
        return ab === bagLikeness(b, a) && ab >= 0 && ab <= 1 && (a.length === 0 ? self === 0 : self === 1);
      }),
    );
  });
});
