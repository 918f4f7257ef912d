import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, civilDate, isDateId, rebucketWeekId, weekIdFor, weekRange, weekStartOf } from '../../lib/week';

const at = (iso: string) => Date.parse(iso);

describe('week math', () => {
  it('puts every day from Monday to Sunday in the same Monday-started week', () => {
    for (let d = 0; d < 7; d++) {
      expect(weekStartOf(addDays('2026-01-26', d), 1)).toBe('2026-01-26');
    }
    expect(weekStartOf('2026-02-02', 1)).toBe('2026-02-02');
  });

  it('crosses the year boundary (2026-12-28 … 2027-01-03 is one week)', () => {
    expect(weekStartOf('2027-01-03', 1)).toBe('2026-12-28');
    expect(weekRange('2026-12-28')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });

  it('starts weeks on Sunday when asked', () => {
    expect(weekStartOf('2026-02-01', 0)).toBe('2026-02-01');
    expect(weekStartOf('2026-01-31', 0)).toBe('2026-01-25');
  });

  it('uses the editor time zone: 23:59 and 00:01 on either side of Sunday midnight', () => {
    const shanghai = { weekStartsOn: 1, timeZone: 'Asia/Shanghai' };
    expect(weekIdFor(at('2026-02-01T23:59:00+08:00'), shanghai)).toBe('2026-01-26');
    expect(weekIdFor(at('2026-02-02T00:01:00+08:00'), shanghai)).toBe('2026-02-02');
    // The same instants in New York are still Sunday/Saturday-into-Sunday.
    expect(weekIdFor(at('2026-02-02T00:01:00+08:00'), { weekStartsOn: 1, timeZone: 'America/New_York' })).toBe(
      '2026-01-26',
    );
  });

  it('is not moved by daylight-saving changes', () => {
    const ny = { weekStartsOn: 1, timeZone: 'America/New_York' };
    // DST starts 2026-03-08 02:00 local; the week is 2026-03-02 … 2026-03-08.
    expect(weekIdFor(at('2026-03-08T01:59:00-05:00'), ny)).toBe('2026-03-02');
    expect(weekIdFor(at('2026-03-08T23:30:00-04:00'), ny)).toBe('2026-03-02');
    expect(weekIdFor(at('2026-03-09T00:00:00-04:00'), ny)).toBe('2026-03-09');
    expect(civilDate(at('2026-11-01T01:30:00-05:00'), 'America/New_York')).toBe('2026-11-01');
  });

  it('validates date ids', () => {
    expect(isDateId('2026-02-29')).toBe(false);
    expect(isDateId('2028-02-29')).toBe(true);
    expect(isDateId('2026-1-1')).toBe(false);
    expect(() => addDays('nope', 1)).toThrow(RangeError);
  });
});

describe('civilDate', () => {
  it('agrees with the platform formatter across zones, DST changes and half-hour offsets (property)', async () => {
    const fc = (await import('fast-check')).default;
    const zones = [
      'UTC',
      'Asia/Shanghai',
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-12-31') }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const expected = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          }).format(instant);
          expect(civilDate(instant, zone)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('rebucketWeekId', () => {
  it('moves a week to the new week holding most of its days, and back again (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (day, from, to) => {
          const week = weekStartOf(addDays('1990-01-01', day), from);
          const moved = rebucketWeekId(week, to);
          // Most of the old week (at least four days) lies in the new one.
          const overlap = [0, 1, 2, 3, 4, 5, 6].filter((d) => weekStartOf(addDays(week, d), to) === moved).length;
          expect(overlap).toBeGreaterThanOrEqual(4);
          expect(rebucketWeekId(moved, from)).toBe(week);
        },
      ),
    );
  });
});
