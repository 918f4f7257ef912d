import { afterEach } from 'vitest';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { describeProblem, translator } from '../../../lib/i18n/translate';
import { parseBackup } from '../../../lib/store/backup-read';
import { saveClip, trashClip } from '../../../lib/store/clips';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { addSection } from '../../../lib/store/sections';
import { updateSettings } from '../../../lib/store/settings';
import { setLede } from '../../../lib/store/weeks';

/** What the backup tests share: fresh databases closed after each test, one seeded week, English words. */
export const english = translator(EN_MESSAGES);

const opened: ClipperDb[] = [];
export function freshDb(): ClipperDb {
  const db = openDatabase(`backup-${Math.random()}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

let n = 0;
export async function seed(db: ClipperDb) {
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

export function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.map((issue) => describeProblem(english, issue)).join('\n'));
  return result.backup;
}
