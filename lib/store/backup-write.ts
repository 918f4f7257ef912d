import type { EntityTable } from 'dexie';
import { TEMPLATE_KEYS } from '../digest/templates';
import { ORIGIN_FIELDS } from '../record-rules';
import type {
  Clocked,
  DigestSettings,
  FieldClock,
  FieldOrigins,
  Item,
  Quote,
  Section,
  Source,
  Tombstone,
  WeekNote,
} from '../types';
import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import { CLOCKED_FIELDS, makeStamp, type RecordKind } from './field-clocks';
import { getSettings } from './settings-read';

/**
 * Writing the versioned JSON backup (schema: docs/backup.schema.json). Writing is deterministic:
 * records sorted, keys in a fixed order, no timestamp of its own, so export → import →
 * export gives the same bytes. Reading is lib/store/backup-read.ts; merging, backup-restore.ts.
 */

export const BACKUP_FORMAT = 'digest-clipper-backup';
/**
 * 5: where each page field came from (`origins`). 4: per-field clocks and open conflicts. 3: tombstones of records deleted for good. 2: sources and items. 1: clips (still read and
 * converted by lib/store/legacy-clips.ts).
 */
export const BACKUP_VERSION = 5;

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

/**
 * Clocks (in field order) and open conflicts, when the record has them. A clock that says only "unchanged
 * since creation" (what a field without one means, lib/store/field-clocks.ts clockOf) is left out: one
 * record, however its clocks were filled in (an edit writes one, a merge all), is written the same way,
 * so two copies that agree write the same bytes (team sync compares them).
 */
function clockFields(kind: RecordKind, from: Clocked, to: Clocked): void {
  if (from.clocks) {
    const clocks: Clocked['clocks'] = {};
    const unchanged = makeStamp(from.createdAt ?? 0, '');
    for (const field of CLOCKED_FIELDS[kind]) {
      const clock = from.clocks[field];
      if (!clock || (clock.at === unchanged && clock.base === undefined && clock.seen === undefined)) continue;
      const out: FieldClock = { at: clock.at };
      if (clock.base !== undefined) out.base = clock.base;
      if (clock.seen !== undefined)
        out.seen = Object.fromEntries(Object.entries(clock.seen).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      clocks[field] = out;
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
  if (s.origins) {
    const origins: FieldOrigins = {};
    for (const field of ORIGIN_FIELDS) optional(origins, field, s.origins[field]);
    if (Object.keys(origins).length > 0) out.origins = origins;
  }
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
  if (i.shownQuotes) out.shownQuotes = [...i.shownQuotes];
  if (i.drafted) out.drafted = [...i.drafted];
  optional(out, 'deletedAt', i.deletedAt);
  out.createdAt = i.createdAt;
  out.updatedAt = i.updatedAt;
  clockFields('item', i, out);
  return out;
}

export function sectionRecord(s: Section): Section {
  const out = { id: s.id, name: s.name } as Section;
  optional(out, 'nameEn', s.nameEn);
  out.kind = s.kind;
  out.order = s.order;
  optional(out, 'updatedAt', s.updatedAt);
  return out;
}

export function weekRecord(w: WeekNote): WeekNote {
  const out = { id: w.id, lede: w.lede } as WeekNote;
  optional(out, 'closing', w.closing);
  if (w.published) out.published = { at: w.published.at, issue: w.published.issue };
  out.updatedAt = w.updatedAt;
  clockFields('week', w, out);
  return out;
}

export function settingsRecord(s: DigestSettings): DigestSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DigestSettings)[]) out[key] = s[key];
  out.publisherOverrides = Object.fromEntries(
    Object.entries(s.publisherOverrides).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  out.learnedSites = (s.learnedSites ?? []).map((rule) => ({ ...rule, spot: { ...rule.spot } }));
  out.templates = Object.fromEntries(
    TEMPLATE_KEYS.filter((k) => s.templates[k] !== undefined).map((k) => [k, s.templates[k]]),
  );
  return out as unknown as DigestSettings;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const tombstoneRecord = (t: Tombstone): Tombstone => ({
  id: t.id,
  kind: t.kind,
  recordId: t.recordId,
  deletedAt: t.deletedAt,
});

/**
 * The backup's text is written piece by piece, the same bytes as `JSON.stringify(doc, null, 2)`:
 * a record inside one of the document's arrays is indented by four spaces.
 */
const inArray = (record: unknown) => `    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}`;
const header = (settings: DigestSettings) =>
  `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "settings": ${JSON.stringify(
    settingsRecord(settings),
    null,
    2,
  ).replace(/\n/g, '\n  ')}`;

/** The text of one chunk of an array's records; the first chunk opens the array. */
const arrayChunk = (name: string, text: string, first: boolean) =>
  first ? `,\n  "${name}": [\n${text}` : `,\n${text}`;
/** What closes an array: `[]` when no chunk opened it. */
const arrayEnd = (name: string, opened: boolean) => (opened ? '\n  ]' : `,\n  "${name}": []`);
const records = <T>(list: readonly T[], record: (t: T) => unknown) => list.map((t) => inArray(record(t))).join(',\n');
/** A whole array held in memory. */
const wholeArray = <T>(name: string, list: readonly T[], record: (t: T) => unknown) =>
  list.length === 0 ? arrayEnd(name, false) : arrayChunk(name, records(list, record), true) + arrayEnd(name, true);

const sortedSections = (sections: readonly Section[]) => [...sections].sort((a, b) => a.order - b.order || byId(a, b));

/** A backup document as text, from records in memory (the example backup, tests). */
export function serializeBackup(backup: Omit<Backup, 'format' | 'version'>): string {
  return [
    header(backup.settings),
    wholeArray('sections', sortedSections(backup.sections), sectionRecord),
    wholeArray('weeks', [...backup.weeks].sort(byId), weekRecord),
    wholeArray('sources', [...backup.sources].sort(byId), sourceRecord),
    wholeArray('items', [...backup.items].sort(byId), itemRecord),
    wholeArray('tombstones', [...backup.tombstones].sort(byId), tombstoneRecord),
    '\n}\n',
  ].join('');
}

/** Records read at a time by the export. */
const EXPORT_CHUNK = 1000;

/** A store's records in id order, a chunk at a time (a range read after the last id, not an offset). */
async function* inIdOrder<T extends { id: string }>(table: EntityTable<T, 'id'>): AsyncGenerator<T[]> {
  let chunk = await table.orderBy(':id').limit(EXPORT_CHUNK).toArray();
  while (chunk.length > 0) {
    yield chunk;
    if (chunk.length < EXPORT_CHUNK) return;
    chunk = await table
      .where(':id')
      .above((chunk[chunk.length - 1] as T).id)
      .limit(EXPORT_CHUNK)
      .toArray();
  }
}

/** A large store's array, read and written a chunk at a time. */
async function streamArray<T extends { id: string }>(
  out: BlobPart[],
  name: string,
  chunks: AsyncIterable<T[]>,
  record: (t: T) => unknown,
): Promise<void> {
  let opened = false;
  for await (const chunk of chunks) {
    // A Blob per chunk: the browser holds the bytes, and the page's heap lets the text go.
    out.push(new Blob([arrayChunk(name, records(chunk, record), !opened)]));
    opened = true;
  }
  out.push(arrayEnd(name, opened));
}

/**
 * Everything in the database (trash included) as a backup file, the same bytes as
 * `serializeBackup`. Read in one transaction (a consistent copy); sources and items are walked in
 * id order a chunk at a time, so memory stays flat however many records there are.
 */
export async function createBackupBlob(db: ClipperDb): Promise<Blob> {
  return db.transaction('r', [db.settings, db.sections, db.weeks, db.sources, db.items, db.tombstones], async () => {
    const [settings, sections, weeks, tombstones] = await Promise.all([
      getSettings(db),
      db.sections.toArray(),
      db.weeks.toArray(),
      db.tombstones.toArray(),
    ]);
    const out: BlobPart[] = [
      header(settings),
      wholeArray('sections', sortedSections(sections), sectionRecord),
      wholeArray('weeks', [...weeks].sort(byId), weekRecord),
    ];
    await streamArray(out, 'sources', inIdOrder(db.sources), sourceRecord);
    await streamArray(out, 'items', inIdOrder(db.items), itemRecord);
    out.push(wholeArray('tombstones', [...tombstones].sort(byId), tombstoneRecord), '\n}\n');
    return new Blob(out, { type: 'application/json' });
  });
}

/** Everything in the database as backup text (tests and the CLI; the options page downloads the Blob). */
export async function createBackup(db: ClipperDb): Promise<string> {
  return (await createBackupBlob(db)).text();
}
