import { TEMPLATE_KEYS } from '../digest/templates';
import type { Clip, DigestSettings, Quote, Section, WeekNote } from '../types';
import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import { getSettings } from './settings';

/**
 * Writing the versioned JSON backup (schema: docs/backup.schema.json). Writing is deterministic:
 * records sorted, keys in a fixed order, no timestamp of its own, so export → import →
 * export gives the same bytes. Reading is lib/store/backup-read.ts; merging, backup-restore.ts.
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

export function optional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function clipRecord(c: Clip): Clip {
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
