import { parseDate } from './capture/dates';
import { ClipInputError } from './errors';
import { cleanLine } from './text';
import { addDays } from './week';

/**
 * Dates as editors type them (docs/digest-format.md, "Dates"): `2026-01-27`, `2026/1/27`,
 * `2026年1月27日`, `Jan 27, 2026`, a day without a year (`1月27日`, `1/27`: the latest such
 * day not more than a week ahead of today), `今天` / `昨天` / `前天` / `today` /
 * `yesterday`, and weekdays (`周五`, `上周五`, `本周五`, `friday`, `last Friday`, `this Fri`). `today` is the editor's civil date (`YYYY-MM-DD`), a parameter like all time.
 */

// A Map, not an object: `constructor` or `__proto__` typed as a date must not find Object's own members.
const RELATIVE = new Map<string, number>([
  ['今天', 0],
  ['今日', 0],
  ['today', 0],
  ['昨天', -1],
  ['昨日', -1],
  ['yesterday', -1],
  ['前天', -2],
]);

/** Weekday numbers (Monday 1 … Sunday 7) by the names editors type. */
const WEEKDAYS = new Map<string, number>([
  ...['一', '二', '三', '四', '五', '六'].map((d, i) => [d, i + 1] as [string, number]),
  ['日', 7],
  ['天', 7],
  ...['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, i + 1] as [string, number]),
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(
    (d, i) => [d, i + 1] as [string, number],
  ),
]);
// 上周五, 上星期五, 本周五, 这周五, 周五, 星期五, 礼拜五; `last friday`, `this fri`, `friday`.
const ZH_WEEKDAY = /^(上|本|这)?(?:周|星期|礼拜)([一二三四五六日天])$/;
const EN_WEEKDAY = /^(last|this)?\s*([a-z]{3,9})\.?$/;

/** Monday 1 … Sunday 7 of a civil date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/**
 * A weekday typed as words: bare or `last` (English), the latest such day before today (today for a
 * bare name); `上周X`, that day of last week; `本周X` / `这周X` / `this X`, that day of this week
 * (weeks start on Monday, as Chinese calendars count them); bare `周X`, the latest on or before today.
 */
function weekdayDate(typed: string, today: string): string | undefined {
  const zh = ZH_WEEKDAY.exec(typed);
  const en = zh ? null : EN_WEEKDAY.exec(typed.toLowerCase());
  const day = WEEKDAYS.get((zh?.[2] ?? en?.[2]) as string);
  if (day === undefined) return undefined;
  const which = zh?.[1] ?? en?.[1];
  const now = weekdayOf(today);
  const monday = addDays(today, 1 - now);
  if (which === '上') return addDays(monday, day - 1 - 7);
  if (which === '本' || which === '这' || which === 'this') return addDays(monday, day - 1);
  const back = (now - day + 7) % 7;
  // `last friday` on a Friday is a week ago; a bare `friday` is today.
  return addDays(today, -(back === 0 && which === 'last' ? 7 : back));
}
const MONTH_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[/.-]\s*(\d{1,2}))$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date typed, as stored (ISO 8601), or undefined when nothing was typed; anything else is refused. */
export function parseTypedDate(text: string, today: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const relative = RELATIVE.get(typed.toLowerCase());
  if (relative !== undefined) return addDays(today, relative);
  const weekday = weekdayDate(typed, today);
  if (weekday) return weekday;
  const monthDay = MONTH_DAY.exec(typed);
  if (monthDay) {
    const month = Number(monthDay[1]);
    const day = Number(monthDay[2] ?? monthDay[3]);
    const year = Number(today.slice(0, 4));
    for (const y of [year + 1, year, year - 1]) {
      const date = parseDate(`${y}-${pad(month)}-${pad(day)}`);
      // The latest such day that is not more than a week ahead (a date typed for the coming days).
      if (date && date <= addDays(today, 7)) return date;
    }
  }
  // A month by name without a year (`Jan 28`, `28 January`): the latest such day at most a week ahead.
  if (/[a-z]{3}/i.test(typed) && !/\d{4}/.test(typed) && /\d/.test(typed)) {
    const year = Number(today.slice(0, 4));
    for (const y of [year + 1, year, year - 1]) {
      const date = parseDate(`${typed.replace(/[,.]\s*$/, '')}, ${y}`) ?? parseDate(`${typed} ${y}`);
      if (date && date <= addDays(today, 7)) return date;
    }
  }
  const parsed = parseDate(typed);
  if (parsed) return parsed;
  throw new ClipInputError('clip.bad-date', { date: cleanLine(typed, 40) });
}

/** A stored date as the editor reads and retypes it: `2026年1月27日` in Chinese, `Jan 27, 2026` in English. */
export function dateForEditor(stored: string | undefined, locale: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(stored ?? '');
  if (!m) return stored ?? '';
  const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[Number(m[2]) - 1];
  return locale === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${month} ${Number(m[3])}, ${m[1]}`;
}
