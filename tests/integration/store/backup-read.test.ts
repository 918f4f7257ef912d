import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../lib/i18n/translate';
import { type BackupIssue, parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { BACKUP_VERSION, createBackup } from '../../../lib/store/backup-write';
import type { ClipperDb } from '../../../lib/store/db';
import { english, freshDb, seed } from './backup-fixtures';

/** The restore's clock: after every change time the tests write. */
const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('reading version 1 backups (clips)', () => {
  it('restores the example backup version 1 wrote: clips become sources and items, a story one item', async () => {
    const text = readFileSync(join(__dirname, '../../fixtures/backups/v1-example.json'), 'utf8');
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.errors.map((e) => describeProblem(english, e)).join('\n'));
    const { backup } = result;
    const v1 = JSON.parse(text) as { clips: { id: string; storyId?: string; order: string }[] };
    expect(backup.sources.map((s) => s.id).sort()).toEqual(v1.clips.map((c) => c.id).sort());
    const story = backup.items.find((i) => i.sourceIds.length > 1);
    const storyClips = v1.clips.filter((c) => c.storyId).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(story?.sourceIds).toEqual(storyClips.map((c) => c.id));
    expect(backup.items).toHaveLength(v1.clips.length - 1);
    expect(backup.sections.find((s) => s.id === 'briefs')?.nameEn).toBe('This Week in Brief');
    const db = freshDb();
    await applyRestore(db, backup, NOW);
    expect(await db.sources.count()).toBe(v1.clips.length);
    // What the restored database writes reads back the same.
    const again = parseBackup(await createBackup(db));
    expect(again.ok && again.backup.items.length).toBe(v1.clips.length - 1);
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

  const refused: [string, (text: string) => string, RegExp][] = [
    ['truncated', (t) => t.slice(0, t.length / 2), /not valid JSON/],
    ['foreign', () => JSON.stringify({ hello: 'world' }), /not a Digest Clipper backup/],
    ['newer version', (t) => t.replace(`"version": ${BACKUP_VERSION}`, '"version": 9'), /newer Digest Clipper/],
  ];

  it.each(refused)(
    'refuses a %s file whole, with a clear message, and leaves the database untouched',
    async (_, corrupt, message) => {
      const before = await createBackup(db);
      const result = parseBackup(corrupt(good));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(describeProblem(english, result.errors[0] as BackupIssue)).toMatch(message);
      expect(await createBackup(db)).toBe(before);
    },
  );

  // One bad record: it alone is left out (or its bad field dropped), named with its path; the rest restores.
  const recordCases: [string, (text: string) => string, RegExp, 'skipped' | 'fixed', number, number][] = [
    [
      'a link that is no web address',
      (t) => t.replace('"canonicalUrl": "https://a.example/1"', '"canonicalUrl": "javascript:alert(1)"'),
      /^sources\[0\]\.canonicalUrl: not a web address$/,
      'skipped',
      2,
      4,
    ],
    [
      'a title of the wrong type',
      (t) => t.replace('"title": "Alpha"', '"title": 42'),
      /^sources\[0\]\.title: not a string$/,
      'skipped',
      2,
      4,
    ],
    [
      'a __proto__ key',
      (t) => t.replace('"title": "Alpha"', '"title": "Alpha", "__proto__": {"polluted": true}'),
      /^sources\[0\]\.__proto__: forbidden key$/,
      'skipped',
      2,
      4,
    ],
    [
      'a huge title',
      (t) => t.replace('"title": "Alpha"', `"title": "${'x'.repeat(3000)}"`),
      /^sources\[0\]\.title: longer than 2000 characters$/,
      'skipped',
      2,
      4,
    ],
    [
      'an item in a section the backup lacks (moved to the default section)',
      (t) => t.replace('"sectionId": "briefs"', '"sectionId": "nowhere"'),
      /^items\[\d\]\.sectionId: no section "nowhere"/,
      'fixed',
      3,
      4,
    ],
    [
      'an item citing a source the backup lacks (the citation dropped)',
      (t) => t.replace(/"sourceIds": \[\s*"[^"]+"\s*\]/, '"sourceIds": ["gone"]'),
      /^items\[\d\]\.sourceIds: no source "gone"/,
      'fixed',
      3,
      4,
    ],
    [
      'a language tag longer than a language tag can be (the field dropped)',
      (t) => t.replace('"title": "Alpha"', `"title": "Alpha", "lang": "${'x'.repeat(40)}"`),
      /^sources\[0\]\.lang: longer than 2000|not a language tag/,
      'fixed',
      3,
      4,
    ],
    [
      'clocks that are not change clocks (dropped: the record merges by its update time)',
      (t) => t.replace('"clocks": {}', '"clocks": {"title": {"at": "soon"}}'),
      /^sources\[0\]\.clocks: not a change clock/,
      'fixed',
      3,
      4,
    ],
    [
      'a conflict on a field that cannot conflict (the conflict dropped)',
      (t) =>
        t.replace('"title": "Alpha"', '"title": "Alpha", "conflicts": [{"field": "id", "value": "x", "at": "1@ab"}]'),
      /^sources\[0\]\.conflicts\[0\]\.field: must be one of title/,
      'fixed',
      3,
      4,
    ],
  ];

  it.each(recordCases)(
    'restores everything but %s, and names it',
    async (_, corrupt, message, effect, sources, items) => {
      const result = parseBackup(corrupt(good));
      if (!result.ok) throw new Error('refused whole');
      const issue = result.issues[0] as BackupIssue;
      // A skipped source also leaves its item without that citation, which is named too.
      expect(result.issues.slice(1).map((i) => i.code)).toEqual(effect === 'skipped' ? ['field.unknown-source'] : []);
      expect(describeProblem(english, issue)).toMatch(message);
      expect(issue.effect).toBe(effect);
      await applyRestore(db, result.backup, NOW);
      expect(await db.sources.count()).toBe(sources);
      expect(await db.items.count()).toBe(items);
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

describe('parseBackup: open conflicts a file carries', () => {
  async function withConflicts(conflicts: unknown[]) {
    const db = freshDb();
    await seed(db);
    const file = JSON.parse(await createBackup(db));
    file.items[0].conflicts = conflicts;
    return JSON.stringify(file);
  }

  it('reads a conflicting value by its field’s rules: no null for a note or summary, a list for tags', async () => {
    const result = parseBackup(
      await withConflicts([
        { field: 'note', value: null, at: '1@ab' },
        { field: 'tags', value: 'not a list', at: '2@ab' },
        { field: 'summary', value: 'their summary', at: '3@ab' },
      ]),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.backup.items[0]?.conflicts).toEqual([{ field: 'summary', value: 'their summary', at: '3@ab' }]);
    expect(result.issues.map((i) => i.path)).toEqual(['items[0].conflicts[0].value', 'items[0].conflicts[1].value']);
  });

  it('keeps the newest hundred of a longer list instead of dropping them all', async () => {
    const many = Array.from({ length: 105 }, (_, i) => ({ field: 'summary', value: `v${i}`, at: `${i + 1}@ab` }));
    const result = parseBackup(await withConflicts(many));
    if (!result.ok) throw new Error('refused');
    const kept = result.backup.items[0]?.conflicts ?? [];
    expect(kept).toHaveLength(100);
    expect(kept[0]?.value).toBe('v5');
    expect(result.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['items[0].conflicts field.too-many']);
  });
});

describe('parseBackup: a partly bad file', () => {
  it('names each record by its place in the file, and drops one bad citation instead of its item', async () => {
    const db = freshDb();
    await seed(db);
    const file = JSON.parse(await createBackup(db));
    expect(file.items.length).toBeGreaterThanOrEqual(3);
    file.items[0].summary = 42;
    file.items[1].sourceIds = [...file.items[1].sourceIds, 7];
    file.items[2].sectionId = 'no-such-section';
    const result = parseBackup(JSON.stringify(file));
    if (!result.ok) throw new Error('refused');
    expect(result.backup.items.map((i) => i.id)).toEqual(file.items.slice(1).map((i: { id: string }) => i.id));
    const sourceIds = result.backup.items[0]?.sourceIds;
    expect(sourceIds).toEqual(file.items[1].sourceIds.slice(0, -1));
    expect(result.issues.map((i) => `${i.path} ${i.code} ${i.effect}`)).toEqual([
      'items[0].summary field.not-string skipped',
      `items[1].sourceIds[${file.items[1].sourceIds.length - 1}] field.not-string fixed`,
      'items[2].sectionId field.unknown-section fixed',
    ]);
  });
});
