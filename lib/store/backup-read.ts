import { TEMPLATE_KEYS } from '../digest/templates';
import { type Problem, type ProblemCode, type ProblemParams, problem } from '../errors';
import {
  isValidDate,
  keptDrafts,
  MAX_LEARNED_RULES,
  RECORD_LIMITS,
  SOURCE_SCHEMES,
  validLang,
  validLearnedRule,
  validOrigins,
} from '../record-rules';
import type {
  Clocked,
  ConflictValue,
  DigestSettings,
  FieldClock,
  FieldConflict,
  Item,
  LegacyClip,
  Quote,
  Section,
  SectionKind,
  Source,
  Tombstone,
  WeekNote,
} from '../types';
import { isDateId } from '../week';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, optional } from './backup-write';
import { DEFAULT_SECTIONS, DEFAULT_SETTINGS } from './defaults';
import { CLOCKED_FIELDS, CONFLICT_FIELDS, isStamp, type RecordKind, stampTime } from './field-clocks';
import { itemsFromClips, withEnglishNames } from './legacy-clips';

/**
 * Reading a backup trusts nothing: every field is checked, with the path of whatever is wrong,
 * and only known fields are copied. One bad record never takes the good ones down: a record
 * that cannot be read is skipped, an optional field that is not valid is dropped, and each is
 * reported with its path. Only a file that is not a backup at all is refused.
 * Limits are lib/record-rules.ts's, so whatever the extension saved reads back.
 */

const LIMITS = {
  ...RECORD_LIMITS,
  // Titles are cut at 500 when saved; earlier versions allowed longer ones, which still read.
  title: RECORD_LIMITS.line,
  // Settings text (templates, names) the options page writes.
  setting: 5_000,
  records: 2_000_000,
};

const SECTION_KINDS: readonly SectionKind[] = ['briefs', 'analysis', 'thoughts', 'references'];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

/**
 * One thing wrong with a backup: a problem code, where it is (`sources[12].canonicalUrl`), and
 * what reading did about it: the record was skipped, or the field dropped (`fixed`).
 */
export type BackupIssue = Problem & { path?: string; effect?: 'skipped' | 'fixed' };

const MAX_LISTED = 200;

class Checker {
  readonly errors: BackupIssue[] = [];
  /** Every failure, listed or not; a record is skipped when this grows while reading it. */
  failures = 0;
  /** Issues beyond the listed ones. */
  unlisted = 0;
  private push(issue: BackupIssue) {
    if (this.errors.length < MAX_LISTED) this.errors.push(issue);
    else this.unlisted++;
  }
  fail(path: string, code: ProblemCode, params: ProblemParams = {}): undefined {
    this.failures++;
    this.push({ path, ...problem(code, params), effect: 'skipped' });
    return undefined;
  }
  /** A field that is dropped (or replaced) while its record is kept. */
  fix(path: string, code: ProblemCode, params: ProblemParams = {}): undefined {
    this.push({ path, ...problem(code, params), effect: 'fixed' });
    return undefined;
  }
  /** Reads a part whose failure drops only that part (a quote, a tag): its issues become fixes. */
  soft<T>(read: () => T | undefined): T | undefined {
    const before = this.failures;
    const listed = this.errors.length;
    const value = read();
    if (this.failures === before) return value;
    this.failures = before;
    for (const issue of this.errors.slice(listed)) issue.effect = 'fixed';
    return undefined;
  }
  /** Reads one record; undefined (and its issues kept) when anything required in it is wrong. */
  one<T>(read: () => T | undefined): T | undefined {
    const before = this.failures;
    const value = read();
    return this.failures === before ? value : undefined;
  }
  record(value: unknown, path: string): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path, 'field.not-object');
    for (const key of Object.keys(value))
      if (FORBIDDEN_KEYS.has(key)) return this.fail(`${path}.${key}`, 'field.forbidden-key');
    return value as Json;
  }
  string(value: unknown, path: string, max: number, { empty = true } = {}): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'field.not-string');
    if (value.length > max) return this.fail(path, 'field.too-long', { max });
    if (!empty && value.trim() === '') return this.fail(path, 'field.empty');
    return value;
  }
  optionalString(value: unknown, path: string, max: number): string | undefined {
    return value === undefined ? undefined : this.string(value, path, max);
  }
  time(value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 8.64e15)
      return this.fail(path, 'field.not-timestamp');
    return value;
  }
  url(value: unknown, path: string): string | undefined {
    const text = this.string(value, path, LIMITS.url);
    if (text === undefined) return undefined;
    try {
      if (!SOURCE_SCHEMES.includes(new URL(text).protocol)) return this.fail(path, 'field.not-web-address');
    } catch {
      return this.fail(path, 'field.not-url');
    }
    return text;
  }
  array(value: unknown, path: string, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'field.not-list');
    if (value.length > max) return this.fail(path, 'field.too-many', { max });
    return value;
  }
}

function readSettings(c: Checker, raw: unknown): DigestSettings {
  // A setting that is not valid keeps its default; the rest of the backup is unaffected.
  const before = c.failures;
  const s = c.record(raw, 'settings');
  if (!s) {
    c.failures = before;
    return { ...DEFAULT_SETTINGS };
  }
  const out: DigestSettings = { ...DEFAULT_SETTINGS };
  for (const key of ['digestName', 'digestNameEn', 'category', 'defaultSectionId', 'timeZone'] as const) {
    if (s[key] !== undefined) out[key] = c.string(s[key], `settings.${key}`, LIMITS.setting) ?? out[key];
  }
  if (s.language !== undefined) {
    if (s.language === 'zh' || s.language === 'en') out.language = s.language;
    else c.fix('settings.language', 'field.not-one-of', { allowed: 'zh, en' });
  }
  if (s.deepDiveQuotes !== undefined) {
    if (s.deepDiveQuotes === 'none' || s.deepDiveQuotes === 'first' || s.deepDiveQuotes === 'all')
      out.deepDiveQuotes = s.deepDiveQuotes;
    else c.fix('settings.deepDiveQuotes', 'field.not-one-of', { allowed: 'none, first, all' });
  }
  for (const key of [
    'frontMatter',
    'keepEmptySections',
    'askWhereToSave',
    'quoteLinks',
    'titleInBody',
    'metaLine',
    'readingTimeLine',
  ] as const) {
    if (s[key] !== undefined) {
      if (typeof s[key] === 'boolean') out[key] = s[key];
      else c.fix(`settings.${key}`, 'field.not-boolean');
    }
  }
  if (s.templates !== undefined) {
    const map = c.record(s.templates, 'settings.templates');
    if (map) {
      const clean: DigestSettings['templates'] = {};
      for (const key of TEMPLATE_KEYS) {
        if (map[key] !== undefined) {
          const text = c.string(map[key], `settings.templates.${key}`, LIMITS.setting);
          if (text !== undefined) clean[key] = text;
        }
      }
      out.templates = clean;
    }
  }
  if (s.backupReminderDays !== undefined) {
    if (
      Number.isInteger(s.backupReminderDays) &&
      (s.backupReminderDays as number) >= 0 &&
      (s.backupReminderDays as number) <= 365
    ) {
      out.backupReminderDays = s.backupReminderDays as number;
    } else c.fix('settings.backupReminderDays', 'field.not-whole-days', { min: 0, max: 365 });
  }
  if (s.weekStartsOn !== undefined) {
    if (Number.isInteger(s.weekStartsOn) && (s.weekStartsOn as number) >= 0 && (s.weekStartsOn as number) <= 6)
      out.weekStartsOn = s.weekStartsOn as number;
    else c.fix('settings.weekStartsOn', 'field.not-whole-days', { min: 0, max: 6 });
  }
  if (s.uiLanguage !== undefined) {
    if (['auto', 'zh', 'en'].includes(s.uiLanguage as string))
      out.uiLanguage = s.uiLanguage as DigestSettings['uiLanguage'];
    else c.fix('settings.uiLanguage', 'field.not-one-of', { allowed: 'auto, zh, en' });
  }
  if (s.theme !== undefined) {
    if (['auto', 'light', 'dark'].includes(s.theme as string)) out.theme = s.theme as DigestSettings['theme'];
    else c.fix('settings.theme', 'field.not-one-of', { allowed: 'auto, light, dark' });
  }
  if (s.publisherOverrides !== undefined) {
    const map = c.record(s.publisherOverrides, 'settings.publisherOverrides');
    if (map) {
      const clean: Record<string, string> = {};
      for (const [domain, name] of Object.entries(map)) {
        const value = c.string(name, `settings.publisherOverrides.${domain}`, LIMITS.setting);
        if (value !== undefined) clean[domain] = value;
      }
      out.publisherOverrides = clean;
    }
  }
  if (s.learnedSites !== undefined) {
    const list = c.array(s.learnedSites, 'settings.learnedSites', MAX_LEARNED_RULES);
    if (list) {
      // One rule that is not a plain description of a place is dropped; the others stay.
      out.learnedSites = list.flatMap((raw, i) => {
        const rule = validLearnedRule(raw);
        if (!rule) c.fix(`settings.learnedSites[${i}]`, 'field.not-learned-rule');
        return rule ? [rule] : [];
      });
    }
  }
  if (c.failures > before) {
    for (const issue of c.errors) if (issue.path?.startsWith('settings')) issue.effect = 'fixed';
    c.failures = before;
  }
  return out;
}

function readSection(c: Checker, raw: unknown, path: string): Section | undefined {
  const s = c.record(raw, path);
  if (!s) return undefined;
  const id = c.string(s.id, `${path}.id`, LIMITS.id, { empty: false });
  const name = c.string(s.name, `${path}.name`, LIMITS.title, { empty: false });
  const kind = SECTION_KINDS.includes(s.kind as SectionKind)
    ? (s.kind as SectionKind)
    : c.fail(`${path}.kind`, 'field.not-one-of', { allowed: SECTION_KINDS.join(', ') });
  const order =
    typeof s.order === 'number' && Number.isFinite(s.order) ? s.order : c.fail(`${path}.order`, 'field.not-number');
  const nameEn = c.optionalString(s.nameEn, `${path}.nameEn`, LIMITS.title);
  const updatedAt = s.updatedAt === undefined ? undefined : c.time(s.updatedAt, `${path}.updatedAt`);
  if (id === undefined || name === undefined || kind === undefined || order === undefined) return undefined;
  if (s.updatedAt !== undefined && updatedAt === undefined) return undefined;
  const section: Section = { id, name, kind, order };
  if (nameEn !== undefined) section.nameEn = nameEn;
  if (updatedAt !== undefined) section.updatedAt = updatedAt;
  return section;
}

function readWeek(c: Checker, raw: unknown, path: string): WeekNote | undefined {
  const w = c.record(raw, path);
  if (!w) return undefined;
  const id = c.string(w.id, `${path}.id`, 10);
  if (id !== undefined && !isDateId(id)) return c.fail(`${path}.id`, 'field.not-date');
  const lede = c.string(w.lede, `${path}.lede`, LIMITS.note);
  const closing = c.optionalString(w.closing, `${path}.closing`, LIMITS.note);
  const updatedAt = c.time(w.updatedAt, `${path}.updatedAt`);
  if (id === undefined || lede === undefined || updatedAt === undefined) return undefined;
  const week: WeekNote = { id, lede, updatedAt };
  if (closing !== undefined) week.closing = closing;
  if (w.published !== undefined) {
    // A publication mark that cannot be read is dropped: the week is then simply not locked.
    const mark = c.soft(() => {
      const p = c.record(w.published, `${path}.published`);
      if (!p) return undefined;
      const at = c.time(p.at, `${path}.published.at`);
      const issue = c.string(p.issue, `${path}.published.issue`, LIMITS.line, { empty: false });
      return at === undefined || issue === undefined ? undefined : { at, issue };
    });
    if (mark) week.published = mark;
  }
  readClocks(c, w, path, 'week', week);
  return week;
}

function readQuote(c: Checker, raw: unknown, path: string): Quote | undefined {
  const q = c.record(raw, path);
  if (!q) return undefined;
  const text = c.string(q.text, `${path}.text`, LIMITS.quote);
  const markdown = c.optionalString(q.markdown, `${path}.markdown`, LIMITS.quote * 2);
  const createdAt = c.time(q.createdAt, `${path}.createdAt`);
  if (text === undefined || createdAt === undefined) return undefined;
  const quote: Quote = { text, createdAt };
  if (markdown !== undefined) quote.markdown = markdown;
  return quote;
}

function readClip(c: Checker, raw: unknown, path: string): LegacyClip | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const before = c.failures;
  const clip = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    canonicalUrl: c.url(r.canonicalUrl, `${path}.canonicalUrl`),
    title: c.string(r.title, `${path}.title`, LIMITS.title, { empty: false }),
    source: c.string(r.source, `${path}.source`, LIMITS.line),
    summary: c.string(r.summary, `${path}.summary`, LIMITS.line),
    note: c.string(r.note, `${path}.note`, LIMITS.note),
    sectionId: c.string(r.sectionId, `${path}.sectionId`, LIMITS.id, { empty: false }),
    weekId: c.string(r.weekId, `${path}.weekId`, 10),
    order: c.string(r.order, `${path}.order`, 1_000, { empty: false }),
    createdAt: c.time(r.createdAt, `${path}.createdAt`),
    updatedAt: c.time(r.updatedAt, `${path}.updatedAt`),
  } as LegacyClip;
  if (clip.weekId !== undefined && !isDateId(clip.weekId)) c.fail(`${path}.weekId`, 'field.not-date');
  if (clip.order !== undefined && !/^[0-9a-z]*[1-9a-z]$/.test(clip.order))
    c.fail(`${path}.order`, 'field.not-order-key');
  const quotes = c.array(r.quotes, `${path}.quotes`, LIMITS.quotes);
  clip.quotes = (quotes ?? [])
    .map((q, i) => c.soft(() => readQuote(c, q, `${path}.quotes[${i}]`)))
    .filter((q): q is Quote => q !== undefined);
  clip.tags = readTags(c, r.tags, `${path}.tags`);
  readPageExtras(c, r, path, clip);
  optional(clip, 'storyId', c.optionalString(r.storyId, `${path}.storyId`, LIMITS.id));
  if (r.deletedAt !== undefined) optional(clip, 'deletedAt', c.time(r.deletedAt, `${path}.deletedAt`));
  return c.failures === before ? clip : undefined;
}

/**
 * The optional page fields (and the page address): what is not valid is dropped or replaced, and
 * reported, while the record itself is kept.
 */
function readPageExtras(c: Checker, r: Json, path: string, target: Source | LegacyClip): void {
  const text = (key: string, max: number) => {
    const value = r[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return c.fix(`${path}.${key}`, 'field.not-string');
    if (value.length > max) return c.fix(`${path}.${key}`, 'field.too-long', { max });
    return value;
  };
  optional(target, 'author', text('author', LIMITS.line));
  const date = text('publishedAt', LIMITS.date);
  if (date !== undefined && !isValidDate(date)) c.fix(`${path}.publishedAt`, 'field.not-date');
  else optional(target, 'publishedAt', date);
  optional(target, 'excerpt', text('excerpt', LIMITS.line));
  const lang = text('lang', LIMITS.line);
  if (lang !== undefined && validLang(lang) === undefined) c.fix(`${path}.lang`, 'field.not-language');
  else optional(target, 'lang', lang);
  // The address the editor was on is a record of where they clipped; the canonical link stands in for it.
  const page = r.pageUrl;
  if (typeof page !== 'string' || page.length > LIMITS.url) {
    c.fix(`${path}.pageUrl`, typeof page !== 'string' ? 'field.not-string' : 'field.too-long', { max: LIMITS.url });
    if (target.canonicalUrl !== undefined) target.pageUrl = target.canonicalUrl;
  } else target.pageUrl = page;
}

const validStamp = (value: unknown): value is string =>
  typeof value === 'string' && isStamp(value) && stampTime(value) <= 8.64e15;

/** What a value follows: browser ids (as in stamps) to change times, a few at most. */
const validSeen = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length <= 64 &&
  Object.entries(value).every(
    ([replica, time]) =>
      /^[0-9a-z]{0,16}$/.test(replica) &&
      typeof time === 'number' &&
      Number.isInteger(time) &&
      time >= 0 &&
      time <= 8.64e15,
  );

/**
 * Clocks and open conflicts (backup version 4). Clocks that are not valid are dropped whole, and
 * the record merges by its update time as records from before clocks do; a conflict that is not
 * valid is dropped alone.
 */
function readClocks(c: Checker, r: Json, path: string, kind: RecordKind, target: Clocked): void {
  if (r.clocks !== undefined) {
    const fields: readonly string[] = CLOCKED_FIELDS[kind];
    const raw = r.clocks;
    const clocks: Record<string, FieldClock> = {};
    let valid = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    if (valid)
      for (const [field, value] of Object.entries(raw as Json)) {
        const clock = value as Json | null;
        if (
          !fields.includes(field) ||
          typeof clock !== 'object' ||
          clock === null ||
          !validStamp(clock.at) ||
          (clock.base !== undefined && !validStamp(clock.base)) ||
          (clock.seen !== undefined && !validSeen(clock.seen))
        ) {
          valid = false;
          break;
        }
        const read: FieldClock = { at: clock.at };
        if (clock.base !== undefined) read.base = clock.base as string;
        if (clock.seen !== undefined) read.seen = { ...(clock.seen as Record<string, number>) };
        clocks[field] = read;
      }
    if (valid) target.clocks = clocks;
    else c.fix(`${path}.clocks`, 'field.not-clock');
  }
  if (r.conflicts === undefined) return;
  const conflictFields: readonly string[] = CONFLICT_FIELDS[kind];
  // More open conflicts than a record keeps: the newest are read, and the file is told it was trimmed
  // (the whole list used to be dropped, every conflict with it).
  let listed: unknown[] = [];
  if (!Array.isArray(r.conflicts)) c.soft(() => c.array(r.conflicts, `${path}.conflicts`, LIMITS.conflicts));
  else if (r.conflicts.length > LIMITS.conflicts) {
    c.fix(`${path}.conflicts`, 'field.too-many', { max: LIMITS.conflicts });
    listed = r.conflicts.slice(-LIMITS.conflicts);
  } else listed = r.conflicts;
  const conflicts = listed
    .map((raw, i) =>
      c.soft((): FieldConflict | undefined => {
        const at = `${path}.conflicts[${i}]`;
        const x = c.record(raw, at);
        if (!x) return undefined;
        if (typeof x.field !== 'string' || !conflictFields.includes(x.field))
          return c.fail(`${at}.field`, 'field.not-one-of', { allowed: conflictFields.join(', ') });
        if (!validStamp(x.at)) return c.fail(`${at}.at`, 'field.not-clock');
        // Their value obeys the field's own rules: a field every record has is never null, tags are a
        // list, text is text (a forged null used to delete the field when chosen, and the week broke).
        let value: ConflictValue | undefined;
        const shape = CONFLICT_SHAPES[kind][x.field];
        if (x.value === null) value = shape === 'optional' ? null : c.fail(`${at}.value`, 'field.not-string');
        else if (shape === 'list') value = readTags(c, x.value, `${at}.value`);
        else
          value = c.string(
            x.value,
            `${at}.value`,
            LIMITS.note,
            shape === 'required' ? { empty: x.field !== 'title' } : {},
          );
        if (typeof value === 'string' && x.field === 'publishedAt' && !isValidDate(value))
          return c.fail(`${at}.value`, 'field.not-date');
        return value === undefined ? undefined : { field: x.field, value, at: x.at };
      }),
    )
    .filter((x): x is FieldConflict => x !== undefined);
  if (conflicts.length > 0) target.conflicts = conflicts;
}

/** What a conflicting value of each field may be: text every record has, text it may lack, or a list. */
const CONFLICT_SHAPES: Record<RecordKind, Record<string, 'required' | 'optional' | 'list'>> = {
  item: { summary: 'required', note: 'required', tags: 'list' },
  source: { title: 'required', source: 'required', author: 'optional', publishedAt: 'optional', excerpt: 'optional' },
  week: { lede: 'required', closing: 'optional' },
};

function readQuotes(c: Checker, raw: unknown, path: string): Quote[] {
  return (c.array(raw, path, LIMITS.quotes) ?? [])
    .map((q, i) => c.soft(() => readQuote(c, q, `${path}[${i}]`)))
    .filter((q): q is Quote => q !== undefined);
}

/** Tags: one that is not valid is dropped, the rest kept. */
function readTags(c: Checker, raw: unknown, path: string): string[] {
  return (c.array(raw, path, LIMITS.tags) ?? [])
    .map((t, i) => c.soft(() => c.string(t, `${path}[${i}]`, LIMITS.tag)))
    .filter((t): t is string => t !== undefined);
}

function readSource(c: Checker, raw: unknown, path: string): Source | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const before = c.failures;
  const source = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    canonicalUrl: c.url(r.canonicalUrl, `${path}.canonicalUrl`),
    title: c.string(r.title, `${path}.title`, LIMITS.title, { empty: false }),
    source: c.string(r.source, `${path}.source`, LIMITS.line),
    quotes: readQuotes(c, r.quotes, `${path}.quotes`),
    createdAt: c.time(r.createdAt, `${path}.createdAt`),
    updatedAt: c.time(r.updatedAt, `${path}.updatedAt`),
  } as Source;
  readPageExtras(c, r, path, source);
  if (r.origins !== undefined) {
    const origins = validOrigins(r.origins, source);
    // An origin the file names wrongly only advises: the field stays, its origin is dropped.
    const named = typeof r.origins === 'object' && r.origins !== null ? Object.keys(r.origins).length : 1;
    if (named !== Object.keys(origins ?? {}).length) c.fix(`${path}.origins`, 'field.not-origin');
    if (origins) source.origins = origins;
  }
  readClocks(c, r, path, 'source', source);
  return c.failures === before ? source : undefined;
}

function readItem(c: Checker, raw: unknown, path: string): Item | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const before = c.failures;
  const item = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    weekId: c.string(r.weekId, `${path}.weekId`, 10),
    sectionId: c.string(r.sectionId, `${path}.sectionId`, LIMITS.id, { empty: false }),
    order: c.string(r.order, `${path}.order`, 1_000, { empty: false }),
    summary: c.string(r.summary, `${path}.summary`, LIMITS.line),
    note: c.string(r.note, `${path}.note`, LIMITS.note),
    tags: readTags(c, r.tags, `${path}.tags`),
    // One citation that is not an id drops that citation, not the whole item.
    sourceIds: (c.array(r.sourceIds, `${path}.sourceIds`, LIMITS.sourceIds) ?? [])
      .map((t, i) => c.soft(() => c.string(t, `${path}.sourceIds[${i}]`, LIMITS.id, { empty: false })))
      .filter((t): t is string => t !== undefined),
    createdAt: c.time(r.createdAt, `${path}.createdAt`),
    updatedAt: c.time(r.updatedAt, `${path}.updatedAt`),
  } as Item;
  if (item.weekId !== undefined && !isDateId(item.weekId)) c.fail(`${path}.weekId`, 'field.not-date');
  if (item.order !== undefined && !/^[0-9a-z]*[1-9a-z]$/.test(item.order))
    c.fail(`${path}.order`, 'field.not-order-key');
  if (r.deletedAt !== undefined) optional(item, 'deletedAt', c.time(r.deletedAt, `${path}.deletedAt`));
  if (r.shownQuotes !== undefined) {
    const keys = (c.array(r.shownQuotes, `${path}.shownQuotes`, LIMITS.shownQuotes) ?? [])
      .map((k, i) => c.string(k, `${path}.shownQuotes[${i}]`, LIMITS.id * 2, { empty: false }))
      .filter((k): k is string => k !== undefined);
    item.shownQuotes = keys;
  }
  // Drafted marks for text the item no longer holds are dropped: they mark nothing.
  if (r.drafted !== undefined) {
    const marks = c.array(r.drafted, `${path}.drafted`, LIMITS.drafted) ?? [];
    const kept = keptDrafts(marks, item);
    if (kept) item.drafted = kept;
  }
  readClocks(c, r, path, 'item', item);
  return c.failures === before ? item : undefined;
}

function readTombstone(c: Checker, raw: unknown, path: string): Tombstone | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const kind =
    r.kind === 'item' || r.kind === 'source' || r.kind === 'section'
      ? r.kind
      : c.fail(`${path}.kind`, 'field.not-one-of', { allowed: 'item, source, section' });
  const recordId = c.string(r.recordId, `${path}.recordId`, LIMITS.id, { empty: false });
  const deletedAt = c.time(r.deletedAt, `${path}.deletedAt`);
  if (kind === undefined || recordId === undefined || deletedAt === undefined) return undefined;
  // The id is derived, never trusted: `kind:recordId`.
  return { id: `${kind}:${recordId}`, kind, recordId, deletedAt };
}

/** The records a backup holds, by the name a synced document gives its kind (lib/sync/docs.ts). */
export type RecordOfKind = {
  source: Source;
  item: Item;
  week: WeekNote;
  section: Section;
  tombstone: Tombstone;
  settings: DigestSettings;
};

/**
 * One record checked by the rules a backup's records follow (a synced document, lib/sync/docs.ts):
 * the record as it reads (undefined when it cannot be read) and every issue, fixed or skipped.
 */
export function readRecord<K extends keyof RecordOfKind>(
  kind: K,
  raw: unknown,
  path: string,
): { record?: RecordOfKind[K]; issues: BackupIssue[] } {
  const c = new Checker();
  const readers: { [R in keyof RecordOfKind]: () => RecordOfKind[R] | undefined } = {
    source: () => readSource(c, raw, path),
    item: () => readItem(c, raw, path),
    week: () => readWeek(c, raw, path),
    section: () => readSection(c, raw, path),
    tombstone: () => readTombstone(c, raw, path),
    settings: () => (c.record(raw, path) ? readSettings(c, raw) : undefined),
  };
  const record = c.one(readers[kind]) as RecordOfKind[K] | undefined;
  return { record, issues: c.errors };
}

export type ParsedBackup =
  | {
      ok: true;
      backup: Backup;
      /** Records skipped and fields dropped, with their paths (at most 200 listed). */
      issues: BackupIssue[];
      /** Issues beyond the listed ones. */
      unlisted: number;
    }
  | { ok: false; errors: BackupIssue[] };

/** Keeps the first record of each id; a later one with the same id is skipped and reported. */
function firstOfEachId<T extends { id: string }>(c: Checker, records: (T | undefined)[], path: string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  records.forEach((record, i) => {
    if (!record) return;
    if (seen.has(record.id)) c.fail(`${path}[${i}].id`, 'field.duplicate-id', { id: record.id });
    else {
      seen.add(record.id);
      out.push(record);
    }
  });
  return out;
}

/**
 * Checks a backup file's text; never throws. A file that is not a Digest Clipper backup (or is
 * from a newer version) is refused whole; otherwise every record that can be read is returned,
 * and each one that cannot is listed with its path and reason.
 */
export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: [problem('backup.not-json')] };
  }
  const c = new Checker();
  const top = c.record(raw, 'backup');
  if (!top) return { ok: false, errors: [problem('backup.not-backup')] };
  if (top.format !== BACKUP_FORMAT) return { ok: false, errors: [problem('backup.wrong-format')] };
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1)
    return { ok: false, errors: [{ path: 'version', ...problem('backup.bad-version') }] };
  if (top.version > BACKUP_VERSION) {
    return { ok: false, errors: [{ path: 'version', ...problem('backup.newer-version', { version: top.version }) }] };
  }
  const list = (value: unknown, path: string, max: number) => c.soft(() => c.array(value, path, max)) ?? [];
  const settings = readSettings(c, top.settings);
  let sections = firstOfEachId(
    c,
    list(top.sections, 'sections', LIMITS.sections).map((s, i) => c.one(() => readSection(c, s, `sections[${i}]`))),
    'sections',
  );
  const weeks = firstOfEachId(
    c,
    list(top.weeks, 'weeks', LIMITS.records).map((w, i) => c.one(() => readWeek(c, w, `weeks[${i}]`))),
    'weeks',
  );
  const v1 = top.version === 1;
  let sources: Source[];
  let items: Item[];
  let itemPath = 'items';
  // Where each item stood in the file: a report names the record by its place there, not among those kept.
  const position = new WeakMap<Item, number>();
  if (v1) {
    // Version 1 held clips; they become sources and items exactly as the database upgrade makes them.
    const clips = firstOfEachId(
      c,
      list(top.clips, 'clips', LIMITS.records).map((x, i) => c.one(() => readClip(c, x, `clips[${i}]`))),
      'clips',
    );
    ({ sources, items } = itemsFromClips(clips));
    itemPath = 'clips';
    sections = sections.map(withEnglishNames);
  } else {
    sources = firstOfEachId(
      c,
      list(top.sources, 'sources', LIMITS.records).map((x, i) => c.one(() => readSource(c, x, `sources[${i}]`))),
      'sources',
    );
    items = firstOfEachId(
      c,
      list(top.items, 'items', LIMITS.records).map((x, i) => {
        const item = c.one(() => readItem(c, x, `items[${i}]`));
        if (item) position.set(item, i);
        return item;
      }),
      'items',
    );
  }
  const tombstones =
    top.version >= 3
      ? firstOfEachId(
          c,
          list(top.tombstones, 'tombstones', LIMITS.records).map((x, i) =>
            c.one(() => readTombstone(c, x, `tombstones[${i}]`)),
          ),
          'tombstones',
        )
      : [];
  // Every item stays somewhere: with no section left, the published digest's sections are used.
  if (sections.length === 0 && items.length > 0) sections = DEFAULT_SECTIONS.map((s) => ({ ...s }));
  const sectionIds = new Set(sections.map((s) => s.id));
  const fallbackSection =
    sections.find((s) => s.id === settings.defaultSectionId)?.id ??
    [...sections].sort((a, b) => a.order - b.order)[0]?.id;
  const sourceIds = new Set(sources.map((s) => s.id));
  items = items.map((item, kept) => {
    const i = position.get(item) ?? kept;
    let next = item;
    if (!sectionIds.has(item.sectionId) && fallbackSection) {
      c.fix(`${itemPath}[${i}].sectionId`, 'field.unknown-section', { id: item.sectionId });
      next = { ...next, sectionId: fallbackSection };
    }
    const missing = item.sourceIds.filter((id) => !sourceIds.has(id));
    for (const id of missing) c.fix(`${itemPath}[${i}].sourceIds`, 'field.unknown-source', { id });
    if (missing.length > 0) next = { ...next, sourceIds: item.sourceIds.filter((id) => sourceIds.has(id)) };
    return next;
  });
  return {
    ok: true,
    backup: { format: BACKUP_FORMAT, version: top.version, settings, sections, weeks, sources, items, tombstones },
    issues: c.errors,
    unlisted: c.unlisted,
  };
}
