/**
 * Week arithmetic on civil dates (`YYYY-MM-DD`). Instants are turned into a calendar date
 * in the editor's time zone once; everything after that is day counting in UTC, so
 * daylight-saving shifts can never move a clip into the wrong week.
 */

export interface WeekOptions {
  /** 0 = Sunday … 6 = Saturday. The published digest runs Monday–Sunday. */
  weekStartsOn: number;
  /** IANA zone; undefined means the runtime's own zone. */
  timeZone?: string;
}

export const DEFAULT_WEEK_OPTIONS: WeekOptions = { weekStartsOn: 1 };

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date of an instant in a zone, as `YYYY-MM-DD`. */
export function civilDate(instant: number, timeZone?: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtcMs(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The first day of the week containing a calendar date. */
export function weekStartOf(date: string, weekStartsOn: number): string {
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return addDays(date, -((weekday - weekStartsOn + 7) % 7));
}

/** The id of the week an instant falls in: its first day, `YYYY-MM-DD`. */
export function weekIdFor(instant: number, options: WeekOptions = DEFAULT_WEEK_OPTIONS): string {
  return weekStartOf(civilDate(instant, options.timeZone), options.weekStartsOn);
}

export interface WeekRange {
  start: string;
  end: string;
}

export function weekRange(weekId: string): WeekRange {
  return { start: weekId, end: addDays(weekId, 6) };
}

export function isDateId(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}
