import type { ClipperDb } from './db';
import { DEFAULT_SETTINGS } from './defaults';
import { ClipInputError } from './errors';
import type { DigestSettings, Section, SectionKind } from './types';
import { weekStartOf } from './week';

export async function getSettings(db: ClipperDb): Promise<DigestSettings> {
  const row = await db.settings.get('digest');
  return { ...DEFAULT_SETTINGS, ...row?.value };
}

/**
 * Saves settings. A new first day of the week moves every clip to the week that now holds
 * its old week's first day, so no clip falls between weeks.
 */
export async function updateSettings(db: ClipperDb, patch: Partial<DigestSettings>): Promise<DigestSettings> {
  return db.transaction('rw', db.settings, db.clips, async () => {
    const current = await getSettings(db);
    const next = { ...current, ...patch };
    if (!Number.isInteger(next.weekStartsOn) || next.weekStartsOn < 0 || next.weekStartsOn > 6) {
      throw new ClipInputError('The first day of the week must be a day from Sunday to Saturday.');
    }
    if (next.timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: next.timeZone });
      } catch {
        throw new ClipInputError(`"${next.timeZone}" is not a time zone (try Asia/Shanghai or America/New_York).`);
      }
    }
    await db.settings.put({ key: 'digest', value: next });
    if (next.weekStartsOn !== current.weekStartsOn) {
      await db.clips.toCollection().modify((clip) => {
        clip.weekId = weekStartOf(clip.weekId, next.weekStartsOn);
      });
    }
    return next;
  });
}

export async function listSections(db: ClipperDb): Promise<Section[]> {
  return db.sections.orderBy('order').toArray();
}

export async function addSection(
  db: ClipperDb,
  name: string,
  kind: SectionKind,
  newId: () => string,
): Promise<Section> {
  const clean = name.trim();
  if (!clean) throw new ClipInputError('A section needs a name.');
  return db.transaction('rw', db.sections, async () => {
    const last = await db.sections.orderBy('order').last();
    const section: Section = { id: newId(), name: clean, kind, order: (last?.order ?? 0) + 1 };
    await db.sections.add(section);
    return section;
  });
}

export async function updateSection(db: ClipperDb, id: string, patch: Partial<Pick<Section, 'name' | 'kind'>>) {
  if (patch.name !== undefined && !patch.name.trim()) throw new ClipInputError('A section needs a name.');
  await db.sections.update(id, { ...patch, ...(patch.name ? { name: patch.name.trim() } : {}) });
}

/** Puts the sections in this order (ids), renumbering them 1…n. */
export async function reorderSections(db: ClipperDb, ids: string[]): Promise<void> {
  await db.transaction('rw', db.sections, async () => {
    await Promise.all(ids.map((id, i) => db.sections.update(id, { order: i + 1 })));
  });
}

/** Deletes a section after moving its clips (all weeks, trash included) to another one. */
export async function deleteSection(db: ClipperDb, id: string, moveTo: string): Promise<number> {
  if (id === moveTo) throw new ClipInputError('Pick another section for its clips.');
  return db.transaction('rw', db.sections, db.clips, db.settings, async () => {
    if (!(await db.sections.get(moveTo))) throw new ClipInputError('The section to move the clips to does not exist.');
    const moved = await db.clips.filter((c) => c.sectionId === id).modify({ sectionId: moveTo });
    await db.sections.delete(id);
    const settings = await getSettings(db);
    if (settings.defaultSectionId === id)
      await db.settings.put({ key: 'digest', value: { ...settings, defaultSectionId: moveTo } });
    return moved;
  });
}

export async function setLede(db: ClipperDb, weekId: string, lede: string, now: number): Promise<void> {
  await db.weeks.put({ id: weekId, lede: lede.trim(), updatedAt: now });
}
