import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../lib/i18n/translate';
import { type BackupIssue, parseBackup } from '../../../lib/store/backup-read';
import { createBackup } from '../../../lib/store/backup-write';
import type { ClipperDb } from '../../../lib/store/db';
import { english, freshDb, seed } from './backup-fixtures';

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
