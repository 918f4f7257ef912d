import { TEMPLATE_KEYS } from '../digest/templates';
import type { Clocked, DigestSettings, Item, Quote, Section, Source, Tombstone, WeekNote } from '../types';
import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import { CLOCKED_FIELDS, type RecordKind } from './field-clocks';
import { getSettings } from './settings';

/**
 * Writing the versioned JSON backup (schema: docs/backup.schema.json). Writing is deterministic:
 * records sorted, keys in a fixed order, no timestamp of its own, so export → import →
 * export gives the same bytes. Reading is lib/store/backup-read.ts; merging, backup-restore.ts.
 */

export const BACKUP_FORMAT = 'digest-clipper-backup';
/**
 * 4: per-field clocks and open conflicts. 3: tombstones of records deleted for good. 2: sources and items. 1: clips (still read and
 * converted by lib/store/legacy-clips.ts).
 */
export const BACKUP_VERSION = 4;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  settings: DigestSettings;
  sections: Section[];
  weeks: WeekNote[];
  sources: Source[];
  items: Item[];
  tombstones: Tombstone[];
}

export function optional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function quoteRecord(q: Quote): Quote {
  const quote = { text: q.text } as Quote;
  optional(quote, 'markdown', q.markdown);
  quote.createdAt = q.createdAt;
  return quote;
}

/** Clocks (in field order) and open conflicts, when the record has them. */
function clockFields(kind: RecordKind, from: Clocked, to: Clocked): void {
  if (from.clocks) {
    const clocks: Clocked['clocks'] = {};
    for (const field of CLOCKED_FIELDS[kind]) {
      const clock = from.clocks[field];
      if (clock) clocks[field] = clock.base === undefined ? { at: clock.at } : { at: clock.at, base: clock.base };
    }
    to.clocks = clocks;
  }
  if (from.conflicts && from.conflicts.length > 0)
    to.conflicts = from.conflicts.map((c) => ({
      field: c.field,
      value: Array.isArray(c.value) ? [...c.value] : c.value,
      at: c.at,
    }));
}

/** A source with its keys in the backup's order and nothing derived. */
export function sourceRecord(s: Source): Source {
  const out = {
    id: s.id,
    pageUrl: s.pageUrl,
    canonicalUrl: s.canonicalUrl,
    title: s.title,
    source: s.source,
  } as Source;
  optional(out, 'author', s.author);
  optional(out, 'publishedAt', s.publishedAt);
  optional(out, 'excerpt', s.excerpt);
  optional(out, 'lang', s.lang);
  out.quotes = s.quotes.map(quoteRecord);
  out.createdAt = s.createdAt;
  out.updatedAt = s.updatedAt;
  clockFields('source', s, out);
  return out;
}

/** An item with its keys in the backup's order; search keys are derived again on restore. */
export function itemRecord(i: Item): Item {
  const out = {
    id: i.id,
    weekId: i.weekId,
    sectionId: i.sectionId,
    order: i.order,
    summary: i.summary,
    note: i.note,
    tags: [...i.tags],
    sourceIds: [...i.sourceIds],
  } as Item;
  optional(out, 'deletedAt', i.deletedAt);
  out.createdAt = i.createdAt;
  out.updatedAt = i.updatedAt;
  clockFields('item', i, out);
  return out;
}

function sectionRecord(s: Section): Section {
  const out = { id: s.id, name: s.name } as Section;
  optional(out, 'nameEn', s.nameEn);
  out.kind = s.kind;
  out.order = s.order;
  return out;
}

function weekRecord(w: WeekNote): WeekNote {
  const out = { id: w.id, lede: w.lede } as WeekNote;
  optional(out, 'closing', w.closing);
  if (w.published) out.published = { at: w.published.at, issue: w.published.issue };
  out.updatedAt = w.updatedAt;
  clockFields('week', w, out);
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
    sections: [...backup.sections].sort((a, b) => a.order - b.order || byId(a, b)).map(sectionRecord),
    weeks: [...backup.weeks].sort(byId).map(weekRecord),
    sources: [...backup.sources].sort(byId).map(sourceRecord),
    items: [...backup.items].sort(byId).map(itemRecord),
    tombstones: [...backup.tombstones]
      .sort(byId)
      .map((t) => ({ id: t.id, kind: t.kind, recordId: t.recordId, deletedAt: t.deletedAt })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Everything in the database (trash included) as backup text. */
export async function createBackup(db: ClipperDb): Promise<string> {
  const [settings, sections, weeks, sources, items, tombstones] = await db.transaction(
    'r',
    [db.settings, db.sections, db.weeks, db.sources, db.items, db.tombstones],
    () =>
      Promise.all([
        getSettings(db),
        db.sections.toArray(),
        db.weeks.toArray(),
        db.sources.toArray(),
        db.items.toArray(),
        db.tombstones.toArray(),
      ]),
  );
  return serializeBackup({ settings, sections, weeks, sources, items, tombstones });
}
