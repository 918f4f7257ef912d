import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../lib/store/backup-write';
import { SEED_BACKUP } from '../../fixtures/weeks/ai-weekly-2026-01-26';

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
