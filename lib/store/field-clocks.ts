import { RECORD_LIMITS } from '../record-limits';
import type { Clocked, ConflictValue, FieldClock, FieldConflict, Quote } from '../types';

/**
 * Per-field change clocks and the field-by-field merge (docs/data-safety.md, "Merging").
 *
 * A stamp is `<time>@<browser>`: the time is hybrid logical (the record's `updatedAt`, which a write
 * never lowers and a restore raises to the newest stamp it brings), the browser is this database's
 * replica id. A field's clock also keeps the stamp its run of changes in this browser started from
 * (`base`): that is how a merge tells "changed after the other copy's value" (take it, or keep
 * ours) from "changed on both sides" (a true conflict, shown to the editor).
 */

/** The fields each kind of record merges one by one; anything else is fixed at creation or derived. */
export const CLOCKED_FIELDS = {
  item: ['weekId', 'sectionId', 'order', 'summary', 'note', 'tags', 'sourceIds', 'shownQuotes', 'drafted', 'deletedAt'],
  source: ['pageUrl', 'canonicalUrl', 'title', 'source', 'author', 'publishedAt', 'excerpt', 'lang', 'quotes'],
  week: ['lede', 'closing', 'published'],
} as const;

export type RecordKind = keyof typeof CLOCKED_FIELDS;

/**
 * Fields the editor writes: changed on both sides, the other value is kept for the editor to
 * choose. Placement (week, section, order, trash) and the list of sources take the later change.
 */
export const CONFLICT_FIELDS = {
  item: ['summary', 'note', 'tags'],
  source: ['title', 'source', 'author', 'publishedAt', 'excerpt'],
  week: ['lede', 'closing'],
} as const;

export type ConflictField = (typeof CONFLICT_FIELDS)[RecordKind][number];

const STAMP = /^(\d{1,16})@([0-9a-z]{0,16})$/;

export const isStamp = (text: string): boolean => STAMP.test(text);

export function makeStamp(time: number, replica: string): string {
  return `${Math.max(0, Math.floor(time))}@${replica}`;
}

export function stampTime(stamp: string): number {
  return Number(stamp.slice(0, stamp.indexOf('@')));
}

function stampReplica(stamp: string): string {
  return stamp.slice(stamp.indexOf('@') + 1);
}

/** What a value follows: its own `seen` and the given stamps, the newest change of each browser (keys sorted). */
function seenWith(seen: Record<string, number> | undefined, ...stamps: (string | undefined)[]): Record<string, number> {
  const out: Record<string, number> = { ...seen };
  for (const stamp of stamps) {
    if (stamp === undefined) continue;
    const replica = stampReplica(stamp);
    out[replica] = Math.max(out[replica] ?? -1, stampTime(stamp));
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Each browser's newest time in either map. */
function maxOf(a: Record<string, number> = {}, b: Record<string, number> = {}): Record<string, number> {
  const out = { ...a };
  for (const [replica, time] of Object.entries(b)) out[replica] = Math.max(out[replica] ?? -1, time);
  return out;
}

/** Whether a value with this clock was made knowing the change `stamp`. */
function hasSeen(clock: FieldClock, stamp: string): boolean {
  const time = clock.seen?.[stampReplica(stamp)];
  return time !== undefined && time >= stampTime(stamp);
}

/** Orders stamps by time, then by browser, so two browsers never hold equal-but-different stamps. */
export function compareStamps(a: string, b: string): number {
  const byTime = stampTime(a) - stampTime(b);
  if (byTime !== 0) return byTime;
  const ra = stampReplica(a);
  const rb = stampReplica(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/**
 * A field's clock. A record written before clocks existed (no `clocks` at all) counts every field
 * as changed at its `updatedAt`; a record with clocks counts a field without one as unchanged
 * since creation. Neither names a browser: both copies of such a record agree on it.
 */
export function clockOf(record: Clocked, field: string): FieldClock {
  const own = record.clocks?.[field];
  if (own) return own;
  return { at: makeStamp(record.clocks ? (record.createdAt ?? 0) : record.updatedAt, '') };
}

const fieldValue = (record: object, field: string): unknown => (record as Record<string, unknown>)[field];

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The record as written now, with a clock on each field that differs from `before`. `after.updatedAt`
 * is the write's time (already past `before`'s). A new record starts with empty clocks: every field
 * dates from its creation.
 */
export function stampChanges<T extends Clocked>(kind: RecordKind, before: T | undefined, after: T, replica: string): T {
  if (!before) {
    // Items and sources get new ids, so only one browser creates each. A week's note is named by
    // its week and can be begun in two browsers: its first text is a change like any other.
    if (kind !== 'week') return { ...after, clocks: { ...after.clocks } };
    return stampChanges(kind, { updatedAt: 0, clocks: {} } as unknown as T, after, replica);
  }
  // A record from before clocks existed: every field gets the time it was last known to change.
  const clocks: Record<string, FieldClock> = before.clocks
    ? { ...before.clocks }
    : Object.fromEntries(CLOCKED_FIELDS[kind].map((f) => [f, clockOf(before, f)]));
  const at = makeStamp(after.updatedAt, replica);
  let conflicts = after.conflicts;
  for (const field of CLOCKED_FIELDS[kind]) {
    if (sameValue(fieldValue(before, field), fieldValue(after, field))) continue;
    const previous = clockOf(before, field);
    // A run of changes in this browser keeps the stamp it started from.
    let base = stampReplica(previous.at) === replica ? previous.base : previous.at;
    // A field whose card showed the other copy's value too: the editor's new value follows both, as a
    // choice does (settleConflict), so the conflict closes here and wherever this change goes.
    const open = (conflicts ?? []).filter((c) => c.field === field);
    if (open.length > 0) {
      const foreign = [base, ...open.map((c) => c.at)].filter(
        (stamp): stamp is string => stamp !== undefined && stampReplica(stamp) !== replica,
      );
      base = foreign.sort(compareStamps).pop() ?? base;
      conflicts = (conflicts ?? []).filter((c) => c.field !== field);
    }
    // The new value follows the one it replaced and everything that one followed (and, over a conflict, both).
    const seen = seenWith(previous.seen, previous.at, ...open.map((c) => c.at));
    clocks[field] = base === undefined ? { at, seen } : { at, base, seen };
  }
  const out = { ...after, clocks };
  if (conflicts === after.conflicts) return out;
  if (conflicts && conflicts.length > 0) out.conflicts = conflicts;
  else delete out.conflicts;
  return out;
}

type Order = 'take' | 'keep' | 'both';

/** Whether the incoming change follows ours (take), ours follows it (keep), or both changed (both). */
function order(mine: FieldClock, theirs: FieldClock): Order {
  if (theirs.base === mine.at || hasSeen(theirs, mine.at)) return 'take';
  if (mine.base === theirs.at || hasSeen(mine, theirs.at)) return 'keep';
  // Changes from one browser happen one after the other.
  if (stampReplica(mine.at) === stampReplica(theirs.at)) return compareStamps(theirs.at, mine.at) > 0 ? 'take' : 'keep';
  // Both clocks say what they followed: neither followed the other, so both changed.
  if (mine.seen && theirs.seen) return 'both';
  // Clocks from before `seen`: a value made from a newer base than the other value is taken to follow it
  // (true when the clocks agree; a clock far behind could make a change made meanwhile look older).
  if (mine.base !== undefined && stampTime(theirs.at) <= stampTime(mine.base)) return 'keep';
  if (theirs.base !== undefined && stampTime(mine.at) <= stampTime(theirs.base)) return 'take';
  return 'both';
}

/**
 * Whether a field's clock follows a change (`stamp`): it was made from it (its base), or later in the
 * same browser, which had that change before it. A conflict over a change that the field's current
 * value follows is settled: the editor there chose, knowing both sides.
 */
function follows(clock: FieldClock, stamp: string): boolean {
  if (clock.base === stamp || hasSeen(clock, stamp)) return true;
  return stampReplica(clock.at) === stampReplica(stamp) && compareStamps(clock.at, stamp) > 0;
}

export interface RecordMerge<T> {
  record: T;
  /** Fields whose value now comes from the other copy. */
  taken: string[];
  /** Fields changed on both sides, newly kept for the editor to choose. */
  conflicts: string[];
  /** Anything to write (values, clocks or conflicts). */
  changed: boolean;
}

/** Both copies' quotes, each text once, oldest first (then by text): the same list whichever copy merges. */
function quoteUnion(mine: Quote[], theirs: Quote[]): Quote[] {
  // One text selected in both browsers is one quote: the earlier selection (then the smaller record) is kept.
  const byText = new Map<string, Quote>();
  for (const quote of [...mine, ...theirs]) {
    const kept = byText.get(quote.text);
    const earlier =
      !kept ||
      quote.createdAt < kept.createdAt ||
      (quote.createdAt === kept.createdAt && JSON.stringify(quote) < JSON.stringify(kept));
    if (earlier) byText.set(quote.text, quote);
  }
  return [...byText.values()].sort(
    (a, b) => a.createdAt - b.createdAt || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}

const asConflictValue = (value: unknown): ConflictValue => (value === undefined ? null : (value as ConflictValue));

/**
 * Merges the other copy of a record into ours, field by field. Nothing is lost: a field changed on
 * both sides keeps the later change and records the other as a conflict (the same on every copy);
 * quotes are united.
 */
export function mergeRecord<T extends Clocked>(kind: RecordKind, mine: T, theirs: T): RecordMerge<T> {
  const out = { ...mine } as Record<string, unknown>;
  const clocks: Record<string, FieldClock> = { ...mine.clocks };
  const conflicts: FieldConflict[] = [...(mine.conflicts ?? [])];
  const known = (field: string, at: string) => conflicts.some((c) => c.field === field && c.at === at);
  const result: RecordMerge<T> = { record: out as unknown as T, taken: [], conflicts: [], changed: false };
  let clocksTouched = !mine.clocks && !!theirs.clocks;
  const conflictFields: readonly string[] = CONFLICT_FIELDS[kind];
  for (const field of CLOCKED_FIELDS[kind]) {
    const ours = clockOf(mine, field);
    const other = clockOf(theirs, field);
    const mineValue = fieldValue(mine, field);
    const theirValue = fieldValue(theirs, field);
    clocks[field] = ours;
    if (sameValue(mineValue, theirValue)) {
      // The same value: keep the later clock, so both copies agree on where it came from, following what
      // either followed (both copies then compute the same clock).
      const later = compareStamps(other.at, ours.at) > 0 ? other : ours;
      const earlier = later === other ? ours : other;
      const clock: FieldClock =
        later.seen || earlier.seen
          ? {
              ...later,
              seen: seenWith(maxOf(later.seen, earlier.seen), later.at === earlier.at ? undefined : earlier.at),
            }
          : later;
      if (JSON.stringify(clock) !== JSON.stringify(ours)) {
        clocks[field] = clock;
        clocksTouched = true;
      }
      continue;
    }
    if (field === 'quotes') {
      const union = quoteUnion(mineValue as Quote[], theirValue as Quote[]);
      if (compareStamps(other.at, ours.at) > 0) clocks[field] = other;
      if (!sameValue(union, mineValue)) {
        out.quotes = union;
        result.taken.push(field);
      }
      continue;
    }
    let decision = order(ours, other);
    if (decision === 'both' && !conflictFields.includes(field))
      decision = compareStamps(other.at, ours.at) > 0 ? 'take' : 'keep';
    if (decision === 'take') {
      if (theirValue === undefined) delete out[field];
      else out[field] = theirValue;
      clocks[field] = other;
      result.taken.push(field);
    } else if (decision === 'both' && compareStamps(other.at, ours.at) > 0) {
      // Changed on both sides: every copy keeps the later change and shows the other, so all copies
      // agree on the value and on the conflict whichever way the exchange ran.
      if (theirValue === undefined) delete out[field];
      else out[field] = theirValue;
      clocks[field] = other;
      result.taken.push(field);
      if (!known(field, ours.at)) {
        conflicts.push({ field, value: asConflictValue(mineValue), at: ours.at });
        result.conflicts.push(field);
      }
    } else if (decision === 'both' && !known(field, other.at)) {
      conflicts.push({ field, value: asConflictValue(theirValue), at: other.at });
      result.conflicts.push(field);
    }
  }
  // Their copy's open conflicts stay open here too.
  for (const conflict of theirs.conflicts ?? [])
    if (!known(conflict.field, conflict.at)) {
      conflicts.push(conflict);
      result.conflicts.push(conflict.field);
    }
  // A conflict whose value the record now has is settled, and so is one that the field's value follows
  // (settled in the other copy: its choice there follows both sides, so it closes here too).
  const open = conflicts.filter(
    (c) =>
      !sameValue(asConflictValue(fieldValue(out, c.field)), c.value) &&
      !follows(clocks[c.field] ?? clockOf(mine, c.field), c.at),
  );
  // Bounded like every list a record holds: the newest changes are kept (a file could bring hundreds).
  if (open.length > RECORD_LIMITS.conflicts) {
    const newest = new Set([...open].sort((a, b) => compareStamps(a.at, b.at)).slice(-RECORD_LIMITS.conflicts));
    open.splice(0, open.length, ...open.filter((c) => newest.has(c)));
  }
  // One value offered twice (changed twice to it) is one choice, its newest stamp kept; and the same order
  // on every copy, by field and time.
  const offered = new Map<string, FieldConflict>();
  for (const c of open) {
    const key = `${c.field}\u0000${JSON.stringify(c.value)}`;
    const kept = offered.get(key);
    if (!kept || compareStamps(c.at, kept.at) > 0) offered.set(key, c);
  }
  const choices = [...offered.values()].sort((a, b) =>
    a.field === b.field ? compareStamps(a.at, b.at) : a.field < b.field ? -1 : 1,
  );
  if (choices.length > 0) out.conflicts = choices;
  else delete out.conflicts;
  out.clocks = clocks;
  // Where a source's field value came from follows the value.
  const mineOrigins = (mine as { origins?: Record<string, string> }).origins;
  const theirOrigins = (theirs as { origins?: Record<string, string> }).origins;
  let originsChanged = false;
  if (mineOrigins || theirOrigins) {
    const origins: Record<string, string> = { ...mineOrigins };
    for (const field of result.taken) {
      const origin = theirOrigins?.[field];
      if (origin) origins[field] = origin;
      else delete origins[field];
    }
    originsChanged = !sameValue(origins, mineOrigins ?? {});
    if (Object.keys(origins).length > 0) out.origins = origins;
    else delete out.origins;
  }
  // One page clipped in two browsers: it was first clipped when the earlier of them did.
  const created = (mine as { createdAt?: number }).createdAt;
  const theirCreated = (theirs as { createdAt?: number }).createdAt;
  const earlier = theirCreated !== undefined && created !== undefined && theirCreated < created;
  if (earlier) out.createdAt = theirCreated;
  const newest = Math.max(mine.updatedAt, theirs.updatedAt, ...Object.values(clocks).map((c) => stampTime(c.at)));
  out.updatedAt = newest;
  result.changed =
    result.taken.length > 0 ||
    earlier ||
    originsChanged ||
    clocksTouched ||
    newest !== mine.updatedAt ||
    !sameValue(mine.conflicts ?? [], choices) ||
    result.conflicts.length > 0;
  if (!result.changed) result.record = mine;
  return result;
}

/**
 * Settles a conflict as the editor chose: their value or ours. Either way the choice is a new
 * change that follows both sides, so merging either copy again does not raise it again.
 */
export function settleConflict<T extends Clocked>(
  record: T,
  field: string,
  at: string,
  choice: 'mine' | 'theirs',
  now: number,
  replica: string,
  /** Checks their value by the rules an edit of the field follows (throws to refuse it). */
  check: (value: ConflictValue) => ConflictValue = (value) => value,
): T {
  const conflict = record.conflicts?.find((c) => c.field === field && c.at === at);
  if (!conflict) return record;
  const out = { ...record } as Record<string, unknown>;
  if (choice === 'theirs') {
    const value = check(conflict.value);
    if (value === null) delete out[field];
    else out[field] = value;
    // Where their value came from is not known here.
    const origins = { ...(record as { origins?: Record<string, string> }).origins };
    if (field in origins) {
      delete origins[field];
      if (Object.keys(origins).length > 0) out.origins = origins;
      else delete out.origins;
    }
  }
  const updatedAt = Math.max(now, record.updatedAt + 1, stampTime(at) + 1);
  out.updatedAt = updatedAt;
  // The settled value follows both changes: this browser's own by being newer (same browser), the other
  // browser's by naming it as its base. Either one may be the value shown (the later change is shown),
  // so the base is whichever of the two came from another browser.
  const shown = record.clocks?.[field]?.at;
  const foreign = [shown, at].filter((s): s is string => s !== undefined && stampReplica(s) !== replica);
  const base = foreign.sort(compareStamps).pop() ?? at;
  const seen = seenWith(record.clocks?.[field]?.seen, shown, at);
  out.clocks = { ...record.clocks, [field]: { at: makeStamp(updatedAt, replica), base, seen } };
  const open = (record.conflicts ?? []).filter((c) => c !== conflict);
  if (open.length > 0) out.conflicts = open;
  else delete out.conflicts;
  return out as unknown as T;
}
