import { type ProblemCode, type ProblemParams, problem } from '../errors';
import type { BackupIssue, RecordOfKind } from '../store/backup-read';
import { readRecord } from '../store/backup-read';
import { itemRecord, sectionRecord, sourceRecord, tombstoneRecord, weekRecord } from '../store/backup-write';
import { sharedSettings, type TeamRecord } from '../store/team-records';
import type { DigestSettings } from '../types';

/**
 * A team's records as CouchDB documents (docs/sync.md, "Documents"): one document a record, its `_id`
 * the record's kind and id (`item:<id>`), its body the record exactly as a backup writes it plus `type`.
 * Reading one trusts nothing: it goes through the backup's own record rules (lib/store/backup-read.ts,
 * built on lib/record-rules.ts), on the client and in the server's validate_doc_update alike.
 */

export type DocKind = keyof RecordOfKind;

/** The one settings document of a team database. */
const SETTINGS_DOC = 'settings';

export type RecordDoc = Record<string, unknown> & { _id: string; type: DocKind };

export function docId(entry: TeamRecord): string {
  return entry.kind === 'settings' ? SETTINGS_DOC : `${entry.kind}:${entry.record.id}`;
}

/** A record's document body, keys in the backup's order (no `_rev`: the caller adds the one it knows). */
export function toDoc(entry: TeamRecord): RecordDoc {
  const body: Record<string, unknown> = (() => {
    switch (entry.kind) {
      case 'source':
        return { ...sourceRecord(entry.record) };
      case 'item':
        return { ...itemRecord(entry.record) };
      case 'week':
        return { ...weekRecord(entry.record) };
      case 'section':
        return { ...sectionRecord(entry.record) };
      case 'tombstone':
        return { ...tombstoneRecord(entry.record) };
      case 'settings':
        return { ...entry.record };
    }
  })();
  return { _id: docId(entry), type: entry.kind, ...body };
}

const KINDS: readonly DocKind[] = ['source', 'item', 'week', 'section', 'tombstone', 'settings'];

/** JSON with every object's keys sorted: two documents with the same content compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The document's own content: without CouchDB's fields (`_rev`, `_revisions`, `_conflicts`…). */
export function docContent(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_') || key === '_id'));
}

const skipped = (path: string, code: ProblemCode, params: ProblemParams = {}): BackupIssue => ({
  path,
  ...problem(code, params),
  effect: 'skipped',
});

export type DocReading =
  | {
      ok: true;
      entry: TeamRecord;
      /** Fields the rules dropped or replaced while keeping the record. */
      issues: BackupIssue[];
      /** The document is exactly what this extension writes for the record (nothing dropped, nothing extra). */
      exact: boolean;
      /** The record as this extension writes it, in canonical JSON (what a round compares by its hash). */
      canonical: string;
    }
  | { ok: false; issues: BackupIssue[] };

/**
 * Reads a document by the record rules. `exact` is false when reading changed anything: an unknown
 * field, a value the rules drop, an `_id` that is not the record's. The server refuses such a document;
 * the client keeps what reads (a fixed field is dropped, as a restore does) and lists the rest.
 */
export function readDoc(raw: unknown): DocReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, issues: [skipped('doc', 'field.not-object')] };
  const doc = raw as Record<string, unknown>;
  const path = typeof doc._id === 'string' ? doc._id.slice(0, 200) : 'doc';
  const type = doc.type;
  if (typeof type !== 'string' || !KINDS.includes(type as DocKind))
    return { ok: false, issues: [skipped(`${path}.type`, 'field.not-one-of', { allowed: KINDS.join(', ') })] };
  const kind = type as DocKind;
  const { _id, type: _type, ...body } = docContent(doc);
  const { record, issues } = readRecord(kind, body, path);
  if (!record) return { ok: false, issues };
  let entry: TeamRecord;
  if (kind === 'settings') {
    const updatedAt = body.updatedAt;
    if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt) || updatedAt < 0 || updatedAt > 8.64e15)
      return { ok: false, issues: [...issues, skipped(`${path}.updatedAt`, 'field.not-timestamp')] };
    entry = { kind, record: sharedSettings({ ...(record as DigestSettings), sharedAt: updatedAt }) };
  } else entry = { kind, record } as TeamRecord;
  if (docId(entry) !== _id)
    return { ok: false, issues: [...issues, skipped(`${path}._id`, 'field.wrong-doc-id', { id: docId(entry) })] };
  // Anything the record does not hold (a field of its own, a value the rules dropped) makes it inexact.
  const written = toDoc(entry) as Record<string, unknown>;
  const extra = Object.keys(doc).filter((key) => !key.startsWith('_') && !(key in written));
  const all = [
    ...issues,
    ...extra.map((key) => ({ path: `${path}.${key}`, ...problem('field.unknown-field'), effect: 'fixed' as const })),
  ];
  const canonical = canonicalJson(written);
  const exact = all.length === 0 && canonical === canonicalJson(docContent(doc));
  return { ok: true, entry, issues: all, exact, canonical };
}
