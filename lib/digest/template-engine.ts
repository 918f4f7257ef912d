import { type Problem, type ProblemCode, type ProblemParams, problem } from '../errors';
/**
 * A small, logic-less template language for the draft's lines, parsed by hand so it runs
 * under MV3's CSP (no eval). `{{field}}` inserts a value, `{{date|YYYY/MM/DD}}` formats a
 * date (`{{weekEnd|MMM D, YYYY}}`), `{{source?, }}` adds the text after `?` only when the value is not empty. Everything
 * else is literal text. Errors say where they are (line and column).
 */

export const WEEK_FIELDS = ['name', 'category', 'slug', 'weekStart', 'weekEnd'] as const;
export const ITEM_FIELDS = [
  'title',
  'summary',
  'note',
  'source',
  'sourceLink',
  'sources',
  'url',
  'link',
  'date',
  'tags',
  'n',
  'gap',
  'sourceWord',
] as const;
/** Fields of a line about one quote (the line under each quote in 深度解析). */
export const QUOTE_FIELDS = ['quoteLink'] as const;
export type FieldName = (typeof WEEK_FIELDS)[number] | (typeof ITEM_FIELDS)[number] | (typeof QUOTE_FIELDS)[number];

export type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; name: FieldName; format?: string; suffix?: string };

/** A template that does not parse: a problem code (lib/errors.ts) with its line and column. */
export class TemplateError extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode, params: ProblemParams, line: number, column: number) {
    super(`${code} (line ${line}, column ${column})`);
    this.problem = problem(code, { ...params, line, column });
  }
}

const DATE_FIELDS = new Set<FieldName>(['date', 'weekStart', 'weekEnd']);

function position(text: string, index: number): [number, number] {
  const before = text.slice(0, index).split('\n');
  return [before.length, (before[before.length - 1] as string).length + 1];
}

export function parseTemplate(text: string, allowed: readonly FieldName[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) {
      segments.push({ kind: 'literal', text: text.slice(at) });
      break;
    }
    if (open > at) segments.push({ kind: 'literal', text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError('template.unclosed', {}, ...position(text, open));
    const body = text.slice(open + 2, close);
    const match = /^\s*([A-Za-z]+)\s*(?:\|([^?}]*))?(?:\?(.*))?$/s.exec(body);
    if (!match) throw new TemplateError('template.not-placeholder', { text: `{{${body}}}` }, ...position(text, open));
    const name = match[1] as FieldName;
    if (!allowed.includes(name)) {
      throw new TemplateError('template.unknown-field', { name, allowed: allowed.join(', ') }, ...position(text, open));
    }
    const format = match[2]?.trim();
    if (format !== undefined) {
      if (!DATE_FIELDS.has(name))
        throw new TemplateError('template.format-not-date', { name }, ...position(text, open));
      if (!/^[YMD/\-.,年月日 ]+$/.test(format) || !/YYYY|M|D/.test(format)) {
        throw new TemplateError('template.bad-date-format', { format }, ...position(text, open));
      }
    }
    const segment: Segment = { kind: 'field', name };
    if (format) segment.format = format;
    if (match[3] !== undefined) segment.suffix = match[3];
    segments.push(segment);
    at = close + 2;
  }
  return segments;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_ZH = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

/**
 * `2026-01-30…` in a date format of YYYY, MMMM (January / 一月), MMM (Jan / 1月), MM, M, DD and
 * D; month names in the digest's language.
 */
export function formatDate(iso: string, format: string | undefined, language: 'zh' | 'en' = 'zh'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || !format) return m ? m[0] : iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const month = Number(mo);
  const tokens: Record<string, string> = {
    YYYY: y,
    MMMM: language === 'en' ? (MONTHS_EN[month - 1] as string) : (MONTHS_ZH[month - 1] as string),
    MMM: language === 'en' ? (MONTHS_EN[month - 1] as string).slice(0, 3) : `${month}月`,
    MM: mo,
    M: String(month),
    DD: d,
    D: String(Number(d)),
  };
  return format.replace(/YYYY|MMMM|MMM|MM|M|DD|D/g, (token) => tokens[token] as string);
}

/** A field's value: plain text (escaped by the writer) or ready-made runs (links). */
export type FieldValue<Run> = string | Run[];

/** Fills a parsed template; `text` and `literal` build the writer's runs. */
export function fillTemplate<Run>(
  segments: readonly Segment[],
  values: Partial<Record<FieldName, FieldValue<Run>>>,
  make: { text: (value: string) => Run; literal: (value: string) => Run },
  language: 'zh' | 'en' = 'zh',
): Run[] {
  const out: Run[] = [];
  // A field's suffix separates it from what follows: it waits for that, and a line that ends in empty
  // fields drops it (`{{source?, }}{{date}}` for a page with no date reads `Reuters`, not `Reuters, `).
  let pending: string | undefined;
  const flush = () => {
    if (pending !== undefined) out.push(make.literal(pending));
    pending = undefined;
  };
  for (const segment of segments) {
    if (segment.kind === 'literal') {
      flush();
      out.push(make.literal(segment.text));
      continue;
    }
    const value = values[segment.name] ?? '';
    const empty = typeof value === 'string' ? value === '' : value.length === 0;
    if (typeof value === 'string') {
      const shown = DATE_FIELDS.has(segment.name) ? formatDate(value, segment.format, language) : value;
      if (shown) {
        flush();
        out.push(segment.name === 'gap' || segment.name === 'n' ? make.literal(shown) : make.text(shown));
      }
    } else if (!empty) {
      flush();
      out.push(...value);
    }
    if (segment.suffix !== undefined && !empty) pending = segment.suffix;
  }
  return out;
}
