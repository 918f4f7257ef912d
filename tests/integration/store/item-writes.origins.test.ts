import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { saveClip, settleSourceConflict, updateSource } from '../../../lib/store/item-writes';
import type { FieldOrigins } from '../../../lib/types';
import { freshDb, parsed } from './backup-fixtures';

const WEEK = '2026-01-26';
let n = 0;
const ctx = (now: number, extra = {}) => ({
  now,
  weekId: WEEK,
  newId: () => `o-${++n}`,
  defaultSectionId: 'briefs',
  ...extra,
});
const page = {
  pageUrl: 'https://news.example/2026/01/30/story',
  canonicalUrl: 'https://news.example/2026/01/30/story',
  title: 'A story',
  source: 'news.example',
  publishedAt: '2026-01-30',
};

describe('field origins stored with the source', () => {
  it('keeps what the clipper read, drops what it cannot vouch for, and follows the editor’s corrections', async () => {
    const db = freshDb();
    const { source } = await saveClip(
      db,
      {
        ...page,
        // A forged capture: an unknown origin, an origin for a field the page did not give, a field not tracked.
        origins: {
          title: 'headline',
          source: 'domain',
          publishedAt: 'url',
          author: 'byline',
          lang: 'declared',
        } as FieldOrigins,
      },
      ctx(1),
    );
    expect(source.origins).toEqual({ title: 'headline', source: 'domain', publishedAt: 'url' });

    // The editor names the publisher: its origin is now theirs; clearing the date drops its origin.
    const corrected = await updateSource(db, source.id, { source: 'News Daily', publishedAt: '' }, 2);
    expect(corrected.origins).toEqual({ title: 'headline', source: 'editor' });

    // Clipped again with the form shown (prefilled from the source, the page's fresh reading where it
    // had none): a field the capture read keeps the capture's origin, one the editor typed is theirs.
    const again = await saveClip(
      db,
      {
        ...page,
        source: 'News Daily',
        title: 'A story, in full',
        author: 'Li Si',
        origins: { title: 'declared', publishedAt: 'url' },
      },
      ctx(3, { confirmedByEditor: true }),
    );
    expect(again.fieldsUpdated.sort()).toEqual(['author', 'publishedAt', 'title']);
    expect(again.source.origins).toEqual({ title: 'declared', source: 'editor', author: 'editor', publishedAt: 'url' });
  });

  it('survives backup and restore, merges with the value it belongs to, and a wrong one is dropped with a note', async () => {
    const here = freshDb();
    const { source } = await saveClip(here, { ...page, origins: { source: 'domain', publishedAt: 'url' } }, ctx(10));
    const text = await createBackup(here);
    expect(JSON.parse(text).sources[0].origins).toEqual({ source: 'domain', publishedAt: 'url' });

    // Another browser restores it, and the editor there names the publisher.
    const there = freshDb();
    await applyRestore(there, parsed(text), 20);
    expect((await there.sources.get(source.id))?.origins).toEqual({ source: 'domain', publishedAt: 'url' });
    await updateSource(there, source.id, { source: 'News Daily' }, 30);
    // Back here, the publisher's value comes with its origin; the date's stays as it was.
    await applyRestore(here, parsed(await createBackup(there)), 40);
    const merged = await here.sources.get(source.id);
    expect(merged?.source).toBe('News Daily');
    expect(merged?.origins).toEqual({ source: 'editor', publishedAt: 'url' });

    // A hand-edited file: an origin no version writes is dropped, the source and its field kept.
    const edited = text.replace('"source": "domain"', '"source": "my guess"');
    const result = parseBackup(edited);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.sources[0]?.origins).toEqual({ publishedAt: 'url' });
    expect(result.backup.sources[0]?.source).toBe('news.example');
    expect(result.issues.map((i) => i.code)).toContain('field.not-origin');
  });

  it('forgets the origin of a value the editor takes from a conflicting copy', async () => {
    const here = freshDb();
    const { source } = await saveClip(here, { ...page, origins: { source: 'domain' } }, ctx(100));
    const there = freshDb();
    await applyRestore(there, parsed(await createBackup(here)), 110);
    await updateSource(there, source.id, { source: 'Their name' }, 120);
    await updateSource(here, source.id, { source: 'Our name' }, 130);
    await applyRestore(here, parsed(await createBackup(there)), 140);
    const conflicted = await here.sources.get(source.id);
    const conflict = conflicted?.conflicts?.find((c) => c.field === 'source');
    expect(conflict?.value).toBe('Their name');
    expect(conflicted?.origins).toEqual({ source: 'editor' });
    await settleSourceConflict(here, source.id, { field: 'source', at: conflict?.at as string }, 'theirs', 150);
    const settled = await here.sources.get(source.id);
    expect(settled?.source).toBe('Their name');
    expect(settled?.origins).toBeUndefined();
  });
});
