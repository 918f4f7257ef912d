import { TEMPLATE_KEYS } from '../digest/templates';
import { type Problem, type ProblemCode, type ProblemParams, problem } from '../errors';
import type { DigestSettings, Item, LegacyClip, Quote, Section, SectionKind, Source, WeekNote } from '../types';
import { isDateId } from '../week';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, optional } from './backup-write';
import { DEFAULT_SETTINGS } from './defaults';
import { itemsFromClips, withEnglishNames } from './legacy-clips';

/**
 * Reading a backup trusts nothing: every field is checked, with the path of whatever is
 * wrong, and only known fields are copied.
 */

const LIMITS = {
  id: 200,
  url: 8_000,
  title: 2_000,
  line: 5_000,
  note: 200_000,
  quote: 2_000_000,
  quotes: 5_000,
  tags: 200,
  clips: 2_000_000,
  sourceIds: 1_000,
  sections: 200,
};

const SECTION_KINDS: readonly SectionKind[] = ['briefs', 'analysis', 'thoughts', 'references'];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

/** One thing wrong with a backup: a problem code, and where it is (`clips[12].canonicalUrl`). */
export type BackupIssue = Problem & { path?: string };

class Checker {
  readonly errors: BackupIssue[] = [];
  fail(path: string, code: ProblemCode, params: ProblemParams = {}): undefined {
    if (this.errors.length < 50) this.errors.push({ path, ...problem(code, params) });
    return undefined;
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
      if (!/^https?:$/.test(new URL(text).protocol)) return this.fail(path, 'field.not-web-address');
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

function readSettings(c: Checker, raw: unknown): DigestSettings | undefined {
  const s = c.record(raw, 'settings');
  if (!s) return undefined;
  const out: DigestSettings = { ...DEFAULT_SETTINGS };
  for (const key of ['digestName', 'digestNameEn', 'category', 'defaultSectionId', 'timeZone'] as const) {
    if (s[key] !== undefined) out[key] = c.string(s[key], `settings.${key}`, LIMITS.line) ?? out[key];
  }
  if (s.language !== undefined) {
    if (s.language === 'zh' || s.language === 'en') out.language = s.language;
    else c.fail('settings.language', 'field.not-one-of', { allowed: 'zh, en' });
  }
  for (const key of ['frontMatter', 'keepEmptySections', 'askWhereToSave'] as const) {
    if (s[key] !== undefined) {
      if (typeof s[key] === 'boolean') out[key] = s[key];
      else c.fail(`settings.${key}`, 'field.not-boolean');
    }
  }
  if (s.templates !== undefined) {
    const map = c.record(s.templates, 'settings.templates');
    if (map) {
      const clean: DigestSettings['templates'] = {};
      for (const key of TEMPLATE_KEYS) {
        if (map[key] !== undefined) {
          const text = c.string(map[key], `settings.templates.${key}`, LIMITS.line);
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
    } else c.fail('settings.backupReminderDays', 'field.not-whole-days', { min: 0, max: 365 });
  }
  if (s.weekStartsOn !== undefined) {
    if (Number.isInteger(s.weekStartsOn) && (s.weekStartsOn as number) >= 0 && (s.weekStartsOn as number) <= 6)
      out.weekStartsOn = s.weekStartsOn as number;
    else c.fail('settings.weekStartsOn', 'field.not-whole-days', { min: 0, max: 6 });
  }
  if (s.uiLanguage !== undefined) {
    if (['auto', 'zh', 'en'].includes(s.uiLanguage as string))
      out.uiLanguage = s.uiLanguage as DigestSettings['uiLanguage'];
    else c.fail('settings.uiLanguage', 'field.not-one-of', { allowed: 'auto, zh, en' });
  }
  if (s.theme !== undefined) {
    if (['auto', 'light', 'dark'].includes(s.theme as string)) out.theme = s.theme as DigestSettings['theme'];
    else c.fail('settings.theme', 'field.not-one-of', { allowed: 'auto, light, dark' });
  }
  if (s.publisherOverrides !== undefined) {
    const map = c.record(s.publisherOverrides, 'settings.publisherOverrides');
    if (map) {
      const clean: Record<string, string> = {};
      for (const [domain, name] of Object.entries(map)) {
        const value = c.string(name, `settings.publisherOverrides.${domain}`, LIMITS.line);
        if (value !== undefined) clean[domain] = value;
      }
      out.publisherOverrides = clean;
    }
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
  if (id === undefined || name === undefined || kind === undefined || order === undefined) return undefined;
  const section: Section = { id, name, kind, order };
  if (nameEn !== undefined) section.nameEn = nameEn;
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
  const before = c.errors.length;
  const clip = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    pageUrl: c.string(r.pageUrl, `${path}.pageUrl`, LIMITS.url),
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
    .map((q, i) => readQuote(c, q, `${path}.quotes[${i}]`))
    .filter((q): q is Quote => q !== undefined);
  const tags = c.array(r.tags, `${path}.tags`, LIMITS.tags);
  clip.tags = (tags ?? [])
    .map((t, i) => c.string(t, `${path}.tags[${i}]`, 100))
    .filter((t): t is string => t !== undefined);
  optional(clip, 'author', c.optionalString(r.author, `${path}.author`, LIMITS.line));
  optional(clip, 'publishedAt', c.optionalString(r.publishedAt, `${path}.publishedAt`, 64));
  optional(clip, 'excerpt', c.optionalString(r.excerpt, `${path}.excerpt`, LIMITS.line));
  optional(clip, 'lang', c.optionalString(r.lang, `${path}.lang`, 35));
  optional(clip, 'storyId', c.optionalString(r.storyId, `${path}.storyId`, LIMITS.id));
  if (r.deletedAt !== undefined) optional(clip, 'deletedAt', c.time(r.deletedAt, `${path}.deletedAt`));
  return c.errors.length === before ? clip : undefined;
}

function readQuotes(c: Checker, raw: unknown, path: string): Quote[] {
  return (c.array(raw, path, LIMITS.quotes) ?? [])
    .map((q, i) => readQuote(c, q, `${path}[${i}]`))
    .filter((q): q is Quote => q !== undefined);
}

function readSource(c: Checker, raw: unknown, path: string): Source | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const before = c.errors.length;
  const source = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    pageUrl: c.string(r.pageUrl, `${path}.pageUrl`, LIMITS.url),
    canonicalUrl: c.url(r.canonicalUrl, `${path}.canonicalUrl`),
    title: c.string(r.title, `${path}.title`, LIMITS.title, { empty: false }),
    source: c.string(r.source, `${path}.source`, LIMITS.line),
    quotes: readQuotes(c, r.quotes, `${path}.quotes`),
    createdAt: c.time(r.createdAt, `${path}.createdAt`),
    updatedAt: c.time(r.updatedAt, `${path}.updatedAt`),
  } as Source;
  optional(source, 'author', c.optionalString(r.author, `${path}.author`, LIMITS.line));
  optional(source, 'publishedAt', c.optionalString(r.publishedAt, `${path}.publishedAt`, 64));
  optional(source, 'excerpt', c.optionalString(r.excerpt, `${path}.excerpt`, LIMITS.line));
  optional(source, 'lang', c.optionalString(r.lang, `${path}.lang`, 35));
  return c.errors.length === before ? source : undefined;
}

function readItem(c: Checker, raw: unknown, path: string): Item | undefined {
  const r = c.record(raw, path);
  if (!r) return undefined;
  const before = c.errors.length;
  const item = {
    id: c.string(r.id, `${path}.id`, LIMITS.id, { empty: false }),
    weekId: c.string(r.weekId, `${path}.weekId`, 10),
    sectionId: c.string(r.sectionId, `${path}.sectionId`, LIMITS.id, { empty: false }),
    order: c.string(r.order, `${path}.order`, 1_000, { empty: false }),
    summary: c.string(r.summary, `${path}.summary`, LIMITS.line),
    note: c.string(r.note, `${path}.note`, LIMITS.note),
    tags: (c.array(r.tags, `${path}.tags`, LIMITS.tags) ?? [])
      .map((t, i) => c.string(t, `${path}.tags[${i}]`, 100))
      .filter((t): t is string => t !== undefined),
    sourceIds: (c.array(r.sourceIds, `${path}.sourceIds`, LIMITS.sourceIds) ?? [])
      .map((t, i) => c.string(t, `${path}.sourceIds[${i}]`, LIMITS.id, { empty: false }))
      .filter((t): t is string => t !== undefined),
    createdAt: c.time(r.createdAt, `${path}.createdAt`),
    updatedAt: c.time(r.updatedAt, `${path}.updatedAt`),
  } as Item;
  if (item.weekId !== undefined && !isDateId(item.weekId)) c.fail(`${path}.weekId`, 'field.not-date');
  if (item.order !== undefined && !/^[0-9a-z]*[1-9a-z]$/.test(item.order))
    c.fail(`${path}.order`, 'field.not-order-key');
  if (r.deletedAt !== undefined) optional(item, 'deletedAt', c.time(r.deletedAt, `${path}.deletedAt`));
  return c.errors.length === before ? item : undefined;
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: BackupIssue[] };

/** Checks a backup file's text; never throws, never returns half a backup. */
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
  const settings = readSettings(c, top.settings);
  const sections = (c.array(top.sections, 'sections', LIMITS.sections) ?? []).map((s, i) =>
    readSection(c, s, `sections[${i}]`),
  );
  const weeks = (c.array(top.weeks, 'weeks', LIMITS.clips) ?? []).map((w, i) => readWeek(c, w, `weeks[${i}]`));
  const v1 = top.version === 1;
  let sources: (Source | undefined)[];
  let items: (Item | undefined)[];
  let itemPath = 'items';
  if (v1) {
    // Version 1 held clips; they become sources and items exactly as the database upgrade makes them.
    const clips = (c.array(top.clips, 'clips', LIMITS.clips) ?? []).map((x, i) => readClip(c, x, `clips[${i}]`));
    const seenClips = new Set<string>();
    clips.forEach((clip, i) => {
      if (!clip) return;
      if (seenClips.has(clip.id)) c.fail(`clips[${i}].id`, 'field.duplicate-id', { id: clip.id });
      seenClips.add(clip.id);
    });
    ({ sources, items } = itemsFromClips(clips.filter((x): x is LegacyClip => x !== undefined)));
    itemPath = 'clips';
  } else {
    sources = (c.array(top.sources, 'sources', LIMITS.clips) ?? []).map((x, i) => readSource(c, x, `sources[${i}]`));
    items = (c.array(top.items, 'items', LIMITS.clips) ?? []).map((x, i) => readItem(c, x, `items[${i}]`));
  }
  const sectionIds = new Set(sections.map((s) => s?.id));
  const sourceIds = new Set<string>();
  sources.forEach((source, i) => {
    if (!source) return;
    if (sourceIds.has(source.id)) c.fail(`sources[${i}].id`, 'field.duplicate-id', { id: source.id });
    sourceIds.add(source.id);
  });
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item) return;
    if (seen.has(item.id)) c.fail(`${itemPath}[${i}].id`, 'field.duplicate-id', { id: item.id });
    seen.add(item.id);
    if (!sectionIds.has(item.sectionId))
      c.fail(`${itemPath}[${i}].sectionId`, 'field.unknown-section', { id: item.sectionId });
    for (const id of item.sourceIds)
      if (!sourceIds.has(id)) c.fail(`${itemPath}[${i}].sourceIds`, 'field.unknown-source', { id });
  });
  if (c.errors.length > 0 || !settings) return { ok: false, errors: c.errors };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: top.version,
      settings,
      sections: v1 ? (sections as Section[]).map(withEnglishNames) : (sections as Section[]),
      weeks: weeks as WeekNote[],
      sources: sources as Source[],
      items: items as Item[],
    },
  };
}
