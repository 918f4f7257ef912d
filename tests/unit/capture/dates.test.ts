import { describe, expect, it } from 'vitest';
import { fromEpoch, parseDate } from '../../../lib/capture/dates';

describe('parseDate', () => {
  it.each([
    ['2026-01-29T14:05:00-05:00', '2026-01-29T14:05:00-05:00'],
    ['2026-01-29T19:05:00Z', '2026-01-29T19:05:00Z'],
    ['2026-01-29T19:05:00.123+0800', '2026-01-29T19:05:00+08:00'],
    ['2026-01-30 14:05', '2026-01-30T14:05:00'],
    ['2026/01/30', '2026-01-30'],
    ['2026年1月30日 14:05', '2026-01-30T14:05:00'],
    ['发布于 2026年1月30日', '2026-01-30'],
    ['January 30, 2026', '2026-01-30'],
    ['Jan. 30, 2026 2:05 PM', '2026-01-30T14:05:00'],
    ['30 January 2026', '2026-01-30'],
    ['Thu, 29 Jan 2026 19:05:00 GMT', '2026-01-29T19:05:00Z'],
    ['20260130', '2026-01-30'],
    ['1769767500', '2026-01-30T10:05:00Z'],
    ['28.01.22', '2022-01-28'],
    ['21. Jan 2022', '2022-01-21'],
    ['26/10/2018', '2018-10-26'],
    ['06/13/2019', '2019-06-13'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['', '© 2026', 'yesterday', '2026-02-30', '1899-01-01', 'Copyright 2019-2026'])('refuses %s', (input) => {
    expect(parseDate(input)).toBeUndefined();
  });

  it('reads 03/04/2020 in the order the page writes it, and not at all when it does not say', () => {
    expect(parseDate('03/04/2020', { dayFirst: true })).toBe('2020-04-03');
    expect(parseDate('03/04/2020', { dayFirst: false })).toBe('2020-03-04');
    expect(parseDate('03/04/2020')).toBeUndefined();
    // A version number is no date.
    expect(parseDate('4.47.4')).toBeUndefined();
  });

  it('writes epoch seconds in a given offset (WeChat shows Beijing time)', () => {
    expect(fromEpoch(1769767500, 480)).toBe('2026-01-30T18:05:00+08:00');
  });
});
