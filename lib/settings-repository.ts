import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import type { DigestSettings, Section } from './types';

export async function getSettings(db: ClipperDb): Promise<DigestSettings> {
  const row = await db.settings.get('digest');
  return { ...DEFAULT_SETTINGS, ...row?.value };
}

export async function listSections(db: ClipperDb): Promise<Section[]> {
  return db.sections.orderBy('order').toArray();
}
