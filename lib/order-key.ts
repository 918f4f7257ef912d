/**
 * Fractional ordering keys: base-36 strings compared lexicographically, read as the digits
 * of a fraction in [0, 1). A key never ends in '0', so between any two keys there is always
 * another one, and moving an item rewrites that item alone, never its neighbours.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digit(char: string): number {
  const value = DIGITS.indexOf(char);
  if (value < 0) throw new RangeError(`Not an order key digit: ${char}`);
  return value;
}

export function isOrderKey(key: string): boolean {
  return /^[0-9a-z]*[1-9a-z]$/.test(key);
}

function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    let shared = 0;
    while ((low[shared] ?? '0') === high[shared]) shared++;
    if (shared > 0) return high.slice(0, shared) + midpoint(low.slice(shared), high.slice(shared));
  }
  const lowDigit = low ? digit(low[0] as string) : 0;
  const highDigit = high !== null ? digit(high[0] as string) : BASE;
  if (highDigit - lowDigit > 1) return DIGITS[Math.round((lowDigit + highDigit) / 2)] as string;
  if (high !== null && high.length > 1) return high.slice(0, 1);
  return (DIGITS[lowDigit] as string) + midpoint(low.slice(1), null);
}

/**
 * A key strictly between `before` and `after` (either may be missing: start or end of the list).
 * Appending grows keys by one character every 35 items, so long lists stay short-keyed.
 */
export function keyBetween(before: string | undefined, after: string | undefined): string {
  if (before !== undefined && !isOrderKey(before)) throw new RangeError(`Bad order key: ${before}`);
  if (after !== undefined && !isOrderKey(after)) throw new RangeError(`Bad order key: ${after}`);
  if (before !== undefined && after !== undefined && before >= after) {
    throw new RangeError(`Order keys out of order: ${before} >= ${after}`);
  }
  if (before === undefined) return midpoint('', after ?? null);
  if (after === undefined) return increment(before);
  return midpoint(before, after);
}

function increment(key: string): string {
  const first = digit(key[0] as string);
  if (first < BASE - 1) return DIGITS[first + 1] as string;
  return `z${increment(key.slice(1) || '0')}`;
}

/** Manual order within a section; clips saved in the same instant fall back to age, then id. */
export function compareByOrder(
  a: { order: string; createdAt: number; id: string },
  b: { order: string; createdAt: number; id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
