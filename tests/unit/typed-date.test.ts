import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClipInputError } from '../../lib/errors';
import { dateForEditor, parseTypedDate } from '../../lib/typed-date';

const TODAY = '2026-01-29';

describe('dates as editors type them', () => {
  it.each([
    ['2026-01-27', '2026-01-27'],
    ['2026/1/27', '2026-01-27'],
    ['2026.1.27', '2026-01-27'],
    ['2026年1月27日', '2026-01-27'],
    ['2026 年 1 月 27 日', '2026-01-27'],
    ['Jan 27, 2026', '2026-01-27'],
    ['27 January 2026', '2026-01-27'],
    ['1月27日', '2026-01-27'],
    ['1月27号', '2026-01-27'],
    ['1/27', '2026-01-27'],
    ['2月3日', '2026-02-03'],
    ['12月30日', '2025-12-30'],
    ['昨天', '2026-01-28'],
    ['前天', '2026-01-27'],
    ['today', '2026-01-29'],
    ['Yesterday', '2026-01-28'],
    ['2026-01-30T12:00:00Z', '2026-01-30T12:00:00Z'],
  ])('reads %s as %s', (typed, stored) => {
    expect(parseTypedDate(typed, TODAY)).toBe(stored);
  });

  it('reads nothing typed as no date', () => {
    expect(parseTypedDate('   ', TODAY)).toBeUndefined();
  });

  it.each(['上周', 'soon', '2026-02-30', '13月1日', '1/32', '1899-01-01'])('refuses %s with a message', (typed) => {
    expect(() => parseTypedDate(typed, TODAY)).toThrow(ClipInputError);
  });

  it('shows a stored date as the editor types it, and reads that back to the same day (both languages)', () => {
    expect(dateForEditor('2026-01-30T12:00:00Z', 'zh')).toBe('2026年1月30日');
    expect(dateForEditor('2026-01-30T12:00:00Z', 'en')).toBe('Jan 30, 2026');
    expect(dateForEditor(undefined, 'zh')).toBe('');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom<'zh' | 'en'>('zh', 'en'),
        (date, locale) => {
          const day = date.toISOString().slice(0, 10);
          expect(parseTypedDate(dateForEditor(day, locale), TODAY)).toBe(day);
        },
      ),
    );
  });

  it('reads weekdays as editors type them, in Chinese and English', () => {
    const saturday = '2026-01-31';
    expect(parseTypedDate('上周五', saturday)).toBe('2026-01-23');
    expect(parseTypedDate('上星期一', saturday)).toBe('2026-01-19');
    expect(parseTypedDate('周五', saturday)).toBe('2026-01-30');
    expect(parseTypedDate('星期天', saturday)).toBe('2026-01-25');
    expect(parseTypedDate('本周日', saturday)).toBe('2026-02-01');
    expect(parseTypedDate('这周一', saturday)).toBe('2026-01-26');
    expect(parseTypedDate('last Friday', saturday)).toBe('2026-01-30');
    expect(parseTypedDate('Friday', saturday)).toBe('2026-01-30');
    expect(parseTypedDate('this Sun', saturday)).toBe('2026-02-01');
    const friday = '2026-01-30';
    expect(parseTypedDate('last friday', friday)).toBe('2026-01-23');
    expect(parseTypedDate('friday', friday)).toBe('2026-01-30');
    expect(() => parseTypedDate('someday', saturday)).toThrow(ClipInputError);
  });

  it('refuses names of JavaScript’s own members as dates with the usual message, not a crash', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(() => parseTypedDate(word, '2026-01-31')).toThrow(ClipInputError);
  });

  it('reads a month by name without a year, as the English placeholder suggests (Jan 28)', () => {
    expect(parseTypedDate('Jan 28', '2026-01-31')).toBe('2026-01-28');
    expect(parseTypedDate('January 28', '2026-01-31')).toBe('2026-01-28');
    expect(parseTypedDate('28 Jan', '2026-01-31')).toBe('2026-01-28');
    // Late December typed in early January is last year's.
    expect(parseTypedDate('Dec 30', '2026-01-03')).toBe('2025-12-30');
  });
});
