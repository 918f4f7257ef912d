import { ClipInputError } from '../errors';
import { fnv1a } from '../text';
import type { Clocked, FieldClock, Item, Source, Tombstone, WeekNote } from '../types';
import { rebucketWeekId } from '../week';
import { type Backup, sectionRecord } from './backup-write';
import { corrected } from './citations';
import type { ClipperDb } from './db';
import { makeStamp, mergeRecord, type RecordKind, stampTime } from './field-clocks';
import { itemTerms } from './search-terms';
import { rebucketWeeks } from './settings';
import { getSettings } from './settings-read';
import { indexTerms, type TermChange } from './term-index';

/** What a restore does, counted over items and sources together. */
export interface RestorePlan {
  added: number;
  updated: number;
  unchanged: number;
  /**
   * Fields changed both here and in the backup (docs/data-safety.md, "Merging"): this browser's
   * value stays, the backup's is kept beside it for the editor to choose.
   */
  conflicts: number;
  sectionsAdded: number;
  /** True when this browser has no items yet: the backup's sections and settings are taken whole. */
  replacesSettings: boolean;
  /** Records the backup still has that were deleted for good here: they stay deleted. */
  deletedHere: number;
  /** Records here that the backup says were deleted for good (after their last change here). */
  deletedThere: number;
  /** Records whose change time lay in the future: it was brought back to the file's latest credible one. */
  clamped: number;
  /** Pages with an id this browser gives another page: kept as separate sources under a new id. */
  renamed: number;
}

interface Versioned {
  id: string;
  updatedAt: number;
}

/**
 * How far ahead of this browser's clock another browser's may run and its times still be taken as
 * written. Copies of a team's week exchange again and again: a time rewritten on the way in would be
 * rewritten differently at each exchange (it moves with `now`), and the copies would never agree.
 * A week covers the clocks of laptops left unset or in another zone; this browser's own next changes
 * are stamped after whatever it took in (lib/store/item-writes.ts, nextStamp).
 */
export const CREDIBLE_SKEW_MS = 7 * 86_400_000;

/**
 * A change time from a file is never trusted beyond `now` plus CREDIBLE_SKEW_MS: one stamped far in
 * the future (a broken clock) would win every later merge. Such times are brought back to just before
 * that limit, in their order: a fast clock's two edits stay one after the other (pulled back to one
 * value, the older one used to win, silently), and a later file from it still comes after an earlier one.
 */
function clampClocks(backup: Backup, now: number, summary: RestorePlan): Backup {
  // The limit moves a day at a time, not with every restore: the same file restored again the same day
  // brings the same times, and changes nothing.
  const limit = Math.floor((now + CREDIBLE_SKEW_MS) / 86_400_000) * 86_400_000;
  return clampBeyond(backup, limit, summary);
}

function clampBeyond(backup: Backup, now: number, summary: RestorePlan): Backup {
  // (`now` here is the limit: times up to it are taken as written.)
  const future = new Set<number>();
  const note = (t: number) => {
    if (t > now) future.add(t);
  };
  for (const r of [...backup.sources, ...backup.items, ...backup.weeks]) {
    note(r.updatedAt);
    for (const c of Object.values(r.clocks ?? {})) {
      note(stampTime(c.at));
      if (c.base !== undefined) note(stampTime(c.base));
      for (const time of Object.values(c.seen ?? {})) note(time);
    }
    for (const c of r.conflicts ?? []) note(stampTime(c.at));
  }
  for (const t of backup.tombstones) note(t.deletedAt);
  // Past the limit, a time is brought within one day after it, compressed (logarithmically) but in its
  // order: a broken clock's later edit still comes after its earlier one, and, the limit moving a day at
  // a time, the same file brings the same times however often it is restored.
  const pulled = new Map(
    [...future].map((t) => [t, now + Math.floor((86_400_000 / 64) * Math.log2(1 + (t - now) / 1000))]),
  );
  const credibleTime = (t: number) => pulled.get(t) ?? t;
  const clampStamp = (stamp: string) =>
    stampTime(stamp) <= now ? stamp : makeStamp(credibleTime(stampTime(stamp)), stamp.slice(stamp.indexOf('@') + 1));
  const clampClock = (clock: FieldClock): FieldClock => {
    const out: FieldClock = { at: clampStamp(clock.at) };
    if (clock.base !== undefined) out.base = clampStamp(clock.base);
    if (clock.seen !== undefined)
      out.seen = Object.fromEntries(Object.entries(clock.seen).map(([replica, time]) => [replica, credibleTime(time)]));
    return out;
  };
  const clamp = <T extends Clocked>(r: T): T => {
    const future =
      r.updatedAt > now ||
      Object.values(r.clocks ?? {}).some(
        (c) =>
          stampTime(c.at) > now ||
          (c.base !== undefined && stampTime(c.base) > now) ||
          Object.values(c.seen ?? {}).some((time) => time > now),
      ) ||
      (r.conflicts ?? []).some((c) => stampTime(c.at) > now);
    if (!future) return r;
    summary.clamped++;
    const out: T = { ...r, updatedAt: credibleTime(r.updatedAt) };
    if (r.clocks)
      out.clocks = Object.fromEntries(Object.entries(r.clocks).map(([field, clock]) => [field, clampClock(clock)]));
    if (r.conflicts) out.conflicts = r.conflicts.map((c) => ({ ...c, at: clampStamp(c.at) }));
    return out;
  };
  return {
    ...backup,
    sources: backup.sources.map(clamp),
    items: backup.items.map(clamp),
    weeks: backup.weeks.map(clamp),
    tombstones: backup.tombstones.map((t) => (t.deletedAt <= now ? t : { ...t, deletedAt: credibleTime(t.deletedAt) })),
  };
}

/** Pages the backup brings under the id of one of this browser's pages with a greater id, and that page. */
type Adoptions = Map<string, Source>;

/**
 * Ids are not pages: a backup source whose id this browser uses for another page is a different
 * record (it gets a new id); one whose page this browser has under another id is that source. One page
 * under two ids (clipped in two browsers before they met) ends under the smaller id on every copy,
 * whichever way they exchange: the backup's pages are renamed to a smaller id held here, and a page held
 * here under a greater id is adopted under the backup's (its entries follow). The backup's items follow
 * the renames.
 */
async function matchSources(
  db: ClipperDb,
  original: Backup,
  summary: RestorePlan,
  fresh: boolean,
): Promise<{ backup: Backup; adopted: Adoptions }> {
  const adopted: Adoptions = new Map();
  const rename = new Map<string, string>();
  // Within the backup first: one page under two ids (a team database holds both copies' records) is one,
  // under the smaller id, its records merged.
  const byPage = new Map<string, Source>();
  for (const source of [...original.sources].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const first = byPage.get(source.canonicalUrl);
    if (!first) byPage.set(source.canonicalUrl, source);
    else {
      rename.set(source.id, first.id);
      byPage.set(source.canonicalUrl, mergeRecord('source', first, { ...source, id: first.id }).record);
    }
  }
  let incoming = rename.size === 0 ? original.sources : [...byPage.values()];
  if (!fresh) {
    // An empty browser has no page to match: nothing to read (about 0.1 ms a record in Chromium).
    const sameId = await db.sources.bulkGet(incoming.map((s) => s.id));
    // One index read for every page the backup brings that this browser has no id for.
    const newUrls = incoming.filter((_, i) => !sameId[i]).map((s) => s.canonicalUrl);
    const byUrl = new Map<string, Source>();
    if (newUrls.length > 0)
      for (const local of await db.sources.where('canonicalUrl').anyOf(newUrls).toArray())
        if (!byUrl.has(local.canonicalUrl) || local.id < (byUrl.get(local.canonicalUrl) as Source).id)
          byUrl.set(local.canonicalUrl, local);
    // And by the address it was clipped from: a page whose link was corrected on one side is still that page.
    // (Only a corrected link says so: two stories may share the address they were read at.)
    const newPages = incoming.filter((s, i) => !sameId[i] && !byUrl.has(s.canonicalUrl)).map((s) => s.pageUrl);
    const byAddress = new Map<string, Source>();
    if (newPages.length > 0)
      for (const local of await db.sources.where('pageUrl').anyOf(newPages).toArray())
        if (!byAddress.has(local.pageUrl)) byAddress.set(local.pageUrl, local);
    const pageMatch = (source: Source) => {
      const local = byAddress.get(source.pageUrl);
      return local && (corrected(local) || corrected(source)) ? local : undefined;
    };
    incoming = incoming.map((source, i) => {
      const local = sameId[i];
      // One page under one id, though its link was corrected on one side: the address it was clipped
      // from (never edited) says it is the same page. Only an id naming another page is renamed.
      if (local && local.canonicalUrl !== source.canonicalUrl && local.pageUrl !== source.pageUrl) {
        const id = `${source.id}~${fnv1a(source.canonicalUrl).toString(36)}`;
        summary.renamed++;
        rename.set(source.id, id);
        return { ...source, id };
      }
      const samePage = local ? undefined : (byUrl.get(source.canonicalUrl) ?? pageMatch(source));
      if (!samePage) return source;
      if (samePage.id < source.id) {
        rename.set(source.id, samePage.id);
        return { ...source, id: samePage.id };
      }
      // This browser's copy has the greater id: it takes the backup's, as the other copy keeps it.
      if (samePage.id !== source.id) adopted.set(source.id, samePage);
      return source;
    });
  }
  if (rename.size === 0 && incoming === original.sources) return { backup: original, adopted };
  const unique = new Map(incoming.map((s) => [s.id, s]));
  return {
    backup: {
      ...original,
      sources: [...unique.values()],
      items: original.items.map((item) => ({
        ...item,
        sourceIds: [...new Set(item.sourceIds.map((id) => rename.get(id) ?? id))],
      })),
    },
    adopted,
  };
}

/**
 * Each backup record merged into this browser's copy field by field (lib/store/field-clocks.ts):
 * a new record is added; otherwise the later change of each field wins, and a field changed on
 * both sides keeps ours and records theirs as a conflict.
 */
function merge<T extends Versioned & Clocked>(
  kind: RecordKind,
  incoming: readonly T[],
  local: readonly (T | undefined)[],
  summary: RestorePlan,
): T[] {
  const writes: T[] = [];
  incoming.forEach((record, i) => {
    const mine = local[i];
    if (!mine) {
      summary.added++;
      writes.push(record);
      return;
    }
    const merged = mergeRecord(kind, mine, record);
    if (merged.taken.length > 0) summary.updated++;
    else summary.unchanged++;
    summary.conflicts += merged.conflicts.length;
    if (merged.changed) writes.push(merged.record);
  });
  return writes;
}

/**
 * The backup's items and week notes under this browser's weeks: a backup made with another first
 * day of the week files them under week ids navigation here would never show. Their clocks are
 * kept: moving is not an edit.
 */
function inLocalWeeks(backup: Backup, weekStartsOn: number): Backup {
  if (backup.settings.weekStartsOn === weekStartsOn) return backup;
  return {
    ...backup,
    items: backup.items.map((item) => ({ ...item, weekId: rebucketWeekId(item.weekId, weekStartsOn) })),
    weeks: rebucketWeeks(backup.weeks, weekStartsOn),
  };
}

/**
 * How a restore takes what it is given. A backup file is a whole copy: an empty browser takes its
 * settings and sections whole. A batch is some of a team database's records (lib/sync/): whatever this
 * browser holds stays, and each record merges alone.
 */
export interface RestoreMode {
  batch?: boolean;
}

async function plan(db: ClipperDb, original: Backup, now: number, { batch = false }: RestoreMode = {}) {
  const summary: RestorePlan = {
    added: 0,
    updated: 0,
    unchanged: 0,
    conflicts: 0,
    sectionsAdded: 0,
    replacesSettings: false,
    deletedHere: 0,
    deletedThere: 0,
    clamped: 0,
    renamed: 0,
  };
  // Fresh: nothing written here yet (a week's lede counts: it would be filed under the wrong weeks).
  const fresh = (await db.items.count()) === 0 && (await db.sources.count()) === 0 && (await db.weeks.count()) === 0;
  const whole = fresh && !batch;
  summary.replacesSettings = whole;
  // A fresh browser takes the backup's settings whole; otherwise its records join this browser's weeks.
  const placed = whole ? original : inLocalWeeks(original, (await getSettings(db)).weekStartsOn);
  const clamped = clampClocks(placed, now, summary);
  // What was deleted for good here stays deleted, unless the backup changed it later. Decided by the
  // backup's own ids, before its pages are matched to this browser's by address: a page deleted for
  // good and clipped again must not take back the old copy's quotes through the new one.
  const gone = new Map((await db.tombstones.toArray()).map((t) => [t.id, t.deletedAt]));
  // A record and its own tombstone can arrive together (a team database keeps both): it stays deleted.
  const goneAnywhere = new Map(gone);
  for (const t of clamped.tombstones) goneAnywhere.set(t.id, Math.max(t.deletedAt, gone.get(t.id) ?? -1));
  const alive = <T extends Versioned>(kind: 'item' | 'source', record: T) => {
    const deletedAt = goneAnywhere.get(`${kind}:${record.id}`);
    if (deletedAt === undefined || record.updatedAt > deletedAt) return true;
    summary.deletedHere++;
    return false;
  };
  const items = clamped.items.filter((i) => alive('item', i));
  // A page that an item still cites survives its own deletion: the item kept (edited there after the
  // delete here, or new there) must not lose its page, on any copy, in any order of exchange.
  const cited = new Set(items.flatMap((i) => i.sourceIds));
  const sources = clamped.sources.filter((s) => cited.has(s.id) || alive('source', s));
  const { backup, adopted } = await matchSources(db, { ...clamped, sources, items }, summary, fresh);
  const [stored, localItems] = fresh
    ? [[], []]
    : await Promise.all([
        db.sources.bulkGet(backup.sources.map((s) => s.id)),
        db.items.bulkGet(backup.items.map((i) => i.id)),
      ]);
  // A page adopted under the backup's id merges as this browser's copy of it.
  const localSources = backup.sources.map((s, i) => {
    const local = adopted.get(s.id);
    return local ? { ...local, id: s.id } : stored[i];
  });
  const localSectionRows = new Map((await db.sections.toArray()).map((s) => [s.id, s]));
  const localSections = new Set(localSectionRows.keys());
  const localWeeks = new Map(
    (await db.weeks.bulkGet(backup.weeks.map((w) => w.id))).filter((w): w is WeekNote => !!w).map((w) => [w.id, w]),
  );
  const sourceWrites = merge('source', backup.sources, localSources, summary);
  // An adopted page is written under its new id even when the merge changed nothing in it.
  const written = new Set(sourceWrites.map((s) => s.id));
  backup.sources.forEach((s, i) => {
    const local = localSources[i];
    if (adopted.has(s.id) && local && !written.has(s.id)) sourceWrites.push(local);
  });
  const itemWrites = merge('item', backup.items, localItems, summary);
  // A section deleted on either copy is deleted on both, and an entry filed in it (here since, or
  // there before the delete reached it) is shown in the first section left: the same one on every copy,
  // its clock kept (moving it is not an edit), so the copies agree whichever way they exchange.
  const defaultSection = fresh ? undefined : (await getSettings(db)).defaultSectionId;
  const deletedSections = new Set(
    [
      ...backup.tombstones.filter((t) => t.kind === 'section').map((t) => t.recordId),
      // This browser's own, read once above with the others.
      ...[...gone.keys()].filter((id) => id.startsWith('section:')).map((id) => id.slice('section:'.length)),
    ].filter((id) => id !== defaultSection),
  );
  // A section deleted here stays deleted (its entries moved, and their moves merge as changes), even
  // when this browser takes the backup's sections whole.
  const added = backup.sections.filter((s) => !localSections.has(s.id) && !gone.has(`section:${s.id}`));
  // A section renamed or moved later there than here takes that copy's name and place.
  const renamed = backup.sections.filter((s) => {
    const local = localSectionRows.get(s.id);
    if (local === undefined) return false;
    const [theirs, ours] = [s.updatedAt ?? 0, local.updatedAt ?? 0];
    // At the same time, the greater content: every copy settles on the same section.
    return (
      theirs > ours || (theirs === ours && JSON.stringify(sectionRecord(s)) > JSON.stringify(sectionRecord(local)))
    );
  });
  const sections = (whole ? backup.sections : [...added, ...renamed]).filter((s) => !deletedSections.has(s.id));
  summary.sectionsAdded = added.length;
  // Week notes merge like records; only their conflicts are counted (the other counts are of entries and sources).
  const weekCounts = { ...summary, conflicts: 0 };
  const weeks = merge(
    'week',
    backup.weeks,
    backup.weeks.map((w) => localWeeks.get(w.id)),
    weekCounts,
  );
  summary.conflicts += weekCounts.conflicts;
  // What the backup deleted for good goes here too, unless it changed here after that.
  const deletes: Tombstone[] = [];
  const deletedItems = new Set<string>();
  for (const tombstone of backup.tombstones.filter((t) => t.kind === 'item')) {
    const local = await db.items.get(tombstone.recordId);
    if (local && local.updatedAt <= tombstone.deletedAt) {
      summary.deletedThere++;
      deletes.push(tombstone);
      deletedItems.add(local.id);
    }
  }
  // A source goes only when no item that stays here (or arrives) still cites it.
  const citedByIncoming = new Set(itemWrites.flatMap((i) => i.sourceIds));
  for (const tombstone of backup.tombstones.filter((t) => t.kind === 'source')) {
    const local = await db.sources.get(tombstone.recordId);
    if (!local || local.updatedAt > tombstone.deletedAt || citedByIncoming.has(local.id)) continue;
    const citing = await db.items.where('sourceIds').equals(local.id).primaryKeys();
    if (citing.some((id) => !deletedItems.has(id as string))) continue;
    summary.deletedThere++;
    deletes.push(tombstone);
  }
  const sectionDeletes = [...deletedSections].filter((id) => localSections.has(id));
  // The sections as they will be: the backup's when taken whole, else ours with what arrives.
  const after = whole
    ? sections
    : [...new Map([...localSectionRows, ...sections.map((x) => [x.id, x] as const)]).values()];
  const remaining = after
    .filter((s) => !deletedSections.has(s.id) && s.kind !== 'references')
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const firstLeft = remaining[0]?.id;
  if (firstLeft && deletedSections.size > 0) {
    const writing = new Map(itemWrites.map((i, at) => [i.id, at]));
    for (const [at, item] of itemWrites.entries())
      if (deletedSections.has(item.sectionId)) itemWrites[at] = { ...item, sectionId: firstLeft };
    const stranded = await db.items.filter((i) => deletedSections.has(i.sectionId) && !writing.has(i.id)).toArray();
    for (const item of stranded) itemWrites.push({ ...item, sectionId: firstLeft });
  }
  // Pages adopted under the backup's id: every entry here that cites the old id cites the new one (its clock
  // kept: the same page under its team-wide id is no edit), and the old record goes.
  const relabel = new Map([...adopted].map(([id, local]) => [local.id, id]));
  const sourceDeletes = [...relabel.keys()];
  if (relabel.size > 0) {
    const cites = (item: Item) => item.sourceIds.some((id) => relabel.has(id));
    const relabelled = (item: Item) => ({
      ...item,
      sourceIds: [...new Set(item.sourceIds.map((id) => relabel.get(id) ?? id))],
    });
    const writing = new Set(itemWrites.map((i) => i.id));
    for (const [at, item] of itemWrites.entries()) if (cites(item)) itemWrites[at] = relabelled(item);
    const citing = await db.items.where('sourceIds').anyOf(sourceDeletes).distinct().toArray();
    for (const item of citing) if (!writing.has(item.id)) itemWrites.push(relabelled(item));
  }
  const tombstones = backup.tombstones.filter((t) => (gone.get(t.id) ?? -1) < t.deletedAt);
  return {
    summary,
    sourceDeletes,
    sourceWrites,
    itemWrites,
    sections,
    weeks,
    fresh,
    whole,
    deletes,
    sectionDeletes,
    tombstones,
    backup,
  };
}

/** What a restore would do, without writing anything (the dry run). */
export async function planRestore(
  db: ClipperDb,
  backup: Backup,
  now: number,
  mode?: RestoreMode,
): Promise<RestorePlan> {
  return db.transaction(
    'r',
    [db.sources, db.items, db.sections, db.weeks, db.settings, db.tombstones],
    async () => (await plan(db, backup, now, mode)).summary,
  );
}

/** Records written between two progress reports (and two looks at Cancel). */
const RESTORE_CHUNK = 500;

export interface RestoreProgress {
  /**
   * Records written so far of those the restore writes (sources, then items), then rows of the
   * search index written so far of those that change.
   */
  onProgress?: (done: number, total: number, stage: 'records' | 'index') => void;
  /** Aborting it before the last chunk rolls everything back (`restore.cancelled`). */
  signal?: AbortSignal;
}

/**
 * Merges a backup by id, newest `updatedAt` winning, in one transaction: all of it or none.
 * Restoring the same file twice changes nothing the second time. Sources and items are written in
 * chunks, with progress between them; cancelling throws inside the transaction, so nothing is kept.
 */
export async function applyRestore(
  db: ClipperDb,
  original: Backup,
  now: number,
  progress: RestoreProgress = {},
  mode?: RestoreMode,
): Promise<RestorePlan> {
  const { onProgress, signal } = progress;
  const stores = [db.sources, db.items, db.postings, db.sections, db.weeks, db.settings, db.tombstones];
  return db.transaction('rw', stores, async () => {
    const {
      summary,
      sourceWrites,
      sourceDeletes,
      itemWrites,
      sections,
      weeks,
      fresh,
      whole,
      deletes,
      sectionDeletes,
      tombstones,
      backup,
    } = await plan(db, original, now, mode);
    await db.tombstones.bulkPut(tombstones);
    const termChanges: TermChange[] = [];
    for (const tombstone of deletes) {
      if (tombstone.kind === 'item') {
        const gone = await db.items.get(tombstone.recordId);
        if (gone) termChanges.push({ id: gone.id, before: gone.terms });
        await db.items.delete(tombstone.recordId);
      } else {
        await db.sources.delete(tombstone.recordId);
      }
    }
    if (whole) {
      await db.sections.clear();
      await db.settings.put({ key: 'digest', value: backup.settings });
    }
    await db.sections.bulkPut(sections);
    if (sectionDeletes.length > 0) await db.sections.bulkDelete(sectionDeletes);
    await db.weeks.bulkPut(weeks);
    // Search keys come from the item and the sources it cites, as they are after the merge: the
    // items to (re)index are known before anything is written, so progress has its total from the start.
    const changedSources = new Set(sourceWrites.map((s) => s.id));
    const citing =
      changedSources.size > 0
        ? await db.items
            .where('sourceIds')
            .anyOf([...changedSources])
            .distinct()
            .toArray()
        : [];
    const toIndex = new Map<string, Item>(citing.map((i) => [i.id, i]));
    for (const item of itemWrites) toIndex.set(item.id, item);
    const items = [...toIndex.values()];
    // The search keys each item had before, so the index changes only where they differ.
    const stored = fresh ? [] : await db.items.bulkGet(items.map((i) => i.id));
    let done = 0;
    const total = sourceWrites.length + items.length;
    const inChunks = async <T>(records: T[], write: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < records.length; i += RESTORE_CHUNK) {
        if (signal?.aborted) throw new ClipInputError('restore.cancelled');
        const chunk = records.slice(i, i + RESTORE_CHUNK);
        await write(chunk);
        done += chunk.length;
        onProgress?.(done, total, 'records');
      }
    };
    await inChunks(sourceWrites, (chunk) => db.sources.bulkPut(chunk));
    if (sourceDeletes.length > 0) await db.sources.bulkDelete(sourceDeletes);
    const sourceIds = [...new Set(items.flatMap((i) => i.sourceIds))];
    const sources = new Map(
      (await db.sources.bulkGet(sourceIds)).filter((s): s is Source => s !== undefined).map((s) => [s.id, s]),
    );
    const indexed = items.map((item, n) => {
      const terms = itemTerms(
        item,
        item.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined),
      );
      termChanges.push({ id: item.id, before: stored[n]?.terms, after: terms });
      return { ...item, terms };
    });
    await inChunks(indexed, (chunk) => db.items.bulkPut(chunk));
    // Then the search index, all items at once (a common word's row is written once, not per chunk).
    await indexTerms(
      db.postings,
      termChanges,
      (rows, of) => {
        if (signal?.aborted) throw new ClipInputError('restore.cancelled');
        onProgress?.(rows, of, 'index');
      },
      // With no item before, the index holds no row to read first.
      fresh && (await db.postings.count()) === 0,
    );
    // The last look: a cancel that came during the last chunk still undoes it all.
    if (signal?.aborted) throw new ClipInputError('restore.cancelled');
    return summary;
  });
}
