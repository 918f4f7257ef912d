import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { ClipInputError } from '../errors';
import { LIVE_PORT } from '../messages';
import type { ClipperDb } from '../store/db';
import { forgetSynced, getTeamStatus, updateTeamStatus } from '../store/team-records';
import { checkDatabase, type Fetch, serverAddress, serverOrigin, signIn, signOut } from '../sync/couch';
import { type TeamContext, waitForChanges } from '../sync/replicate';
import { failed, syncRound } from '../sync/round';
import type { TeamConnection, TeamStatus } from '../types';

/**
 * Team sync in the background (docs/sync.md): a round at start, on every change made here (any page's,
 * through Dexie's change events), each minute (an alarm, so changes made offline go out once the
 * server is back), and live while a popup or side panel is open (a port keeps the service worker up;
 * a long poll of the changes feed brings others' changes within a second or two).
 */

const ALARM = 'team-sync';
/** A change made here goes out after this quiet time (typing does not send every key). */
const SETTLE_MS = 400;
/** Looked at again in a round: changes stamped by a clock that stepped back by up to this much. */
const SCAN_MARGIN_MS = 10 * 60_000;
/** While a page is open and the server cannot be reached, how often to try again. */
const LIVE_RETRY_MS = 2_000;
const TABLES = new Set(['items', 'sources', 'weeks', 'sections', 'tombstones']);

// Chrome's service worker: the global fetch, called unbound, throws "Illegal invocation".
const browserFetch: Fetch = (url, init) => fetch(url, init);

export interface TeamSync {
  connect(connection: TeamConnection, password: string): Promise<TeamStatus>;
  disconnect(): Promise<TeamStatus>;
  syncNow(full: boolean): Promise<TeamStatus>;
}

export function startTeamSync(db: ClipperDb, now: () => number = Date.now): TeamSync {
  let connection: TeamConnection | undefined;
  /** This browser's clock when the last round began looking (0: look at everything). */
  let scannedAt = 0;
  let running: Promise<boolean> | undefined;
  let again = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let ports = 0;
  let listening: AbortController | undefined;

  const context = (c: TeamConnection): TeamContext => ({ db, fetch: browserFetch, now, connection: c });

  /** A round now (or right after the one running); resolves whether the last one went through. */
  const round = (full = false): Promise<boolean> => {
    if (!connection) return Promise.resolve(false);
    if (full) scannedAt = 0;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let ok = false;
      do {
        again = false;
        const c = connection;
        if (!c) return false;
        const start = now();
        try {
          await syncRound(context(c), {
            scanFrom: scannedAt === 0 ? 0 : scannedAt - SCAN_MARGIN_MS,
            checkServer: scannedAt === 0,
          });
          scannedAt = start;
          failures = 0;
          ok = true;
        } catch (error) {
          ok = false;
          if (error instanceof ClipInputError && error.code === 'sync.signed-out') return false;
          // Offline or a server error: tried again soon, then less often (5 s … 2 min); a page that is
          // open tries every few seconds itself (listen).
          failures++;
          clearTimeout(retry);
          retry = setTimeout(() => void round(), Math.min(120_000, 5_000 * 2 ** (failures - 1)));
          return false;
        }
      } while (again);
      return ok;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  /**
   * While a page is open: a round, then wait on the changes feed and run the next round when the server
   * has news. A round that fails (offline) is tried again every few seconds, so the week catches up as
   * soon as the server is back.
   */
  const listen = async () => {
    if (listening || !connection) return;
    const controller = new AbortController();
    listening = controller;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      while (ports > 0 && connection && !controller.signal.aborted) {
        if (!(await round())) {
          if ((await getTeamStatus(db)).state === 'signed-out') break;
          await pause(LIVE_RETRY_MS);
          continue;
        }
        try {
          await waitForChanges(context(connection), (await getTeamStatus(db)).since ?? '0', controller.signal);
        } catch {
          if (controller.signal.aborted) break;
        }
      }
    } finally {
      if (listening === controller) listening = undefined;
    }
  };

  const stop = () => {
    listening?.abort();
    clearTimeout(retry);
    clearTimeout(settle);
  };

  // A change made here (by any page or the background) goes out once typing settles.
  Dexie.on('storagemutated', (parts) => {
    if (!connection) return;
    const touched = Object.keys(parts).some((part) => {
      const [, , name, table] = part.split('/');
      return name === db.name && TABLES.has(table ?? '');
    });
    if (!touched) return;
    clearTimeout(settle);
    settle = setTimeout(() => void round(), SETTLE_MS);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT) return;
    ports++;
    void listen();
    // Messages keep the service worker alive while the page is open.
    port.onMessage.addListener(() => undefined);
    port.onDisconnect.addListener(() => {
      ports--;
      if (ports === 0) listening?.abort();
    });
  });

  void browser.alarms?.create(ALARM, { periodInMinutes: 1 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void round();
  });

  // At start: a connection made earlier goes on (the session cookie is the browser's).
  void getTeamStatus(db).then((status) => {
    if (!status.connection) return;
    connection = status.connection;
    if (status.state !== 'signed-out') void round();
  });

  return {
    async connect(typed, password) {
      const c: TeamConnection = { url: serverAddress(typed.url), db: typed.db.trim(), user: typed.user.trim() };
      await signIn(browserFetch, c, password);
      const previous = (await getTeamStatus(db)).connection;
      const sameTeam = previous && previous.url === c.url && previous.db === c.db;
      stop();
      // Another team database: nothing this browser agreed with the last one holds for it.
      if (!sameTeam) await forgetSynced(db);
      await updateTeamStatus(db, (s) => ({
        ...(sameTeam ? s : { pending: 0 }),
        connection: c,
        state: 'syncing',
        ...(sameTeam ? {} : { since: undefined, skipped: undefined, lastSyncAt: undefined }),
        lastError: undefined,
      }));
      connection = c;
      failures = 0;
      await round(true);
      if (ports > 0) void listen();
      return getTeamStatus(db);
    },
    async disconnect() {
      const c = connection ?? (await getTeamStatus(db)).connection;
      connection = undefined;
      stop();
      if (c) {
        await signOut(browserFetch, c.url);
        // The server's address is given back: nothing of the extension reaches it any more.
        await browser.permissions.remove({ origins: [serverOrigin(c.url)] }).catch(() => false);
      }
      return updateTeamStatus(db, (s) => ({
        state: 'off',
        pending: 0,
        ...(s.lastSyncAt ? { lastSyncAt: s.lastSyncAt } : {}),
      }));
    },
    async syncNow(full) {
      const status = await getTeamStatus(db);
      if (!connection && status.connection) connection = status.connection;
      if (!connection) return status;
      // Asked for by the editor: a session that ended says so now rather than at the next round.
      try {
        await checkDatabase(browserFetch, connection);
      } catch (error) {
        await failed(context(connection), error);
        return getTeamStatus(db);
      }
      await round(full);
      return getTeamStatus(db);
    },
  };
}
