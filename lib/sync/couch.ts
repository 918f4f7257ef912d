import { ClipInputError } from '../errors';
import type { TeamConnection } from '../types';

/**
 * The few calls of CouchDB's HTTP API a team needs (docs/sync.md): the server's welcome, `_session`, the
 * database's info, `_changes`, `_all_docs`, `_bulk_docs` and a `_local` checkpoint. `fetch` is a
 * parameter: the background passes the browser's (its cookie jar keeps the session), tests a Node one.
 * Every failure is a problem code the UI words (lib/errors.ts, `sync.*`).
 */

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** A server address as the editor typed it, as an origin and path: http(s) only, no user, no trailing slash. */
export function serverAddress(typed: string): string {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    throw new ClipInputError('sync.bad-address', { url: typed.trim() });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash)
    throw new ClipInputError('sync.bad-address', { url: typed.trim() });
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The permission pattern for the server's origin (asked for at Connect, lib/browser/host-access.ts). */
export function serverOrigin(url: string): string {
  return `${new URL(url).origin}/*`;
}

export interface CouchReply {
  status: number;
  body: Record<string, unknown>;
}

/** One request; resolves with any HTTP answer, rejects only when the server cannot be reached. */
export async function couch(
  fetch: Fetch,
  url: string,
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<CouchReply> {
  let response: Response;
  try {
    response = await fetch(`${url}/${path}`, {
      method: init.method ?? 'GET',
      // The session cookie CouchDB set at sign-in travels with every request.
      credentials: 'include',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ClipInputError('sync.unreachable', { url });
  }
  let body: Record<string, unknown> = {};
  try {
    const text = await response.text();
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch (error) {
    if (init.signal?.aborted) throw error;
    // Not JSON: not CouchDB (a web page, a proxy's error page), said by the caller from the status.
  }
  return { status: response.status, body };
}

/** A reply that is not a success, as the problem the editor sees. */
export function replyProblem(reply: CouchReply, connection: TeamConnection): ClipInputError {
  const reason = String(reply.body.reason ?? reply.body.error ?? '').slice(0, 200);
  if (reply.status === 401) return new ClipInputError('sync.signed-out');
  if (reply.status === 403) return new ClipInputError('sync.not-member', { user: connection.user, db: connection.db });
  if (reply.status === 404) return new ClipInputError('sync.no-database', { db: connection.db });
  return new ClipInputError('sync.server-error', { status: reply.status, reason });
}

/** `db/path` for a database name (CouchDB allows `/` in names: it is escaped). */
export const dbPath = (connection: TeamConnection, path = '') =>
  `${encodeURIComponent(connection.db)}${path ? `/${path}` : ''}`;

/**
 * Signs in with a CouchDB session and checks the database is there and this user may use it. The
 * password goes to `_session` once and is not kept; the server's cookie is the session.
 */
export async function signIn(fetch: Fetch, connection: TeamConnection, password: string): Promise<void> {
  const welcome = await couch(fetch, connection.url, '');
  // Apache CouchDB says {"couchdb":"Welcome"}; PouchDB Server (the local one) names itself.
  if (welcome.status !== 200 || !('couchdb' in welcome.body || 'express-pouchdb' in welcome.body))
    throw new ClipInputError('sync.not-couchdb', { url: connection.url });
  const session = await couch(fetch, connection.url, '_session', {
    method: 'POST',
    body: { name: connection.user, password },
  });
  if (session.status === 401) throw new ClipInputError('sync.wrong-password');
  if (session.status !== 200) throw replyProblem(session, connection);
  await checkDatabase(fetch, connection);
}

/** The database is there and this session may read it; throws the problem otherwise. */
export async function checkDatabase(fetch: Fetch, connection: TeamConnection): Promise<void> {
  const info = await couch(fetch, connection.url, dbPath(connection));
  if (info.status === 200) return;
  // CouchDB answers a member-only database with 401 or 403 when the user is not a member.
  if (info.status === 401 || info.status === 403) {
    const session = await couch(fetch, connection.url, '_session');
    const name = (session.body.userCtx as { name?: string } | undefined)?.name;
    if (name) throw new ClipInputError('sync.not-member', { user: connection.user, db: connection.db });
    throw new ClipInputError('sync.signed-out');
  }
  throw replyProblem(info, connection);
}

/** Ends the session on the server (the cookie is cleared); never fails: the editor is leaving anyway. */
export async function signOut(fetch: Fetch, url: string): Promise<void> {
  await couch(fetch, url, '_session', { method: 'DELETE' }).catch(() => undefined);
}
