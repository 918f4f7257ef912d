import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { describeProblem, translator } from '../../../lib/i18n/translate';
import { parseBackup } from '../../../lib/store/backup-read';

const english = translator(EN_MESSAGES);

import { applyRestore, planRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { saveClip, trashClip, updateClip } from '../../../lib/store/clips';
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

function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.map((issue) => describeProblem(english, issue)).join('\n'));
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
