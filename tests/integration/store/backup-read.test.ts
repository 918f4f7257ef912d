import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { describeProblem, translator } from '../../../lib/i18n/translate';
import { type BackupIssue, parseBackup } from '../../../lib/store/backup-read';

const english = translator(EN_MESSAGES);

import { createBackup } from '../../../lib/store/backup-write';
import { saveClip, trashClip } from '../../../lib/store/clips';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { addSection } from '../../../lib/store/sections';
import { updateSettings } from '../../../lib/store/settings';
import { setLede } from '../../../lib/store/weeks';

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

function _parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.map((issue) => describeProblem(english, issue)).join('\n'));
  return result.backup;
}

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
      /^clips\[0\]\.title: longer than 2000 characters$/,
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
      if (!result.ok) expect(describeProblem(english, result.errors[0] as BackupIssue)).toMatch(message);
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
