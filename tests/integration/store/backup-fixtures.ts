import { afterEach } from 'vitest';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { describeProblem, translator } from '../../../lib/i18n/translate';
import { parseBackup } from '../../../lib/store/backup-read';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { addOwnItem, saveClip, trashItem } from '../../../lib/store/item-writes';
import { addSection } from '../../../lib/store/section-writes';
import { updateSettings } from '../../../lib/store/settings';
import { setWeekText } from '../../../lib/store/weeks';

/**
 * What the backup tests share: fresh databases closed after each test, one seeded week (three
 * pages, one in the trash, a thought of the editor's own, a lede and a closing), English words.
 */
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
  const ctx = (now: number) => ({ now, weekId: '2026-01-26', newId: () => `rec-${++n}`, defaultSectionId: 'briefs' });
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
  await trashItem(db, b.item?.id as string, 40);
  await addOwnItem(
    db,
    { weekId: '2026-01-26', sectionId: 'thoughts', summary: '我的想法', note: '- 一\n- 二' },
    { now: 45, newId: () => `rec-${++n}` },
  );
  await addSection(db, '工具', 'briefs', () => 'tools', 1);
  await setWeekText(db, '2026-01-26', { lede: '导语', closing: '回复“加料”获取更多。' }, 50);
  await updateSettings(db, { digestName: 'My Weekly', publisherOverrides: { 'z.example': 'Z', 'a.example': 'A!' } }, 1);
  return a;
}

export function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.map((issue) => describeProblem(english, issue)).join('\n'));
  return result.backup;
}
