/**
 * Publication dates as pages write them, turned into ISO 8601. An offset the page gives is
 * kept; a date without one stays a local date-time (no zone guessed).
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German, French and Spanish month names whose first letters differ from the English ones.
  jän: 1,
  januar: 1,
  mär: 3,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  okt: 10,
  dez: 12,
  janv: 1,
  févr: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  août: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function compose(
  y: number,
  m: number,
  d: number,
  time?: { h: number; min: number; s?: number },
  offset?: string,
): string | undefined {
  if (!validDate(y, m, d)) return undefined;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!time || time.h > 23 || time.min > 59) return date;
  const seconds = time.s !== undefined ? `:${pad(time.s)}` : ':00';
  return `${date}T${pad(time.h)}:${pad(time.min)}${seconds}${offset ?? ''}`;
}

function normalizeOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw === 'Z' || raw === 'z') return 'Z';
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return match ? `${match[1]}${match[2]}:${match[3] ?? '00'}` : undefined;
}

/** Seconds (or milliseconds) since the epoch as ISO 8601 in a fixed offset. */
export function fromEpoch(value: number, offsetMinutes = 0): string | undefined {
  const ms = value < 1e11 ? value * 1000 : value;
  const shifted = new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return undefined;
  const y = shifted.getUTCFullYear();
  if (y < 1990 || y > 2100) return undefined;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const CHINESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{2}))?/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// "January 30, 2026", "Jan. 30, 2026 2:05 PM", "30 January 2026"
const MONTH_FIRST =
  /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp]\.?[Mm]\.?)?)?/;
const DAY_FIRST = /(?<![\d.])(\d{1,2})\.?\s+(\p{L}{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?/u;
/** `18.05.2014` (European day first, dots only: slashes are ambiguous with US order). */
const DOTTED_DAY_FIRST = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2}(?![\d.]))(?:,?\s+(\d{1,2}):(\d{2}))?/;
/** `26/10/2018` or `06/13/2019`: which comes first is told by a part over 12, else by the page's language. */
const SLASHED_SHORT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?/;
const RFC_OFFSET = /\s([+-]\d{4}|GMT|UTC|Z)\b/;

function hour12(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = /^p/i.test(meridiem);
  return (h % 12) + (pm ? 12 : 0);
}

function month(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower] ?? MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)];
}

export interface DateOptions {
  /**
   * How to read `03/04/2020`: day first (most of the world), month first (the United States), or
   * not at all when the page does not say (undefined). Dates with a part over 12 need no telling.
   */
  dayFirst?: boolean;
}

/** A two-digit year as pages print it in `28.01.22`: this century. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export function parseDate(input: string | undefined | null, options: DateOptions = {}): string | undefined {
  const text = (input ?? '').trim();
  if (!text) return undefined;
  if (/^\d{10}(\d{3})?$/.test(text)) return fromEpoch(Number(text));
  let m = ISO.exec(text);
  if (m) {
    const time =
      m[4] !== undefined
        ? { h: Number(m[4]), min: Number(m[5]), s: m[6] !== undefined ? Number(m[6]) : undefined }
        : undefined;
    return compose(Number(m[1]), Number(m[2]), Number(m[3]), time, normalizeOffset(m[7]));
  }
  m = COMPACT.exec(text);
  if (m) return compose(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(text);
  if (m) {
    const time =
      m[4] !== undefined
        ? { h: Number(m[4]), min: Number(m[5]), s: m[6] !== undefined ? Number(m[6]) : undefined }
        : undefined;
    return compose(Number(m[1]), Number(m[2]), Number(m[3]), time);
  }
  m = CHINESE.exec(text);
  if (m) {
    const time = m[4] !== undefined ? { h: Number(m[4]), min: Number(m[5]) } : undefined;
    return compose(Number(m[1]), Number(m[2]), Number(m[3]), time);
  }
  const rfcOffset = RFC_OFFSET.exec(text)?.[1];
  const offset = rfcOffset === 'GMT' || rfcOffset === 'UTC' ? 'Z' : normalizeOffset(rfcOffset);
  m = MONTH_FIRST.exec(text);
  if (m) {
    const mo = month(m[1] as string);
    if (mo) {
      const time = m[4] !== undefined ? { h: hour12(Number(m[4]), m[6]), min: Number(m[5]) } : undefined;
      return compose(Number(m[3]), mo, Number(m[2]), time, time ? offset : undefined);
    }
  }
  m = DOTTED_DAY_FIRST.exec(text);
  if (m) {
    const time = m[4] !== undefined ? { h: Number(m[4]), min: Number(m[5]) } : undefined;
    return compose(fullYear(m[3] as string), Number(m[2]), Number(m[1]), time);
  }
  m = SLASHED_SHORT.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const dayFirst = a > 12 ? true : b > 12 ? false : options.dayFirst;
    if (dayFirst === undefined) return undefined;
    const time = m[4] !== undefined ? { h: Number(m[4]), min: Number(m[5]) } : undefined;
    return dayFirst ? compose(Number(m[3]), b, a, time) : compose(Number(m[3]), a, b, time);
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const mo = month(m[2] as string);
    if (mo) {
      const time = m[4] !== undefined ? { h: Number(m[4]), min: Number(m[5]) } : undefined;
      return compose(Number(m[3]), mo, Number(m[1]), time, time ? offset : undefined);
    }
  }
  return undefined;
}
