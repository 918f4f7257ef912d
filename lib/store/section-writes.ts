import { ClipInputError } from '../errors';
import { RECORD_LIMITS } from '../record-rules';
import { cleanLine } from '../text';
import type { Section, SectionKind } from '../types';
import type { ClipperDb } from './db';
import { stampChanges } from './field-clocks';
import { getSettings } from './settings-read';
import { assertUnlocked } from './weeks';

/** A section name as stored: one line, not empty, within the limit a backup can restore. */
function sectionName(name: string): string {
  const clean = cleanLine(name, Number.POSITIVE_INFINITY);
  if (!clean) throw new ClipInputError('section.no-name');
  if (clean.length > RECORD_LIMITS.sectionName)
    throw new ClipInputError('text.too-long', { max: RECORD_LIMITS.sectionName });
  return clean;
}

// Section editing lives apart from the popup's reads (lib/store/sections.ts) so the popup bundle stays small.

export async function addSection(
  db: ClipperDb,
  name: string,
  kind: SectionKind,
  newId: () => string,
  now: number,
): Promise<Section> {
  const clean = sectionName(name);
  return db.transaction('rw', db.sections, async () => {
    const last = await db.sections.orderBy('order').last();
    const section: Section = { id: newId(), name: clean, kind, order: (last?.order ?? 0) + 1, updatedAt: now };
    await db.sections.add(section);
    return section;
  });
}

export async function updateSection(
  db: ClipperDb,
  id: string,
  patch: Partial<Pick<Section, 'name' | 'nameEn' | 'kind'>>,
  now: number,
) {
  // Stamped, so a team's copies take the later rename (lib/store/backup-restore.ts).
  const changes: Partial<Section> = { ...patch, updatedAt: now };
  if (patch.name !== undefined) changes.name = sectionName(patch.name);
  if (patch.nameEn !== undefined) changes.nameEn = patch.nameEn.trim() ? sectionName(patch.nameEn) : '';
  await db.sections.update(id, changes);
}

/** Puts the sections in this order (ids), renumbering them 1…n. */
export async function reorderSections(db: ClipperDb, ids: string[], now: number): Promise<void> {
  await db.transaction('rw', db.sections, async () => {
    const sections = await db.sections.bulkGet(ids);
    // Only the sections that moved are stamped: another editor's rename of one that stayed is kept.
    await Promise.all(
      ids.map((id, i) =>
        sections[i]?.order === i + 1 ? undefined : db.sections.update(id, { order: i + 1, updatedAt: now }),
      ),
    );
  });
}

/** Deletes a section after moving its items (all weeks, trash included) to another one. */
export async function deleteSection(db: ClipperDb, id: string, moveTo: string, now: number): Promise<number> {
  if (id === moveTo) throw new ClipInputError('section.same-target');
  return db.transaction('rw', db.sections, db.items, db.settings, db.weeks, db.tombstones, async () => {
    if (!(await db.sections.get(moveTo))) throw new ClipInputError('section.target-missing');
    const items = await db.items.filter((c) => c.sectionId === id).toArray();
    // A published week's entries stay where they were published: the section is not deleted under them.
    await assertUnlocked(db, ...items.map((i) => i.weekId));
    // Each move is a change of the entry's section, stamped like any other, so a merge carries it to the
    // other copies (written without a clock, the other copy's older section won back).
    await db.items.bulkPut(
      items.map((item) =>
        stampChanges(
          'item',
          item,
          { ...item, sectionId: moveTo, updatedAt: Math.max(now, item.updatedAt + 1) },
          db.replica,
        ),
      ),
    );
    const moved = items.length;
    await db.sections.delete(id);
    // Kept deleted in a restore or merge: an older copy's section does not come back.
    await db.tombstones.put({ id: `section:${id}`, kind: 'section', recordId: id, deletedAt: now });
    const settings = await getSettings(db);
    if (settings.defaultSectionId === id)
      await db.settings.put({ key: 'digest', value: { ...settings, defaultSectionId: moveTo } });
    return moved;
  });
}
