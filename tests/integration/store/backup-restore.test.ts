import { beforeEach, describe, expect, it } from 'vitest';
import { applyRestore, planRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import type { ClipperDb } from '../../../lib/store/db';
import { saveClip, updateItem } from '../../../lib/store/item-writes';
import { updateSettings } from '../../../lib/store/settings';
import { idsWithTerm } from '../../../lib/store/term-index';
import { freshDb, parsed, seed } from './backup-fixtures';

/** The restore's clock: after every change time the tests write. */
const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('backup and restore', () => {
  let source: ClipperDb;
  beforeEach(async () => {
    source = freshDb();
    await seed(source);
  });

  it('round-trips to identical bytes: export → import → export', async () => {
    const first = await createBackup(source);
    const target = freshDb();
    const summary = await applyRestore(target, parsed(first), NOW);
    expect(summary).toMatchObject({ added: 7, updated: 0, unchanged: 0, conflicts: 0, replacesSettings: true });
    expect(await createBackup(target)).toBe(first);
    const doc = JSON.parse(first);
    expect(doc.version).toBe(5);
    expect(doc.items.some((c: { deletedAt?: number }) => c.deletedAt === 40)).toBe(true);
    expect(doc.items.some((c: { sourceIds: string[] }) => c.sourceIds.length === 0)).toBe(true);
    expect(doc.weeks[0].closing).toBe('回复“加料”获取更多。');
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const text = await createBackup(source);
    const target = freshDb();
    await applyRestore(target, parsed(text), NOW);
    const after = await createBackup(target);
    expect(await planRestore(target, parsed(text), NOW)).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 7,
      conflicts: 0,
    });
    await applyRestore(target, parsed(text), NOW);
    expect(await createBackup(target)).toBe(after);
  });

  it('merges field by field: a change made on one side only is taken or kept without a conflict, in a dry run without writing', async () => {
    const text = await createBackup(source);
    const target = freshDb();
    await applyRestore(target, parsed(text), NOW);
    const [alpha, , gamma] = (await target.items.orderBy('id').toArray()) as [{ id: string }, unknown, { id: string }];
    await updateItem(target, alpha.id, { summary: 'edited here later' }, 10_000);
    await updateItem(source, gamma.id, { summary: 'edited there later' }, 20_000);
    const incoming = parsed(await createBackup(source));
    const before = await createBackup(target);
    expect(await planRestore(target, incoming, NOW)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 6,
      conflicts: 0,
      replacesSettings: false,
    });
    expect(await createBackup(target)).toBe(before);
    await applyRestore(target, incoming, NOW);
    expect((await target.items.get(alpha.id))?.summary).toBe('edited here later');
    expect((await target.items.get(gamma.id))?.summary).toBe('edited there later');
    expect((await idsWithTerm(target.postings, 'there', false)).length).toBe(1);
  });

  it('files a backup made with another first day of the week under this browser’s weeks, texts included', async () => {
    const sundays = freshDb();
    await seed(sundays);
    await updateSettings(sundays, { weekStartsOn: 0 }, 5_000);
    const target = freshDb();
    await saveClip(
      target,
      { pageUrl: 'https://here.example', canonicalUrl: 'https://here.example', title: 'Here', source: 'H' },
      { now: 1, weekId: '2026-01-26', newId: () => 'here', defaultSectionId: 'briefs' },
    );
    await applyRestore(target, parsed(await createBackup(sundays)), NOW);
    const weekIds = new Set((await target.items.toArray()).map((i) => i.weekId));
    expect([...weekIds]).toEqual(['2026-01-26']);
    expect((await target.weeks.get('2026-01-26'))?.lede).toBe('导语');
    expect(await target.weeks.get('2026-01-25')).toBeUndefined();
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
      { now: 1, weekId: '2026-01-26', newId: () => 'keep', defaultSectionId: 'briefs' },
    );
    const before = await createBackup(target);
    let writes = 0;
    target.items.hook('creating', () => {
      if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(applyRestore(target, parsed(await createBackup(source)), NOW)).rejects.toThrow(/quota/i);
    expect(await createBackup(target)).toBe(before);
  });
});
