import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderKey, keyBetween } from '../../lib/order-key';

describe('fractional order keys', () => {
  it('appends hundreds of items with short keys, each after the last', () => {
    let last: string | undefined;
    for (let i = 0; i < 500; i++) {
      const next = keyBetween(last, undefined);
      if (last !== undefined) expect(next > last).toBe(true);
      last = next;
    }
    expect((last as string).length).toBeLessThanOrEqual(16);
  });

  it('always finds a key strictly between two neighbours, whatever the sequence of moves', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (positions) => {
        const keys: string[] = [];
        for (const p of positions) {
          const at = p % (keys.length + 1);
          const key = keyBetween(keys[at - 1], keys[at]);
          expect(isOrderKey(key)).toBe(true);
          if (at > 0) expect(key > (keys[at - 1] as string)).toBe(true);
          if (at < keys.length) expect(key < (keys[at] as string)).toBe(true);
          keys.splice(at, 0, key);
        }
        expect([...keys].sort()).toEqual(keys);
      }),
    );
  });

  it('rejects keys out of order or malformed', () => {
    expect(() => keyBetween('b', 'a')).toThrow(RangeError);
    expect(() => keyBetween('a0', undefined)).toThrow(RangeError);
    expect(() => keyBetween('A', undefined)).toThrow(RangeError);
  });
});
