import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { forgetRule, learnRules } from '../../../lib/store/settings';
import { getSettings } from '../../../lib/store/settings-read';
import type { LearnedRule } from '../../../lib/types';

let db: ClipperDb;
afterEach(() => db?.close());

const rule = (field: LearnedRule['field'], example: string, learnedAt = 1_000): LearnedRule => ({
  site: 'news.example',
  field,
  spot: { tag: 'span', classes: ['byline'] },
  example,
  learnedAt,
});

describe('learned sites in the settings', () => {
  it('replace what was learned for the same site and field (a wrong rule is corrected the same way)', async () => {
    db = openDatabase(`learned-${Math.random()}`);
    await learnRules(db, [rule('author', 'Jane Roe'), rule('publishedAt', '2026-01-27')], 1_000);
    await learnRules(db, [{ ...rule('author', 'John Doe', 2_000), spot: { tag: 'p', classes: ['credit'] } }], 2_000);
    const rules = (await getSettings(db)).learnedSites;
    expect(rules.map((r) => [r.field, r.example, r.spot.tag])).toEqual([
      ['publishedAt', '2026-01-27', 'span'],
      ['author', 'John Doe', 'p'],
    ]);
    // Shared with the team: the settings are stamped as changed.
    expect((await getSettings(db)).sharedAt).toBe(2_000);
    await forgetRule(db, 'news.example', 'author', 3_000);
    expect((await getSettings(db)).learnedSites.map((r) => r.field)).toEqual(['publishedAt']);
  });

  it('refuse a rule that is not plain data, keeping the good ones', async () => {
    db = openDatabase(`learned-${Math.random()}`);
    const bad = { ...rule('author', 'x'), spot: { tag: 'script', classes: ['a"]'] } };
    expect(await learnRules(db, [bad, rule('title', 'T')], 1_000)).toHaveLength(1);
    expect((await getSettings(db)).learnedSites.map((r) => r.field)).toEqual(['title']);
  });

  it('travel in a backup; a bad rule in a file is dropped with a note and the rest restored', async () => {
    db = openDatabase(`learned-${Math.random()}`);
    await learnRules(db, [rule('author', 'Jane Roe')], 1_000);
    const text = await createBackup(db);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error('refused');
    const other = openDatabase(`learned-${Math.random()}`);
    await applyRestore(other, parsed.backup, 2_000);
    expect((await getSettings(other)).learnedSites).toEqual([rule('author', 'Jane Roe')]);
    other.close();
    const edited = JSON.parse(text);
    edited.settings.learnedSites.push({ ...rule('title', 'T'), spot: { tag: 'a:has(x)', classes: [] } });
    const reread = parseBackup(JSON.stringify(edited));
    if (!reread.ok) throw new Error('refused');
    expect(reread.backup.settings.learnedSites).toHaveLength(1);
    expect(reread.issues).toEqual([
      expect.objectContaining({ path: 'settings.learnedSites[1]', code: 'field.not-learned-rule', effect: 'fixed' }),
    ]);
  });
});
