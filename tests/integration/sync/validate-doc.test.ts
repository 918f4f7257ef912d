// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDoc } from '../../../lib/sync/docs';
import type { Source } from '../../../lib/types';
import { setupTeam } from '../../../scripts/team-setup';
import { startTeam, type Team } from '../../harness/team-server';

/** The team database refuses what the extension would not accept, checked by the server itself. */

let team: Team;
beforeAll(async () => {
  team = await startTeam();
});
afterAll(async () => {
  await team.server.close();
});

const as = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const write = async (docs: unknown[], auth = as('ann', 'pw-ann')) => {
  const answer = await fetch(`${team.url}/${team.db}/_bulk_docs`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ docs }),
  });
  const body = (await answer.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[];
  return new Map(body.map((r) => [r.id, r.ok ? 'ok' : `${r.error}: ${r.reason}`]));
};

const source: Source = {
  id: 's1',
  pageUrl: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  title: 'A story',
  source: 'Wire',
  quotes: [{ text: 'A passage', createdAt: 1 }],
  createdAt: 1,
  updatedAt: 2,
  clocks: { title: { at: '2@aa', base: '1@', seen: { '': 1 } } },
};

describe("the team database's validate_doc_update", () => {
  it('takes a record exactly as the extension writes it', async () => {
    expect((await write([toDoc({ kind: 'source', record: source })])).get('source:s1')).toBe('ok');
  });

  it('refuses a document the extension would not accept, naming where it is wrong', async () => {
    const good = toDoc({ kind: 'source', record: { ...source, id: 's2' } });
    const answers = await write([
      { ...good, _id: 'source:js', id: 'js', canonicalUrl: 'javascript:alert(1)' },
      { ...good, _id: 'source:extra', id: 'extra', tracking: 'yes' },
      { ...good, _id: 'source:other-id' },
      {
        _id: 'item:bad-week',
        type: 'item',
        id: 'bad-week',
        weekId: 'someday',
        sectionId: 'briefs',
        order: 'i',
        summary: '',
        note: '',
        tags: [],
        sourceIds: [],
        createdAt: 1,
        updatedAt: 1,
      },
      { _id: 'virus', type: 'virus' },
      { ...good, _id: 'source:clock', id: 'clock', clocks: { title: { at: 'yesterday' } } },
    ]);
    expect(answers.get('source:js')).toMatch(/^forbidden: .*source:js\.canonicalUrl: field\.not-web-address/);
    expect(answers.get('source:extra')).toMatch(/^forbidden: .*field\.unknown-field/);
    expect(answers.get('source:other-id')).toMatch(/^forbidden: .*field\.wrong-doc-id/);
    expect(answers.get('item:bad-week')).toMatch(/^forbidden: .*field\.not-date/);
    expect(answers.get('virus')).toMatch(/^forbidden/);
    expect(answers.get('source:clock')).toMatch(/^forbidden: .*field\.not-clock/);
  });

  it('refuses deletes, and any write or read from someone who is not a member', async () => {
    const current = (await (
      await fetch(`${team.url}/${team.db}/source:s1`, { headers: { authorization: as('ann', 'pw-ann') } })
    ).json()) as { _rev: string };
    const gone = await fetch(`${team.url}/${team.db}/source:s1?rev=${current._rev}`, {
      method: 'DELETE',
      headers: { authorization: as('ann', 'pw-ann') },
    });
    expect(gone.status).toBe(403);
    // A user of the server who is on another team only.
    await setupTeam({
      url: team.url,
      db: 'other-team',
      admin: team.server.admin,
      members: [{ user: 'eve', password: 'pw-eve' }],
    });
    const answers = await write([toDoc({ kind: 'source', record: { ...source, id: 's3' } })], as('eve', 'pw-eve'));
    expect(answers.get('source:s3')).toMatch(/^unauthorized/);
    const read = await fetch(`${team.url}/${team.db}/_all_docs`, { headers: { authorization: as('eve', 'pw-eve') } });
    expect(read.status).toBe(401);
  });
});
