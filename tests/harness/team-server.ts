import type { Fetch } from '../../lib/sync/couch';
import { startTeamServer, type TeamServer } from '../../scripts/team-server';
import { setupTeam } from '../../scripts/team-setup';
import type { ExtensionSession } from './extension';

/**
 * A browser's cookie jar, for Node: keeps the CouchDB session cookie each answer sets and sends it back,
 * as the extension's fetch does with the browser's jar. One jar, one editor.
 */
export function cookieFetch(): Fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const call = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    return response;
  };
  return Object.assign(call, { cookies });
}

export interface Team {
  server: TeamServer;
  url: string;
  db: string;
}

/** A local server with one team database, members ann/bob/cat (password `pw-<name>`), rules installed. */
export async function startTeam(db = 'team'): Promise<Team> {
  const server = await startTeamServer({ port: 0 });
  await setupTeam({
    url: server.url,
    db,
    admin: server.admin,
    members: ['ann', 'bob', 'cat'].map((user) => ({ user, password: `pw-${user}` })),
  });
  return { server, url: server.url, db };
}

/** Connects an editor's browser in Options → Team, as they would, and waits for the first sync; the options page stays open. */
export async function connectInOptions(session: ExtensionSession, team: Team, user: string, password = `pw-${user}`) {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByLabel('Server address').fill(team.url);
  await options.getByLabel('Team database').fill(team.db);
  await options.getByLabel('User name').fill(user);
  await options.getByLabel('Password').fill(password);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.waitForSelector('[data-testid="team-state"][data-state="synced"]', { timeout: 15_000 });
  return options;
}
