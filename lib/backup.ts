import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import { TEMPLATE_KEYS } from './digest-template';
import { searchableText, termsOf } from './search-terms';
import { getSettings } from './settings-repository';
import type { Clip, DigestSettings, Quote, Section, SectionKind, WeekNote } from './types';
import { isDateId } from './week';

/**
 * The versioned JSON backup (schema: docs/backup.schema.json). Writing is deterministic:
 * records sorted, keys in a fixed order, no timestamp of its own, so export → import →
 * export gives the same bytes. Reading trusts nothing: every field is checked, with the
 * path of whatever is wrong, and only known fields are copied.
 */

export const BACKUP_FORMAT = 'digest-clipper-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  settings: DigestSettings;
  sections: Section[];
  weeks: WeekNote[];
  clips: Clip[];
}

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
  sections: 200,
};

const SECTION_KINDS: readonly SectionKind[] = ['briefs', 'analysis', 'thoughts', 'references'];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function optional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function clipRecord(c: Clip): Clip {
  const out = { id: c.id, pageUrl: c.pageUrl, canonicalUrl: c.canonicalUrl, title: c.title, source: c.source } as Clip;
  optional(out, 'author', c.author);
  optional(out, 'publishedAt', c.publishedAt);
  optional(out, 'excerpt', c.excerpt);
  optional(out, 'lang', c.lang);
  out.quotes = c.quotes.map((q) => {
    const quote = { text: q.text } as Quote;
    optional(quote, 'markdown', q.markdown);
    quote.createdAt = q.createdAt;
    return quote;
  });
  Object.assign(out, {
    summary: c.summary,
    note: c.note,
    sectionId: c.sectionId,
    tags: [...c.tags],
    weekId: c.weekId,
    order: c.order,
  });
  optional(out, 'storyId', c.storyId);
  optional(out, 'deletedAt', c.deletedAt);
  out.createdAt = c.createdAt;
  out.updatedAt = c.updatedAt;
  return out;
}

function settingsRecord(s: DigestSettings): DigestSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DigestSettings)[]) out[key] = s[key];
  out.publisherOverrides = Object.fromEntries(
    Object.entries(s.publisherOverrides).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  out.templates = Object.fromEntries(
    TEMPLATE_KEYS.filter((k) => s.templates[k] !== undefined).map((k) => [k, s.templates[k]]),
  );
  return out as unknown as DigestSettings;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function serializeBackup(backup: Omit<Backup, 'format' | 'version'>): string {
  const doc: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    settings: settingsRecord(backup.settings),
    sections: [...backup.sections]
      .sort((a, b) => a.order - b.order || byId(a, b))
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, order: s.order })),
    weeks: [...backup.weeks].sort(byId).map((w) => ({ id: w.id, lede: w.lede, updatedAt: w.updatedAt })),
    clips: [...backup.clips].sort(byId).map(clipRecord),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Everything in the database (trash included) as backup text. */
export async function createBackup(db: ClipperDb): Promise<string> {
  const [settings, sections, weeks, clips] = await db.transaction(
    'r',
    [db.settings, db.sections, db.weeks, db.clips],
    () => Promise.all([getSettings(db), db.sections.toArray(), db.weeks.toArray(), db.clips.toArray()]),
  );
  return serializeBackup({ settings, sections, weeks, clips });
}

// ---- reading ----

type Json = Record<string, unknown>;

class Checker {
  readonly errors: string[] = [];
  fail(path: string, message: string): undefined {
    if (this.errors.length < 50) this.errors.push(`${path}: ${message}`);
    return undefined;
  }
  record(value: unknown, path: string): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path, 'not an object');
    for (const key of Object.keys(value))
      if (FORBIDDEN_KEYS.has(key)) return this.fail(`${path}.${key}`, 'forbidden key');
    return value as Json;
  }
  string(value: unknown, path: string, max: number, { empty = true } = {}): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'not a string');
    if (value.length > max) return this.fail(path, `longer than ${max.toLocaleString('en')} characters`);
    if (!empty && value.trim() === '') return this.fail(path, 'empty');
    return value;
  }
  optionalString(value: unknown, path: string, max: number): string | undefined {
    return value === undefined ? undefined : this.string(value, path, max);
  }
  time(value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 8.64e15)
      return this.fail(path, 'not a timestamp');
    return value;
  }
  url(value: unknown, path: string): string | undefined {
    const text = this.string(value, path, LIMITS.url);
    if (text === undefined) return undefined;
    try {
      if (!/^https?:$/.test(new URL(text).protocol)) return this.fail(path, 'not a web address');
    } catch {
      return this.fail(path, 'not a URL');
    }
    return text;
  }
  array(value: unknown, path: string, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, 'not a list');
    if (value.length > max) return this.fail(path, `more than ${max.toLocaleString('en')} entries`);
    return value;
  }
}

function readSettings(c: Checker, raw: unknown): DigestSettings | undefined {
  const s = c.record(raw, 'settings');
  if (!s) return undefined;
  const out: DigestSettings = { ...DEFAULT_SETTINGS };
  for (const key of ['digestName', 'category', 'defaultSectionId', 'timeZone'] as const) {
    if (s[key] !== undefined) out[key] = c.string(s[key], `settings.${key}`, LIMITS.line) ?? out[key];
  }
  if (s.language !== undefined) {
    if (s.language === 'zh' || s.language === 'en') out.language = s.language;
    else c.fail('settings.language', 'must be "zh" or "en"');
  }
  for (const key of ['frontMatter', 'keepEmptySections', 'askWhereToSave'] as const) {
    if (s[key] !== undefined) {
      if (typeof s[key] === 'boolean') out[key] = s[key];
      else c.fail(`settings.${key}`, 'not true or false');
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
    } else c.fail('settings.backupReminderDays', 'must be a whole number of days from 0 to 365');
  }
  if (s.weekStartsOn !== undefined) {
    if (Number.isInteger(s.weekStartsOn) && (s.weekStartsOn as number) >= 0 && (s.weekStartsOn as number) <= 6)
      out.weekStartsOn = s.weekStartsOn as number;
    else c.fail('settings.weekStartsOn', 'must be 0 (Sunday) to 6 (Saturday)');
  }
  if (s.uiLanguage !== undefined) {
    if (['auto', 'zh', 'en'].includes(s.uiLanguage as string))
      out.uiLanguage = s.uiLanguage as DigestSettings['uiLanguage'];
    else c.fail('settings.uiLanguage', 'must be "auto", "zh" or "en"');
  }
  if (s.theme !== undefined) {
    if (['auto', 'light', 'dark'].includes(s.theme as string)) out.theme = s.theme as DigestSettings['theme'];
    else c.fail('settings.theme', 'must be "auto", "light" or "dark"');
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
    : c.fail(`${path}.kind`, `must be one of ${SECTION_KINDS.join(', ')}`);
  const order =
    typeof s.order === 'number' && Number.isFinite(s.order) ? s.order : c.fail(`${path}.order`, 'not a number');
  return id !== undefined && name !== undefined && kind !== undefined && order !== undefined
    ? { id, name, kind, order }
    : undefined;
}

function readWeek(c: Checker, raw: unknown, path: string): WeekNote | undefined {
  const w = c.record(raw, path);
  if (!w) return undefined;
  const id = c.string(w.id, `${path}.id`, 10);
  if (id !== undefined && !isDateId(id)) return c.fail(`${path}.id`, 'not a date (YYYY-MM-DD)');
  const lede = c.string(w.lede, `${path}.lede`, LIMITS.note);
  const updatedAt = c.time(w.updatedAt, `${path}.updatedAt`);
  return id !== undefined && lede !== undefined && updatedAt !== undefined ? { id, lede, updatedAt } : undefined;
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

function readClip(c: Checker, raw: unknown, path: string): Clip | undefined {
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
  } as Clip;
  if (clip.weekId !== undefined && !isDateId(clip.weekId)) c.fail(`${path}.weekId`, 'not a date (YYYY-MM-DD)');
  if (clip.order !== undefined && !/^[0-9a-z]*[1-9a-z]$/.test(clip.order)) c.fail(`${path}.order`, 'not an order key');
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

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: string[] };

/** Checks a backup file's text; never throws, never returns half a backup. */
export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['This file is not valid JSON (is it cut short, or not a Digest Clipper backup?).'] };
  }
  const c = new Checker();
  const top = c.record(raw, 'backup');
  if (!top) return { ok: false, errors: ['This file is not a Digest Clipper backup.'] };
  if (top.format !== BACKUP_FORMAT)
    return { ok: false, errors: ['This file is not a Digest Clipper backup (format is missing or different).'] };
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1)
    return { ok: false, errors: ['version: not a backup version'] };
  if (top.version > BACKUP_VERSION) {
    return {
      ok: false,
      errors: [
        `version: this backup was written by a newer Digest Clipper (format ${top.version}); update the extension to restore it.`,
      ],
    };
  }
  const settings = readSettings(c, top.settings);
  const sections = (c.array(top.sections, 'sections', LIMITS.sections) ?? []).map((s, i) =>
    readSection(c, s, `sections[${i}]`),
  );
  const weeks = (c.array(top.weeks, 'weeks', LIMITS.clips) ?? []).map((w, i) => readWeek(c, w, `weeks[${i}]`));
  const clips = (c.array(top.clips, 'clips', LIMITS.clips) ?? []).map((x, i) => readClip(c, x, `clips[${i}]`));
  const sectionIds = new Set(sections.map((s) => s?.id));
  const seen = new Set<string>();
  clips.forEach((clip, i) => {
    if (!clip) return;
    if (seen.has(clip.id)) c.fail(`clips[${i}].id`, `"${clip.id}" appears twice`);
    seen.add(clip.id);
    if (!sectionIds.has(clip.sectionId))
      c.fail(`clips[${i}].sectionId`, `no section "${clip.sectionId}" in this backup`);
  });
  if (c.errors.length > 0 || !settings) return { ok: false, errors: c.errors };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: top.version,
      settings,
      sections: sections as Section[],
      weeks: weeks as WeekNote[],
      clips: clips as Clip[],
    },
  };
}

// ---- merging ----

export interface RestorePlan {
  added: number;
  updated: number;
  unchanged: number;
  /** Clips that differ where this browser's copy is as new or newer: it is kept. */
  conflicts: number;
  sectionsAdded: number;
  /** True when this browser has no clips yet: the backup's sections and settings are taken whole. */
  replacesSettings: boolean;
}

const comparable = (clip: Clip) => JSON.stringify(clipRecord(clip));

async function plan(db: ClipperDb, backup: Backup) {
  const localClips = await db.clips.bulkGet(backup.clips.map((c) => c.id));
  const fresh = (await db.clips.count()) === 0;
  const localSections = new Set((await db.sections.toArray()).map((s) => s.id));
  const localWeeks = new Map(
    (await db.weeks.bulkGet(backup.weeks.map((w) => w.id))).filter((w): w is WeekNote => !!w).map((w) => [w.id, w]),
  );
  const writes: Clip[] = [];
  const summary: RestorePlan = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    sectionsAdded: 0,
    replacesSettings: fresh,
  };
  backup.clips.forEach((incoming, i) => {
    const local = localClips[i];
    if (!local) {
      summary.added++;
      writes.push(incoming);
    } else if (comparable(local) === comparable(incoming)) {
      summary.unchanged++;
    } else if (incoming.updatedAt > local.updatedAt) {
      summary.updated++;
      writes.push(incoming);
    } else {
      summary.conflicts++;
    }
  });
  const sections = fresh ? backup.sections : backup.sections.filter((s) => !localSections.has(s.id));
  summary.sectionsAdded = backup.sections.filter((s) => !localSections.has(s.id)).length;
  const weeks = backup.weeks.filter((w) => {
    const local = localWeeks.get(w.id);
    return !local || (w.updatedAt > local.updatedAt && w.lede !== local.lede);
  });
  return { summary, writes, sections, weeks, fresh };
}

/** What a restore would do, without writing anything (the dry run). */
export async function planRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('r', [db.clips, db.sections, db.weeks], async () => (await plan(db, backup)).summary);
}

/**
 * Merges a backup by id, newest `updatedAt` winning, in one transaction: all of it or none.
 * Restoring the same file twice changes nothing the second time.
 */
export async function applyRestore(db: ClipperDb, backup: Backup): Promise<RestorePlan> {
  return db.transaction('rw', [db.clips, db.sections, db.weeks, db.settings], async () => {
    const { summary, writes, sections, weeks, fresh } = await plan(db, backup);
    if (fresh) {
      await db.sections.clear();
      await db.settings.put({ key: 'digest', value: backup.settings });
    }
    await db.sections.bulkPut(sections);
    await db.weeks.bulkPut(weeks);
    await db.clips.bulkPut(writes.map((clip) => ({ ...clip, terms: termsOf(...searchableText(clip)) })));
    return summary;
  });
}
