import type { Section } from '../types';
import type { ClipperDb } from './db';

// Changing sections is lib/store/section-writes.ts, which the popup never loads.

export async function listSections(db: ClipperDb): Promise<Section[]> {
  return db.sections.orderBy('order').toArray();
}
