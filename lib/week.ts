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

/** The week options the editor's settings describe (an empty time zone is the browser's own). */
export function weekOptionsOf(settings: { weekStartsOn: number; timeZone: string }): WeekOptions {
  return { weekStartsOn: settings.weekStartsOn, timeZone: settings.timeZone || undefined };
}

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
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;

/** Per zone: a quarter hour's start (UTC ms) → that quarter hour's offset and calendar date. */
const quarters = new Map<string, Map<number, { offset: number; date: string }>>();

/**
 * The zone's offset and calendar date for the quarter hour holding an instant. Zones change
 * offset only on a quarter hour, and local midnight falls on one, so one lookup per zone and
 * quarter hour serves every instant in it (rendering a week of clips asks thousands of times).
 */
function quarterOf(instant: number, timeZone: string | undefined): { offset: number; date: string } {
  const bucket = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
  const zone = timeZone ?? '';
  let byBucket = quarters.get(zone);
  if (!byBucket) {
    byBucket = new Map();
    quarters.set(zone, byBucket);
  }
  let quarter = byBucket.get(bucket);
  if (quarter === undefined) {
    const parts = formatterFor(timeZone).formatToParts(new Date(bucket));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute')) - bucket;
    quarter = { offset, date: new Date(bucket + offset).toISOString().slice(0, 10) };
    if (byBucket.size > 10_000) byBucket.clear();
    byBucket.set(bucket, quarter);
  }
  return quarter;
}

/** The calendar date of an instant in a zone, as `YYYY-MM-DD`. */
export function civilDate(instant: number, timeZone?: string): string {
  return quarterOf(instant, timeZone).date;
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

/**
 * Where a week goes when weeks start on another day: the new week holding most of its days (the
 * one containing its fourth day), so Monday → Sunday → Monday comes back to the same week.
 */
export function rebucketWeekId(weekId: string, weekStartsOn: number): string {
  return weekStartOf(addDays(weekId, 3), weekStartsOn);
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
