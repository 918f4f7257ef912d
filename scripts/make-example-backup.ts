// Writes docs/examples/backup.json from the seed week the golden tests use, so the example
// backup, the CLI test and the renderer's golden files describe the same week.
// Run after changing the backup format: `npm run example-backup`.
import { writeFileSync } from 'node:fs';
import { serializeBackup } from '../lib/store/backup-write';
import { SEED_BACKUP } from '../tests/fixtures/weeks/ai-weekly-2026-01-26';

writeFileSync('docs/examples/backup.json', serializeBackup(SEED_BACKUP));
