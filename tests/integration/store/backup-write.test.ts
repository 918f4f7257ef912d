import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackupBlob, serializeBackup } from '../../../lib/store/backup-write';
import { getSettings } from '../../../lib/store/settings';
import { SEED_BACKUP } from '../../fixtures/weeks/ai-weekly-2026-01-26';
import { freshDb } from './backup-fixtures';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../docs/backup.schema.json'), 'utf8'));
const written = JSON.parse(serializeBackup(SEED_BACKUP));

/** Every key a record of this list carries, across all its records. */
const keysOf = (records: object[]) => [...new Set(records.flatMap((r) => Object.keys(r)))].sort();

describe('serializeBackup and docs/backup.schema.json', () => {
  it('writes exactly the top-level lists the schema requires, at the schema’s newest version', () => {
    expect(Object.keys(written).sort()).toEqual([...schema.required].sort());
    expect(written.version).toBe(schema.properties.version.maximum);
  });

  it.each(['sources', 'items', 'sections', 'weeks'])('writes only fields the schema names for %s', (list) => {
    const documented = Object.keys(schema.properties[list].items.properties);
    for (const key of keysOf(written[list])) expect(documented).toContain(key);
    for (const key of schema.properties[list].items.required ?? []) expect(keysOf(written[list])).toContain(key);
  });

  it('writes settings the schema names, and the example backup is what the seed week writes', () => {
    const documented = Object.keys(schema.properties.settings.properties);
    for (const key of Object.keys(written.settings)) expect(documented).toContain(key);
    expect(readFileSync(join(__dirname, '../../../docs/examples/backup.json'), 'utf8')).toBe(
      serializeBackup(SEED_BACKUP),
    );
  });
});

describe('createBackupBlob', () => {
  it('writes the same bytes as JSON.stringify of the whole document, across chunk boundaries (property)', async () => {
    let run = 0;
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2_600 }), text, text, async (count, title, note) => {
        const db = freshDb();
        try {
          await db.sources.bulkPut(
            Array.from({ length: count }, (_, i) => ({
              id: `s${String(i).padStart(5, '0')}`,
              pageUrl: `https://e.example/${i}`,
              canonicalUrl: `https://e.example/${i}`,
              title: `${title}${i}`,
              source: 'E',
              quotes: i % 7 ? [] : [{ text: note || 'q', createdAt: 1 }],
              createdAt: 1,
              updatedAt: 2,
            })),
          );
          await db.items.bulkPut(
            Array.from({ length: Math.min(count, 1_200) }, (_, i) => ({
              id: `i${i}`,
              weekId: '2026-01-26',
              sectionId: 'briefs',
              order: 'i',
              summary: title,
              note,
              tags: [],
              sourceIds: [`s${String(i).padStart(5, '0')}`],
              createdAt: 1,
              updatedAt: 2,
              terms: ['derived', 'never', 'written'],
            })),
          );
          const written = await (await createBackupBlob(db)).text();
          const [settings, sections, weeks, sources, items, tombstones] = await Promise.all([
            getSettings(db),
            db.sections.toArray(),
            db.weeks.toArray(),
            db.sources.toArray(),
            db.items.toArray(),
            db.tombstones.toArray(),
          ]);
          const expected = serializeBackup({ settings, sections, weeks, sources, items, tombstones });
          expect(written).toBe(expected);
          // And serializeBackup is JSON.stringify of the document, two spaces deep.
          expect(expected).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
          expect(JSON.parse(written).items).toHaveLength(Math.min(count, 1_200));
          expect(written).not.toContain('"terms"');
        } finally {
          db.close();
        }
        run++;
      }),
      // Always: an empty database, exactly one chunk, and one record past two chunks.
      {
        numRuns: 8,
        examples: [
          [0, '', ''],
          [1_000, 'a', 'b'],
          [2_001, '"\\', '\u2028'],
        ],
      },
    );
    expect(run).toBe(8);
  }, 60_000);
});
