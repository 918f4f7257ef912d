// Writes docs/examples/backup.json from the seed week the golden tests use, so the example
// backup, the CLI test and the renderer's golden files describe the same week.
// Run after changing the backup format: `npm run example-backup`.
import { writeFileSync } from 'node:fs';
import { serializeBackup } from '../lib/store/backup-write';
import { SEED_WEEK } from '../tests/fixtures/weeks/ai-weekly-2026-01-26';

const text = serializeBackup({
  settings: SEED_WEEK.settings,
  sections: [...SEED_WEEK.sections],
  weeks: [{ id: SEED_WEEK.weekId, lede: SEED_WEEK.lede ?? '', updatedAt: Date.parse('2026-02-01T12:00:00Z') }],
  clips: [...SEED_WEEK.clips],
});
writeFileSync('docs/examples/backup.json', text);
