import { ClipInputError } from '../errors';
import { MAX_LEARNED_RULES, validLearnedRule } from '../record-rules';
import type { DigestSettings, LearnedField, LearnedRule, WeekNote } from '../types';
import { rebucketWeekId } from '../week';
import type { ClipperDb } from './db';
import { SHARED_SETTINGS } from './defaults';
import { getSettings } from './settings-read';

// Saving settings is the options page's work; the reads the popup starts with live in
// settings-read.ts (re-exported here), so the popup's start-up script carries no writes.
export { backupOverdue, getLocalMeta, getSettings, recordBackup } from './settings-read';

/**
 * Week notes filed under the weeks that now hold most of their days. Two old weeks never meet in one
 * new week (both are seven days long); should they, the texts are joined rather than one lost.
 * Moved notes are stamped `now`; without it (a restore: moving is not an edit) they keep their clocks.
 */
export function rebucketWeeks(weeks: readonly WeekNote[], weekStartsOn: number, now?: number): WeekNote[] {
  const out = new Map<string, WeekNote>();
  for (const week of weeks) {
    const id = rebucketWeekId(week.id, weekStartsOn);
    // Stamped now, never earlier than it was (this clock may run behind the one that wrote it).
    const moved: WeekNote =
      id === week.id
        ? week
        : { ...week, id, updatedAt: now === undefined ? week.updatedAt : Math.max(now, week.updatedAt + 1) };
    const there = out.get(id);
    if (!there) {
      out.set(id, moved);
      continue;
    }
    // The same text twice (one note reached both weeks by two ways) is kept once.
    const join = (a?: string, b?: string) => [...new Set([a, b].filter((t) => t?.trim()))].join('\n\n');
    const merged: WeekNote = {
      id,
      lede: join(there.lede, moved.lede),
      updatedAt: Math.max(now ?? 0, there.updatedAt, moved.updatedAt),
    };
    const closing = join(there.closing, moved.closing);
    if (closing) merged.closing = closing;
    out.set(id, merged);
  }
  return [...out.values()];
}

/**
 * Saves settings. A new first day of the week moves every item, and every week's lede and
 * closing, to the week that now holds most of its old week's days, so nothing falls between weeks;
 * what moved is stamped `now`, so a merge knows it changed.
 */
export async function updateSettings(
  db: ClipperDb,
  patch: Partial<DigestSettings>,
  now: number,
): Promise<DigestSettings> {
  return db.transaction('rw', db.settings, db.items, db.weeks, async () => {
    const current = await getSettings(db);
    const next = { ...current, ...patch };
    // A change to what the team shares is stamped, so team sync takes the later settings (lib/sync/).
    const shared = SHARED_SETTINGS.some((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
    if (shared && patch.sharedAt === undefined) next.sharedAt = Math.max(now, (current.sharedAt ?? 0) + 1);
    if (!Number.isInteger(next.weekStartsOn) || next.weekStartsOn < 0 || next.weekStartsOn > 6) {
      throw new ClipInputError('settings.week-start');
    }
    if (next.timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: next.timeZone });
      } catch {
        throw new ClipInputError('settings.time-zone', { zone: next.timeZone });
      }
    }
    await db.settings.put({ key: 'digest', value: next });
    if (next.weekStartsOn !== current.weekStartsOn) {
      await db.items.toCollection().modify((item) => {
        const weekId = rebucketWeekId(item.weekId, next.weekStartsOn);
        if (weekId === item.weekId) return;
        item.weekId = weekId;
        // Never earlier than it was: a later edit here is stamped after it (nextStamp), and must stay
        // after every change the item already holds, whatever this browser's clock says.
        item.updatedAt = Math.max(now, item.updatedAt + 1);
      });
      const weeks = await db.weeks.toArray();
      await db.weeks.clear();
      await db.weeks.bulkPut(rebucketWeeks(weeks, next.weekStartsOn, now));
    }
    return next;
  });
}

/**
 * Keeps where a field is on a site's pages (lib/capture/learned.ts), replacing what was learned for that
 * site and field before: a wrong learned rule is corrected the same way it was made.
 */
export async function learnRules(db: ClipperDb, rules: readonly LearnedRule[], now: number): Promise<LearnedRule[]> {
  const valid = rules.map(validLearnedRule).filter((rule): rule is LearnedRule => rule !== undefined);
  if (valid.length === 0) return [];
  return db.transaction('rw', db.settings, db.items, db.weeks, async () => {
    const current = (await getSettings(db)).learnedSites ?? [];
    const replaced = (r: LearnedRule) => valid.some((v) => v.site === r.site && v.field === r.field);
    // Newest last; the oldest go first when there are too many.
    const next = [...current.filter((r) => !replaced(r)), ...valid].slice(-MAX_LEARNED_RULES);
    await updateSettings(db, { learnedSites: next }, now);
    return valid;
  });
}

/** Forgets what was learned for a site's field: the general rules read it again. */
export async function forgetRule(db: ClipperDb, site: string, field: LearnedField, now: number): Promise<void> {
  await db.transaction('rw', db.settings, db.items, db.weeks, async () => {
    const current = (await getSettings(db)).learnedSites ?? [];
    await updateSettings(db, { learnedSites: current.filter((r) => r.site !== site || r.field !== field) }, now);
  });
}
