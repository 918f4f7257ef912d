import { parseDate } from './capture/dates';
import { ClipInputError } from './errors';
import { cleanLine } from './text';
import { addDays } from './week';

/**
 * Dates as editors type them (docs/digest-format.md, "Dates"): `2026-01-27`, `2026/1/27`,
 * `2026年1月27日`, `Jan 27, 2026`, a day without a year (`1月27日`, `1/27`: the latest such
 * day not more than a week ahead of today), and `今天` / `昨天` / `前天` / `today` /
 * `yesterday`. `today` is the editor's civil date (`YYYY-MM-DD`), a parameter like all time.
 */

const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, today: 0, 昨天: -1, 昨日: -1, yesterday: -1, 前天: -2 };
const MONTH_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[/.-]\s*(\d{1,2}))$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date typed, as stored (ISO 8601), or undefined when nothing was typed; anything else is refused. */
export function parseTypedDate(text: string, today: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return undefined;
  const relative = RELATIVE[typed.toLowerCase()];
  if (relative !== undefined) return addDays(today, relative);
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
  const parsed = parseDate(typed);
  if (parsed) return parsed;
  throw new ClipInputError('clip.bad-date', { date: cleanLine(typed, 40) });
}

/** A stored date as the editor reads and retypes it: `2026年1月27日` in Chinese, `2026-01-27` in English. */
export function dateForEditor(stored: string | undefined, locale: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(stored ?? '');
  if (!m) return stored ?? '';
  return locale === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
}
