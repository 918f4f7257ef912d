import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedSettings, type TeamRecord } from '../../../lib/store/team-records';
import { canonicalJson, readDoc, toDoc } from '../../../lib/sync/docs';
import { SEED_BACKUP } from '../../fixtures/weeks/ai-weekly-2026-01-26';

/** Records as team documents: written and read back unchanged, and nothing else read as one. */

const seedRecords: TeamRecord[] = [
  ...SEED_BACKUP.sources.map((record) => ({ kind: 'source', record }) as const),
  ...SEED_BACKUP.items.map((record) => ({ kind: 'item', record }) as const),
  ...SEED_BACKUP.weeks.map((record) => ({ kind: 'week', record }) as const),
  ...SEED_BACKUP.sections.map((record) => ({ kind: 'section', record }) as const),
  { kind: 'settings', record: sharedSettings({ ...SEED_BACKUP.settings, sharedAt: 42 }) },
];

describe('team documents', () => {
  it('read back every record of the reference week exactly as written', () => {
    for (const entry of seedRecords) {
      const doc = toDoc(entry);
      const reading = readDoc(JSON.parse(JSON.stringify({ ...doc, _rev: '1-abc' })));
      expect(reading.ok && reading.exact, doc._id).toBe(true);
      if (reading.ok) expect(canonicalJson(toDoc(reading.entry))).toBe(canonicalJson(doc));
    }
  });

  it('keeps the settings a team shares, and never an editor’s own (theme, UI language)', () => {
    const doc = toDoc({ kind: 'settings', record: sharedSettings({ ...SEED_BACKUP.settings, theme: 'dark' }) });
    expect(doc).not.toHaveProperty('theme');
    expect(doc).not.toHaveProperty('uiLanguage');
    const forged = readDoc({ ...doc, theme: 'dark' });
    expect(forged.ok && forged.exact).toBe(false);
  });

  it('reads a document as exact only when it is exactly what the extension writes: any field given any value', () => {
    const entry = seedRecords[0] as TeamRecord;
    const doc = toDoc(entry) as Record<string, unknown>;
    const keys = Object.keys(doc).filter((k) => k !== '_id' && k !== 'type');
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(doc[key]));
        const reading = readDoc({ ...doc, [key]: value });
        // Refused, or read with what the rules drop (not exact), or exactly the record it says (a valid value).
        if (reading.ok && reading.exact)
          expect(canonicalJson(toDoc(reading.entry))).toBe(canonicalJson({ ...doc, [key]: value }));
      }),
      { numRuns: 300 },
    );
  });
});
