import type { ClipperDb } from './db';

/** The week's lede, written once per week by the editor. */
export async function setLede(db: ClipperDb, weekId: string, lede: string, now: number): Promise<void> {
  await db.weeks.put({ id: weekId, lede: lede.trim(), updatedAt: now });
}
