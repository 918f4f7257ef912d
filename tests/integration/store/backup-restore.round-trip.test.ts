import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture';
import { tidyCapture } from '../../../lib/capture/tidy-capture';
import { ClipInputError } from '../../../lib/errors';
import { parseBackup } from '../../../lib/store/backup-read';
import { applyRestore } from '../../../lib/store/backup-restore';
import { createBackup } from '../../../lib/store/backup-write';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { addOwnItem, type ClipDraft, saveClip, updateItem, updateSource } from '../../../lib/store/item-writes';
import { listWeek } from '../../../lib/store/items';
import { addSection, deleteSection, updateSection } from '../../../lib/store/section-writes';
import { setWeekText } from '../../../lib/store/weeks';
import type { FieldOrigins } from '../../../lib/types';

/** The restore's clock: after every change time the tests write. */
const NOW = Date.parse('2026-12-01T00:00:00Z');

/**
 * Whatever capture, typing or a page can produce survives save → backup → restore unchanged
 * (docs/data-safety.md). Each case below made a backup the extension itself refused before
 * lib/record-rules.ts became the one definition used on both sides.
 */
const opened: ClipperDb[] = [];
const fresh = () => {
  const db = openDatabase(`round-trip-${Math.random()}`);
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

let n = 0;
const ctx = { now: 1_000, weekId: '2026-01-26', newId: () => `r-${++n}`, defaultSectionId: 'briefs' };
const draft = (patch: Partial<ClipDraft> = {}): ClipDraft => ({
  pageUrl: 'https://a.example/story',
  canonicalUrl: 'https://a.example/story',
  title: 'A story',
  source: 'A',
  sectionId: 'briefs',
  ...patch,
});

/** Backs the database up, reads the file, restores it elsewhere and backs that up: same bytes, nothing left out. */
async function expectRoundTrip(db: ClipperDb): Promise<void> {
  const text = await createBackup(db);
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.errors)}`);
  expect(parsed.issues).toEqual([]);
  const target = fresh();
  await applyRestore(target, parsed.backup, NOW);
  expect(await createBackup(target)).toBe(text);
}

function pageWith(head: string, body = '<p>Text</p>'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html>${head}<body>${body}</body>`,
    'text/html',
  ) as unknown as Document;
}

describe('what is saved always restores', () => {
  it('a page whose <html lang> is not a language tag (the field is left out)', async () => {
    const doc = pageWith(`<html lang="${'en-'.repeat(20)}x"><title>A story</title>`);
    const capture = capturePage(doc, 'https://a.example/story', { text: '' });
    expect(capture.lang).toBeUndefined();
    const db = fresh();
    await saveClip(db, { ...draft(), lang: 'x'.repeat(40) }, ctx);
    await expectRoundTrip(db);
  });

  it('a same-site canonical link longer than a stored link may be (the page address is used)', async () => {
    const long = `https://a.example/story?${'q=1&'.repeat(2_500)}`;
    const doc = pageWith(`<html><title>A story</title><link rel="canonical" href="${long}">`);
    const capture = tidyCapture(capturePage(doc, 'https://a.example/story', { text: '' }));
    expect(capture.canonicalUrl).toBe('https://a.example/story');
    const db = fresh();
    await saveClip(db, { ...draft(), canonicalUrl: long }, ctx);
    await expectRoundTrip(db);
  });

  it('a selection of 2.5 million characters, kept whole', async () => {
    const db = fresh();
    const text = '长'.repeat(2_500_000);
    const { source, quoteCut } = await saveClip(db, draft({ selection: { text } }), ctx);
    expect(quoteCut).toBe(false);
    expect(source.quotes[0]?.text).toHaveLength(2_500_000);
    await expectRoundTrip(db);
    // A time limit of its own: in fake-indexeddb this takes about 1 s alone and over 5 s on a busy two-core machine.
  }, 30_000);

  it('a file:/// page', async () => {
    const db = fresh();
    await saveClip(db, draft({ pageUrl: 'file:///home/e/saved.html', canonicalUrl: 'file:///home/e/saved.html' }), ctx);
    await expectRoundTrip(db);
  });

  it.each(['ftp://files.example/a', 'javascript:alert(1)', 'data:text/html,x'])(
    'refuses a manual link %s with a clear error',
    async (url) => {
      const db = fresh();
      await expect(saveClip(db, draft({ pageUrl: url, canonicalUrl: url }), ctx)).rejects.toThrow('clip.bad-link');
      expect(await db.sources.count()).toBe(0);
    },
  );

  it('refuses a date typed in the editor that is not a date, and a note or lede beyond the limit', async () => {
    const db = fresh();
    const { source, item } = await saveClip(db, draft(), ctx);
    await expect(updateSource(db, source.id, { publishedAt: `2026-01-27 ${'x'.repeat(70)}` }, 2)).rejects.toThrow(
      'clip.bad-date',
    );
    await updateSource(db, source.id, { publishedAt: '2026-01-27' }, 2);
    const tooLong = 'x'.repeat(200_001);
    await expect(updateItem(db, item?.id as string, { note: tooLong }, 3)).rejects.toThrow('text.too-long');
    await expect(setWeekText(db, '2026-01-26', { lede: tooLong }, 3)).rejects.toThrow('text.too-long');
    await expect(setWeekText(db, '2026-01-26', { closing: tooLong }, 3)).rejects.toThrow('text.too-long');
    await setWeekText(db, '2026-01-26', { lede: 'x'.repeat(200_000), closing: '- a\n- b' }, 4);
    await expectRoundTrip(db);
  });

  it('refuses a section name beyond the limit and more tags than an entry may have', async () => {
    const db = fresh();
    await expect(addSection(db, 'x'.repeat(201), 'briefs', () => 's', 1)).rejects.toThrow('text.too-long');
    await expect(updateSection(db, 'briefs', { name: 'y'.repeat(2_001) }, 1)).rejects.toThrow('text.too-long');
    const tags = Array.from({ length: 201 }, (_, i) => `t${i}`);
    await expect(saveClip(db, draft({ tags }), ctx)).rejects.toThrow('clip.too-many-tags');
    await saveClip(db, draft({ tags: tags.slice(0, 200) }), ctx);
    await expectRoundTrip(db);
  });

  it('files a clip saved into a section deleted meanwhile under the default section', async () => {
    const db = fresh();
    await addSection(db, '工具', 'briefs', () => 'tools', 1);
    await deleteSection(db, 'tools', 'briefs', 5_000);
    const { item } = await saveClip(db, draft({ sectionId: 'tools' }), ctx);
    expect(item?.sectionId).toBe('briefs');
    const own = await addOwnItem(db, { weekId: '2026-01-26', sectionId: 'tools', summary: '想法' }, ctx);
    expect(own.sectionId).toBe('briefs');
    await expectRoundTrip(db);
  });
});

describe('round trip (property)', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.constantFrom('', ' ', '\u202e', '\u0000x', '<script>', '# h', '- a\n- b', '`', '长'.repeat(600)),
  );
  const anyLink = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom('file:///tmp/a b.html', 'ftp://x.example/', 'javascript:alert(1)', 'not a url', ''),
  );
  const anyDate = fc.oneof(
    fc.constantFrom('2026-01-27', '2026-01-27T10:00:00+08:00', '2026/1/27', '昨天', ''),
    fc.string({ maxLength: 80 }),
  );

  it('any page and any typing: saved, or refused with a code; what is saved restores to identical records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: anyText,
          source: anyText,
          author: anyText,
          lang: fc.oneof(fc.constantFrom('zh-CN', 'en', ''), fc.string({ maxLength: 50 })),
          publishedAt: anyDate,
          pageUrl: anyLink,
          canonicalUrl: anyLink,
          selection: anyText,
          summary: anyText,
          note: anyText,
          tags: fc.array(anyText, { maxLength: 5 }),
          typedDate: anyDate,
          lede: anyText,
          // What a page's script could put in the capture's origins: known ones, and anything at all.
          origins: fc.oneof(
            fc.record(
              {
                title: fc.constantFrom('declared', 'headline', 'page-title'),
                source: fc.constantFrom('declared', 'domain', 'known-site'),
                author: fc.constantFrom('byline', 'declared'),
                publishedAt: fc.constantFrom('url', 'declared', 'byline'),
              },
              { requiredKeys: [] },
            ),
            fc.anything(),
          ),
        }),
        async (input) => {
          const db = fresh();
          try {
            const { source, item } = await saveClip(
              db,
              {
                pageUrl: input.pageUrl,
                canonicalUrl: input.canonicalUrl,
                title: input.title,
                source: input.source,
                author: input.author,
                lang: input.lang,
                publishedAt: input.publishedAt,
                selection: { text: input.selection },
                sectionId: 'analysis',
                summary: input.summary,
                note: input.note,
                tags: input.tags,
                origins: input.origins as FieldOrigins,
              },
              ctx,
            );
            await updateSource(db, source.id, { publishedAt: input.typedDate }, 2).catch((e: unknown) => {
              if (!(e instanceof ClipInputError)) throw e;
            });
            if (item) await updateItem(db, item.id, { note: input.note, summary: input.summary }, 3);
            await setWeekText(db, '2026-01-26', { lede: input.lede, closing: input.note }, 4);
            expect((await listWeek(db, '2026-01-26')).length).toBe(1);
          } catch (error) {
            if (!(error instanceof ClipInputError)) throw error;
          }
          await expectRoundTrip(db);
        },
      ),
      { numRuns: 120 },
    );
    // A time limit of its own: in fake-indexeddb this takes about 1 s alone and over 5 s on a busy two-core machine.
  }, 30_000);
});
