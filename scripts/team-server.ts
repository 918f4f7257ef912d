// A CouchDB-compatible server on 127.0.0.1 for development and tests (docs/sync.md): PouchDB Server's
// express-pouchdb on an in-memory PouchDB, speaking CouchDB's HTTP API with users, sessions, members
// (`_security`) and validate_doc_update. Not for a team's real data: that is Apache CouchDB's job.
//   npm run team:server            port 5984, admin admin/admin
//   PORT=6000 COUCHDB_USER=me COUCHDB_PASSWORD=secret npm run team:server

import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export interface TeamServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  admin: { user: string; password: string };
  close(): Promise<void>;
  /** Stops answering (every open connection cut, as a crash would), keeping the data: the fault tests' outage. */
  stop(): Promise<void>;
  /** Answers again on the same port, with the same data. */
  restart(): Promise<void>;
}

/** Starts a server (port 0: any free one) with one server admin; every database lives in memory. */
export async function startTeamServer(
  options: { port?: number; user?: string; password?: string } = {},
): Promise<TeamServer> {
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  const express = require('express');
  // Each server its own prefix: two servers in one process (tests) never share a database.
  const prefix = `team-${Math.random().toString(36).slice(2)}-`;
  const Memory = PouchDB.defaults({ adapter: 'memory', prefix });
  const app = express();
  app.use(
    require('express-pouchdb')(Memory, {
      mode: 'fullCouchDB',
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );
  const listen = (port: number) =>
    new Promise<import('node:http').Server>((resolve, reject) => {
      const s = app.listen(port, '127.0.0.1', () => resolve(s));
      s.on('error', reject);
    });
  let server = await listen(options.port ?? 5984);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const admin = { user: options.user ?? 'admin', password: options.password ?? 'admin' };
  // No admin yet ("admin party"): the first one is made through the API, as on CouchDB.
  const made = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.user)}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!made.ok) throw new Error(`could not make the server admin: ${made.status} ${await made.text()}`);
  return {
    url,
    admin,
    close: stop,
    stop,
    restart: async () => {
      server = await listen(port);
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 5984);
  startTeamServer({ port, user: process.env.COUCHDB_USER, password: process.env.COUCHDB_PASSWORD }).then(
    (s) => {
      console.log(`CouchDB-compatible team server on ${s.url} (server admin: ${s.admin.user}); Ctrl+C stops it.`);
      console.log(`Make a team database: npm run team:setup -- --url ${s.url} --db team --member ann:secret`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
