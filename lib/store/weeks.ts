import { requireNote } from '../record-rules';
import type { WeekNote } from '../types';
import type { ClipperDb } from './db';

/** The week's lede or closing paragraph (Markdown), written by the editor; the other is kept. */
export async function setWeekText(
  db: ClipperDb,
  weekId: string,
  patch: Partial<Pick<WeekNote, 'lede' | 'closing'>>,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.weeks, async () => {
    const current = await db.weeks.get(weekId);
    const next: WeekNote = { id: weekId, lede: current?.lede ?? '', updatedAt: now };
    const closing = patch.closing ?? current?.closing;
    if (patch.lede !== undefined) next.lede = requireNote(patch.lede);
    if (closing !== undefined && requireNote(closing) !== '') next.closing = requireNote(closing);
    await db.weeks.put(next);
  });
}
