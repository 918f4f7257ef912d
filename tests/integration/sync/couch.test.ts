// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAddress, signIn } from '../../../lib/sync/couch';
import { cookieFetch, startTeam, type Team } from '../../harness/team-server';

/** Connecting says plainly what went wrong, against a real CouchDB-compatible server. */

let team: Team;
let web: Server;
let webUrl: string;
beforeAll(async () => {
  team = await startTeam();
  web = createServer((_, res) => res.end('<!doctype html><title>Not a database</title>'));
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await team.server.close();
  await new Promise((resolve) => web.close(resolve));
});

const attempt = (url: string, db: string, user: string, password: string) =>
  signIn(cookieFetch(), { url, db, user }, password).then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

describe('signing in to a team database', () => {
  it('signs a member in and keeps only the session cookie', async () => {
    const fetch = cookieFetch();
    await signIn(fetch, { url: team.url, db: team.db, user: 'ann' }, 'pw-ann');
    expect([...fetch.cookies.keys()]).toEqual(['AuthSession']);
  });

  it('names each failure', async () => {
    expect(await attempt('http://127.0.0.1:9', team.db, 'ann', 'pw-ann')).toBe('sync.unreachable');
    expect(await attempt(webUrl, team.db, 'ann', 'pw-ann')).toBe('sync.not-couchdb');
    expect(await attempt(team.url, team.db, 'ann', 'wrong')).toBe('sync.wrong-password');
    expect(await attempt(team.url, 'no-such-team', 'ann', 'pw-ann')).toBe('sync.no-database');
    // A user of the server who is not a member of this team.
    const admin = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    await fetch(`${team.url}/_users/org.couchdb.user:eve`, {
      method: 'PUT',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'eve', password: 'pw-eve', roles: [], type: 'user' }),
    });
    expect(await attempt(team.url, team.db, 'eve', 'pw-eve')).toBe('sync.not-member');
  });

  it('takes an http(s) address only, without a user or a trailing slash', () => {
    expect(serverAddress(' https://couch.example.org/ ')).toBe('https://couch.example.org');
    expect(serverAddress('http://127.0.0.1:5984/couch/')).toBe('http://127.0.0.1:5984/couch');
    for (const bad of ['couch.example.org', 'ftp://x.example', 'https://ann:pw@x.example', 'javascript:alert(1)'])
      expect(() => serverAddress(bad)).toThrow('sync.bad-address');
  });
});
