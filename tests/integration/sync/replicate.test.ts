// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { purgeItem, saveClip, settleItemConflict, trashItem, updateItem } from '../../../lib/store/item-writes';
import { updateSection } from '../../../lib/store/section-writes';
import { updateSettings } from '../../../lib/store/settings';
import { getSettings } from '../../../lib/store/settings-read';
import { getTeamStatus } from '../../../lib/store/team-records';
import { setWeekText } from '../../../lib/store/weeks';
import { signIn } from '../../../lib/sync/couch';
import { push, type TeamContext } from '../../../lib/sync/replicate';
import { syncRound } from '../../../lib/sync/round';
import { cookieFetch, startTeam, type Team } from '../../harness/team-server';

/** Two editors (two databases, two cookie jars) sharing one week through a real CouchDB-compatible server. */

const WEEK = '2026-01-26';
let team: Team;
let opened: ClipperDb[] = [];
let time = Date.parse('2026-01-28T10:00:00Z');
const tick = () => (time += 1000);

beforeAll(async () => {
  team = await startTeam();
});
afterAll(async () => {
  await team.server.close();
});
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

async function editor(user: 'ann' | 'bob' | 'cat', database = team.db): Promise<TeamContext> {
  const db = openDatabase(`sync-${user}-${Math.random()}`);
  opened.push(db);
  await db.open();
  const connection = { url: team.url, db: database, user };
  const fetch = cookieFetch();
  await signIn(fetch, connection, `pw-${user}`);
  return { db, fetch, now: tick, connection };
}

const sync = (ctx: TeamContext) => syncRound(ctx, { scanFrom: 0 });

async function clip(ctx: TeamContext, page: string, summary = '') {
  const outcome = await saveClip(
    ctx.db,
    { pageUrl: page, canonicalUrl: page, title: `Title of ${page}`, source: 'Wire', summary, sectionId: 'briefs' },
    {
      now: tick(),
      weekId: WEEK,
      newId: () => `${ctx.connection.user}-${Math.random().toString(36).slice(2)}`,
      defaultSectionId: 'briefs',
    },
  );
  if (!outcome.item) throw new Error('no item saved');
  return outcome.item;
}

/** Each database in a fresh team database of its own, so tests do not see each other's records. */
let dbCount = 0;
async function pair() {
  const name = `week-${++dbCount}`;
  const { setupTeam } = await import('../../../scripts/team-setup');
  await setupTeam({
    url: team.url,
    db: name,
    admin: team.server.admin,
    members: ['ann', 'bob', 'cat'].map((user) => ({ user, password: `pw-${user}` })),
  });
  return [await editor('ann', name), await editor('bob', name)] as const;
}

describe('team sync between two editors', () => {
  it("brings A's clip to B, sources and section included", async () => {
    const [a, b] = await pair();
    const item = await clip(a, 'https://news.example/a', 'First');
    await sync(a);
    await sync(b);
    const there = await b.db.items.get(item.id);
    expect(there).toMatchObject({ summary: 'First', weekId: WEEK, sectionId: 'briefs' });
    expect((await b.db.sources.get(there?.sourceIds[0] as string))?.canonicalUrl).toBe('https://news.example/a');
    expect(await getTeamStatus(b.db)).toMatchObject({ state: 'synced', pending: 0 });
  });

  it('keeps both when one edits the summary and the other the note; a conflict on both when both edit the summary', async () => {
    const [a, b] = await pair();
    const item = await clip(a, 'https://news.example/b', 'Start');
    await sync(a);
    await sync(b);
    await updateItem(b.db, item.id, { summary: 'By Bob' }, tick());
    await updateItem(a.db, item.id, { note: 'Note by Ann' }, tick());
    await sync(b);
    await sync(a);
    await sync(b);
    for (const ctx of [a, b])
      expect(await ctx.db.items.get(item.id)).toMatchObject({ summary: 'By Bob', note: 'Note by Ann' });

    await updateItem(a.db, item.id, { summary: 'Ann says' }, tick());
    await updateItem(b.db, item.id, { summary: 'Bob says' }, tick());
    await sync(a);
    await sync(b);
    await sync(a);
    const [onA, onB] = [await a.db.items.get(item.id), await b.db.items.get(item.id)];
    expect(onA?.summary).toBe(onB?.summary);
    expect(onA?.conflicts).toEqual(onB?.conflicts);
    expect(onA?.conflicts).toHaveLength(1);
    // Settled on one copy: gone on both, and neither raises it again.
    await settleItemConflict(a.db, item.id, onA?.conflicts?.[0] as { field: 'summary'; at: string }, 'theirs', tick());
    await sync(a);
    await sync(b);
    await sync(a);
    for (const ctx of [a, b]) expect((await ctx.db.items.get(item.id))?.conflicts).toBeUndefined();
    expect((await b.db.items.get(item.id))?.summary).toBe((await a.db.items.get(item.id))?.summary);
  });

  it('carries the trash and a purge, and a purge stays purged', async () => {
    const [a, b] = await pair();
    const item = await clip(a, 'https://news.example/c');
    await sync(a);
    await sync(b);
    await trashItem(a.db, item.id, tick());
    await sync(a);
    await sync(b);
    expect((await b.db.items.get(item.id))?.deletedAt).toBeDefined();
    await purgeItem(a.db, item.id, tick());
    await sync(a);
    await sync(b);
    expect(await b.db.items.get(item.id)).toBeUndefined();
    // A third editor joining later never sees it.
    const c = await editor('cat', a.connection.db);
    await sync(c);
    expect(await c.db.items.get(item.id)).toBeUndefined();
    expect(await c.db.tombstones.get(`item:${item.id}`)).toBeDefined();
    await sync(b);
    await sync(a);
    expect(await a.db.items.get(item.id)).toBeUndefined();
  });

  it("shares a week's lede, a renamed section and the digest's settings, not an editor's theme", async () => {
    const [a, b] = await pair();
    await setWeekText(a.db, WEEK, { lede: 'This week' }, tick());
    await updateSection(a.db, 'briefs', { name: '快讯' }, tick());
    await updateSettings(a.db, { digestName: 'Team Weekly', theme: 'dark' }, tick());
    await sync(a);
    await sync(b);
    expect((await b.db.weeks.get(WEEK))?.lede).toBe('This week');
    expect((await b.db.sections.get('briefs'))?.name).toBe('快讯');
    const settings = await getSettings(b.db);
    expect(settings.digestName).toBe('Team Weekly');
    expect(settings.theme).toBe('auto');
  });

  it('resolves a race on one document (409) by merging, losing neither change', async () => {
    const [a, b] = await pair();
    const item = await clip(a, 'https://news.example/d');
    await sync(a);
    await sync(b);
    await updateItem(a.db, item.id, { note: 'from A' }, tick());
    await updateItem(b.db, item.id, { tags: ['from-b'] }, tick());
    // A sends first; B sends without having pulled: the server answers 409 and B merges.
    await push(a, 0);
    const sent = await push(b, 0);
    expect(sent.pending).toBe(0);
    await sync(a);
    for (const ctx of [a, b])
      expect(await ctx.db.items.get(item.id)).toMatchObject({ note: 'from A', tags: ['from-b'] });
  });

  it('skips and lists a document that breaks the rules, written where no rules guard the database', async () => {
    const [a, b] = await pair();
    const item = await clip(a, 'https://news.example/f', 'Good');
    await sync(a);
    // Written by hand as server admin, past validation: the rules document removed first.
    const admin = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    const base = `${team.url}/${a.connection.db}`;
    const rules = await (await fetch(`${base}/_design/digest-clipper`, { headers: { authorization: admin } })).json();
    await fetch(`${base}/_design/digest-clipper?rev=${rules._rev}`, {
      method: 'DELETE',
      headers: { authorization: admin },
    });
    const bad = [
      { _id: 'item:evil', type: 'item', id: 'evil', weekId: 'not-a-week', sectionId: 'briefs' },
      {
        _id: 'source:js',
        type: 'source',
        id: 'js',
        pageUrl: 'javascript:alert(1)',
        canonicalUrl: 'javascript:alert(1)',
        title: 'x',
        source: 'x',
        quotes: [],
        createdAt: 1,
        updatedAt: 1,
      },
      { _id: 'whatever', type: 'virus' },
    ];
    const put = await fetch(`${base}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: bad }),
    });
    expect(put.status).toBe(201);
    await sync(b);
    expect((await b.db.items.get(item.id))?.summary).toBe('Good');
    expect(await b.db.items.get('evil')).toBeUndefined();
    expect(await b.db.sources.get('js')).toBeUndefined();
    const status = await getTeamStatus(b.db);
    expect(status.skipped?.map((s) => s.id).sort()).toEqual(['item:evil', 'source:js', 'whatever']);
    expect(status.skipped?.find((s) => s.id === 'source:js')).toMatchObject({ code: 'field.not-web-address' });
  });

  it('loses and doubles nothing when the server dies in the middle of a push', async () => {
    const [a, b] = await pair();
    const items = [];
    for (const n of [1, 2, 3]) items.push(await clip(a, `https://news.example/crash-${n}`, `Story ${n}`));
    // The server takes the documents, then the connection is cut before the answer arrives.
    const real = a.fetch;
    let cut = false;
    const dying: typeof real = async (url, init) => {
      if (!cut && String(url).includes('_bulk_docs')) {
        cut = true;
        const answer = await real(url, init);
        await team.server.stop();
        await answer.text().catch(() => undefined);
        throw new TypeError('fetch failed');
      }
      return real(url, init);
    };
    await expect(syncRound({ ...a, fetch: dying }, { scanFrom: 0 })).rejects.toThrow('sync.unreachable');
    expect((await getTeamStatus(a.db)).state).toBe('offline');
    expect((await getTeamStatus(a.db)).pending).toBeGreaterThan(0);
    await team.server.restart();
    await sync(a);
    await sync(b);
    expect((await getTeamStatus(a.db)).pending).toBe(0);
    const there = (await b.db.items.toArray()).map((i) => i.summary).sort();
    expect(there).toEqual(['Story 1', 'Story 2', 'Story 3']);
    expect(await b.db.sources.count()).toBe(3);
  });

  it('sends nothing again when nothing changed', async () => {
    const [a] = await pair();
    await clip(a, 'https://news.example/e');
    await sync(a);
    expect((await push(a, 0)).sent).toBe(0);
  });
});
