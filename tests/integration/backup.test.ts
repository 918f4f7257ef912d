import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRestore, createBackup, parseBackup, planRestore } from '../../lib/backup';
import { saveClip, trashClip, updateClip } from '../../lib/clip-repository';
import { type ClipperDb, openDatabase } from '../../lib/db';
import { addSection } from '../../lib/section-repository';
import { setLede, updateSettings } from '../../lib/settings-repository';

const opened: ClipperDb[] = [];
function freshDb(): ClipperDb {
  const db = openDatabase(`backup-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

let n = 0;
async function seed(db: ClipperDb) {
  const ctx = (now: number) => ({ now, weekId: '2026-01-26', newId: () => `clip-${++n}` });
  const a = await saveClip(
    db,
    {
      pageUrl: 'https://a.example/1',
      canonicalUrl: 'https://a.example/1',
      title: 'Alpha',
      source: 'A',
      sectionId: 'briefs',
      summary: '一',
      selection: { text: 'q1' },
    },
    ctx(10),
  );
  const b = await saveClip(
    db,
    {
      pageUrl: 'https://b.example/2',
      canonicalUrl: 'https://b.example/2',
      title: 'Beta "quoted"',
      source: 'B',
      sectionId: 'analysis',
      tags: ['x'],
    },
    ctx(20),
  );
  await saveClip(
    db,
    {
      pageUrl: 'https://c.example/3',
      canonicalUrl: 'https://c.example/3',
      title: 'Gamma',
      source: 'C',
      sectionId: 'briefs',
    },
    ctx(30),
  );
  await trashClip(db, b.clip.id, 40);
  await addSection(db, '工具', 'briefs', () => 'tools');
  await setLede(db, '2026-01-26', '导语', 50);
  await updateSettings(db, { digestName: 'My Weekly', publisherOverrides: { 'z.example': 'Z', 'a.example': 'A!' } });
  return a.clip;
}

function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.backup;
}

describe('backup and restore', () => {
  let source: ClipperDb;
  beforeEach(async () => {
    source = freshDb();
    await seed(source);
  });

  it('round-trips to identical bytes: export → import → export', async () => {
    const first = await createBackup(source);
    const target = freshDb();
    const summary = await applyRestore(target, parsed(first));
    expect(summary).toMatchObject({ added: 3, updated: 0, unchanged: 0, conflicts: 0, replacesSettings: true });
    expect(await createBackup(target)).toBe(first);
    expect(JSON.parse(first).clips.some((c: { deletedAt?: number }) => c.deletedAt === 40)).toBe(true);
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const text = await createBackup(source);
    const target = freshDb();
    await applyRestore(target, parsed(text));
    const after = await createBackup(target);
    expect(await planRestore(target, parsed(text))).toMatchObject({ added: 0, updated: 0, unchanged: 3, conflicts: 0 });
    await applyRestore(target, parsed(text));
    expect(await createBackup(target)).toBe(after);
  });

  it('merges by id, newest updatedAt winning, and reports conflicts in a dry run without writing', async () => {
    const text = await createBackup(source);
    const target = freshDb();
    await applyRestore(target, parsed(text));
    const [alpha, , gamma] = (await target.clips.orderBy('id').toArray()) as [{ id: string }, unknown, { id: string }];
    await updateClip(target, alpha.id, { summary: 'edited here later' }, 10_000);
    await updateClip(source, gamma.id, { summary: 'edited there later' }, 20_000);
    const incoming = parsed(await createBackup(source));
    const before = await createBackup(target);
    expect(await planRestore(target, incoming)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 1,
      conflicts: 1,
      replacesSettings: false,
    });
    expect(await createBackup(target)).toBe(before);
    await applyRestore(target, incoming);
    expect((await target.clips.get(alpha.id))?.summary).toBe('edited here later');
    expect((await target.clips.get(gamma.id))?.summary).toBe('edited there later');
    expect(await target.clips.where('terms').equals('there').count()).toBe(1);
  });

  it('restores atomically: a failure halfway leaves the database as it was', async () => {
    const target = freshDb();
    await saveClip(
      target,
      {
        pageUrl: 'https://keep.example',
        canonicalUrl: 'https://keep.example',
        title: 'Keep me',
        source: 'K',
        sectionId: 'briefs',
      },
      { now: 1, weekId: '2026-01-26', newId: () => 'keep' },
    );
    const before = await createBackup(target);
    let writes = 0;
    target.clips.hook('creating', () => {
      if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(applyRestore(target, parsed(await createBackup(source)))).rejects.toThrow(/quota/i);
    expect(await createBackup(target)).toBe(before);
  });
});

describe('refusing bad backup files', () => {
  let db: ClipperDb;
  let good: string;
  beforeEach(async () => {
    const source = freshDb();
    await seed(source);
    good = await createBackup(source);
    db = freshDb();
  });

  const cases: [string, (text: string) => string, RegExp][] = [
    ['truncated', (t) => t.slice(0, t.length / 2), /not valid JSON/],
    ['foreign', () => JSON.stringify({ hello: 'world' }), /not a Digest Clipper backup/],
    ['newer version', (t) => t.replace('"version": 1', '"version": 9'), /newer Digest Clipper/],
    [
      'bad URL',
      (t) => t.replace('"canonicalUrl": "https://a.example/1"', '"canonicalUrl": "javascript:alert(1)"'),
      /^clips\[0\]\.canonicalUrl: not a web address$/,
    ],
    ['wrong type', (t) => t.replace('"title": "Alpha"', '"title": 42'), /^clips\[0\]\.title: not a string$/],
    [
      '__proto__ key',
      (t) => t.replace('"title": "Alpha"', '"title": "Alpha", "__proto__": {"polluted": true}'),
      /^clips\[0\]\.__proto__: forbidden key$/,
    ],
    [
      'huge string',
      (t) => t.replace('"title": "Alpha"', `"title": "${'x'.repeat(3000)}"`),
      /^clips\[0\]\.title: longer than 2,000 characters$/,
    ],
    [
      'unknown section',
      (t) => t.replace('"sectionId": "briefs"', '"sectionId": "nowhere"'),
      /^clips\[0\]\.sectionId: no section "nowhere"/,
    ],
  ];

  it.each(cases)(
    'refuses a %s file with a clear message and leaves the database untouched',
    async (_, corrupt, message) => {
      const before = await createBackup(db);
      const result = parseBackup(corrupt(good));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(message);
      expect(await createBackup(db)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('never throws on random or mutated input (property, 2,000 cases)', () => {
    const mutate = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 })).map(([at, cut, insert]) => {
      const i = at % good.length;
      return good.slice(0, i) + insert + good.slice(i + cut);
    });
    fc.assert(
      fc.property(fc.oneof(mutate, fc.json(), fc.string()), (text) => {
        const result = parseBackup(text);
        if (result.ok) expect(result.backup.format).toBe('digest-clipper-backup');
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
