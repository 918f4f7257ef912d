import { ClipInputError } from '../errors';
import type { ClipperDb, SyncedDoc } from '../store/db';
import { applyTeamBatch, recordsChangedSince, syncedDocs, type TeamRecord } from '../store/team-records';
import { hash64 } from '../text';
import type { TeamConnection, TeamStatus } from '../types';
import { couch, dbPath, type Fetch, replyProblem } from './couch';
import { canonicalJson, type RecordDoc, readDoc, toDoc } from './docs';

/**
 * Replication between this browser's database and a team database, on CouchDB's own API
 * (docs/sync.md): pull reads the changes feed from a checkpoint and merges each document through the
 * restore's per-field merge; push sends what changed here with the revision the server last had, and a
 * document someone else changed meanwhile (409) is read, merged here and sent again. Nothing here keeps
 * state between calls except in the database: the background may be stopped at any moment.
 */

export interface TeamContext {
  db: ClipperDb;
  fetch: Fetch;
  now: () => number;
  connection: TeamConnection;
}

/** Documents sent in one `_bulk_docs`. */
const PUSH_CHUNK = 250;
/**
 * Documents read in one `_changes` page and merged in one transaction. Large: each merge brings the search
 * index's rows for the words of its items up to date, so a first sync of a long archive in pages of 500
 * rewrote the common words' rows a hundred times (measured: most of its time).
 */
const PULL_LIMIT = 5_000;
/** Rounds of read-merge-send for documents that keep changing under a push. */
const PUSH_ROUNDS = 5;

/** What a round compares: a hash of the document's canonical JSON. */
const docHash = (doc: RecordDoc) => hash64(canonicalJson(doc));

export type SkippedDoc = NonNullable<TeamStatus['skipped']>[number];

export interface PullResult {
  since: string;
  /** Documents merged here. */
  received: number;
  skipped: SkippedDoc[];
  /** The feed has more after this page. */
  more: boolean;
}

/** Reads documents by the record rules: what reads, with what this browser now agrees with the server on. */
function readDocs(docs: readonly Record<string, unknown>[]) {
  const records: TeamRecord[] = [];
  const agreed: SyncedDoc[] = [];
  const skipped: SkippedDoc[] = [];
  for (const doc of docs) {
    const id = String(doc._id);
    const reading = readDoc(doc);
    if (!reading.ok) {
      const first = reading.issues[0];
      skipped.push({
        id,
        code: first?.code ?? 'field.not-object',
        params: first?.params ?? {},
        path: first?.path ?? id,
      });
      continue;
    }
    records.push(reading.entry);
    // What the server holds, as this browser would write it: equal after the merge means nothing to send.
    agreed.push({ id, rev: String(doc._rev), hash: hash64(reading.canonical) });
  }
  return { records, agreed, skipped };
}

/** One page of the changes feed after `since`: the documents (design documents and deletions left out). */
export async function readChanges(
  ctx: TeamContext,
  since: string,
): Promise<{ docs: Record<string, unknown>[]; since: string; more: boolean }> {
  const query = new URLSearchParams({ since, include_docs: 'true', limit: String(PULL_LIMIT) });
  const reply = await couch(ctx.fetch, ctx.connection.url, dbPath(ctx.connection, `_changes?${query}`));
  if (reply.status !== 200) throw replyProblem(reply, ctx.connection);
  const results = (Array.isArray(reply.body.results) ? reply.body.results : []) as {
    doc?: Record<string, unknown>;
  }[];
  const docs = results
    .map((r) => r.doc)
    .filter(
      (doc): doc is Record<string, unknown> =>
        !!doc && typeof doc._id === 'string' && !doc._id.startsWith('_design/') && doc._deleted !== true,
    );
  const lastSeq = reply.body.last_seq;
  return {
    docs,
    since: lastSeq === undefined ? since : typeof lastSeq === 'string' ? lastSeq : JSON.stringify(lastSeq),
    more: results.length >= PULL_LIMIT,
  };
}

/** Documents from the server merged here in one transaction (one already agreed on is skipped). */
export async function mergeDocs(
  ctx: TeamContext,
  docs: readonly Record<string, unknown>[],
): Promise<{ received: number; skipped: SkippedDoc[] }> {
  // Our own pushes come back through the feed: a revision this browser already agrees on is skipped.
  const known = await syncedDocs(
    ctx.db,
    docs.map((d) => d._id as string),
  );
  const fresh = docs.filter((d) => known.get(d._id as string)?.rev !== d._rev);
  const { records, agreed, skipped } = readDocs(fresh);
  if (records.length > 0) await applyTeamBatch(ctx.db, records, agreed, ctx.now());
  return { received: records.length, skipped };
}

/** One page of the changes feed after `since`, merged here in one transaction. */
export async function pull(ctx: TeamContext, since: string): Promise<PullResult> {
  const page = await readChanges(ctx, since);
  const merged = await mergeDocs(ctx, page.docs);
  return { since: page.since, more: page.more, ...merged };
}

export interface PushResult {
  /** Documents the server took. */
  sent: number;
  /** Changes still here (the server refused them, or they kept changing under the push). */
  pending: number;
  /** Documents the server's rules refused, with its reason. */
  refused: { id: string; reason: string }[];
}

/** What changed here since the server last had it: records as documents, with their hashes. */
export async function localChanges(ctx: TeamContext, scanFrom: number) {
  const records = await recordsChangedSince(ctx.db, scanFrom);
  const docs = records.map((entry) => {
    const doc = toDoc(entry);
    return { entry, doc, hash: docHash(doc) };
  });
  const known = await syncedDocs(
    ctx.db,
    docs.map((d) => d.doc._id),
  );
  return { changed: docs.filter((d) => known.get(d.doc._id)?.hash !== d.hash), known };
}

/**
 * Sends what changed here. `scanFrom` is this browser's clock when it last looked (0 looks at
 * everything: after a restore, at start). A document changed on the server meanwhile (409) is read,
 * merged here (the same merge as a pull) and sent again with the server's revision.
 */
export async function push(ctx: TeamContext, scanFrom: number): Promise<PushResult> {
  const result: PushResult = { sent: 0, pending: 0, refused: [] };
  let retry: Set<string> | undefined;
  for (let round = 0; round < PUSH_ROUNDS; round++) {
    const { changed, known } = await localChanges(ctx, retry ? 0 : scanFrom);
    const sending = retry ? changed.filter((d) => retry?.has(d.doc._id)) : changed;
    const refusedIds = new Set(result.refused.map((r) => r.id));
    const todo = sending.filter((d) => !refusedIds.has(d.doc._id));
    if (todo.length === 0) break;
    const conflicts: string[] = [];
    for (let i = 0; i < todo.length; i += PUSH_CHUNK) {
      const chunk = todo.slice(i, i + PUSH_CHUNK);
      const docs = chunk.map(({ doc }) => {
        const rev = known.get(doc._id)?.rev;
        return rev ? { ...doc, _rev: rev } : doc;
      });
      const reply = await couch(ctx.fetch, ctx.connection.url, dbPath(ctx.connection, '_bulk_docs'), {
        method: 'POST',
        body: { docs },
      });
      if (reply.status !== 201 && reply.status !== 200) throw replyProblem(reply, ctx.connection);
      const answers = (Array.isArray(reply.body) ? reply.body : Object.values(reply.body)) as {
        id?: string;
        rev?: string;
        ok?: boolean;
        error?: string;
        reason?: string;
      }[];
      // Matched by id: not every server answers in the order it was sent.
      const byId = new Map(answers.map((a) => [a.id, a]));
      const agreed: SyncedDoc[] = [];
      for (const { doc, hash } of chunk) {
        const answer = byId.get(doc._id);
        if (answer?.ok && answer.rev) {
          agreed.push({ id: doc._id, rev: answer.rev, hash });
          result.sent++;
        } else if (answer?.error === 'conflict') conflicts.push(doc._id);
        else result.refused.push({ id: doc._id, reason: String(answer?.reason ?? answer?.error ?? 'no answer') });
      }
      if (agreed.length > 0) await ctx.db.synced.bulkPut(agreed);
    }
    if (conflicts.length === 0) break;
    await mergeFromServer(ctx, conflicts);
    retry = new Set(conflicts);
  }
  result.pending = (await localChanges(ctx, scanFrom)).changed.length;
  return result;
}

/** Reads the server's current documents and merges them here (a push met a newer revision). */
async function mergeFromServer(ctx: TeamContext, ids: readonly string[]): Promise<void> {
  const reply = await couch(ctx.fetch, ctx.connection.url, dbPath(ctx.connection, '_all_docs?include_docs=true'), {
    method: 'POST',
    body: { keys: ids },
  });
  if (reply.status !== 200) throw replyProblem(reply, ctx.connection);
  const rows = (Array.isArray(reply.body.rows) ? reply.body.rows : []) as {
    id?: string;
    value?: { rev?: string; deleted?: boolean };
    doc?: Record<string, unknown> | null;
  }[];
  const docs = rows.map((r) => r.doc).filter((d): d is Record<string, unknown> => !!d);
  const { records, agreed } = readDocs(docs);
  // A document deleted on the server (by hand): its revision lets this browser's copy be written again.
  for (const row of rows)
    if (row.id && row.value?.deleted && row.value.rev) agreed.push({ id: row.id, rev: row.value.rev, hash: 'deleted' });
  await applyTeamBatch(ctx.db, records, agreed, ctx.now());
}

/**
 * Waits until the team database has a change after `since` (a long poll of the changes feed, a newline
 * every `heartbeat` keeping the line open through proxies); the round that follows reads it.
 */
export async function waitForChanges(
  ctx: TeamContext,
  since: string,
  signal: AbortSignal,
  heartbeat = 15_000,
): Promise<void> {
  const query = new URLSearchParams({ since, feed: 'longpoll', limit: '1', heartbeat: String(heartbeat) });
  const reply = await couch(ctx.fetch, ctx.connection.url, dbPath(ctx.connection, `_changes?${query}`), { signal });
  if (reply.status !== 200) throw replyProblem(reply, ctx.connection);
}

/** This browser's checkpoint in the team database (`_local/…`, never replicated), as CouchDB replicators keep theirs. */
const checkpointPath = (ctx: TeamContext) =>
  dbPath(ctx.connection, `_local/digest-clipper-${encodeURIComponent(ctx.db.replica)}`);

/**
 * Whether the team database still holds this browser's checkpoint. A database recreated under the same
 * name (a server reset) has lost it: the caller then starts again from the beginning and sends everything.
 */
export async function checkpointHeld(ctx: TeamContext): Promise<boolean> {
  const reply = await couch(ctx.fetch, ctx.connection.url, checkpointPath(ctx));
  if (reply.status === 404) return false;
  if (reply.status !== 200) throw replyProblem(reply, ctx.connection);
  return true;
}

export async function saveCheckpoint(ctx: TeamContext, since: string): Promise<void> {
  const current = await couch(ctx.fetch, ctx.connection.url, checkpointPath(ctx));
  const rev = current.status === 200 ? current.body._rev : undefined;
  const reply = await couch(ctx.fetch, ctx.connection.url, checkpointPath(ctx), {
    method: 'PUT',
    body: rev ? { _rev: rev, since } : { since },
  });
  if (reply.status !== 201 && reply.status !== 200) throw replyProblem(reply, ctx.connection);
}

/** A failure worth showing as it is (signed out, refused…), or being offline. */
export function isOffline(error: unknown): boolean {
  return error instanceof ClipInputError && error.code === 'sync.unreachable';
}
