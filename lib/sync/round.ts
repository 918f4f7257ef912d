import { ClipInputError, problemOf } from '../errors';
import { forgetSynced, getTeamStatus, updateTeamStatus } from '../store/team-records';
import type { TeamStatus } from '../types';
import {
  checkpointHeld,
  isOffline,
  localChanges,
  mergeDocs,
  pull,
  push,
  readChanges,
  type SkippedDoc,
  saveCheckpoint,
  type TeamContext,
} from './replicate';

/** Documents a status lists as skipped (the newest). */
const SKIPPED_LISTED = 20;

export interface RoundOptions {
  /** This browser's clock when it last looked for changes (0: everything). */
  scanFrom: number;
  /** Check the server still holds this browser's checkpoint (at start: a recreated database is sent everything again). */
  checkServer?: boolean;
}

/**
 * One round of team sync: everything new on the server merged here, then everything changed here sent,
 * then the checkpoint. The status (what the popup shows) is written after the round, and when it fails:
 * offline, signed out, or the server's problem with its time. A failed round loses nothing: what was
 * not sent is found again by the next one.
 */
export async function syncRound(ctx: TeamContext, options: RoundOptions): Promise<TeamStatus> {
  const status = await getTeamStatus(ctx.db);
  let since = status.since ?? '0';
  const skipped: SkippedDoc[] = [];
  try {
    if (options.checkServer && status.since !== undefined && !(await checkpointHeld(ctx))) {
      since = '0';
      await forgetSynced(ctx.db);
    }
    const start = since;
    if ((await ctx.db.items.count()) === 0 && (await ctx.db.sources.count()) === 0) {
      // A browser joining with nothing of its own takes the whole database in one merge: all of it or none,
      // and the search index written once (page by page it rewrote the common words' rows each time:
      // measured 2.6 times slower for 6,000 items).
      const docs: Record<string, unknown>[] = [];
      for (let more = true; more; ) {
        const page = await readChanges(ctx, since);
        docs.push(...page.docs);
        ({ since, more } = page);
      }
      skipped.push(...(await mergeDocs(ctx, docs)).skipped);
    } else
      for (;;) {
        const page = await pull(ctx, since);
        since = page.since;
        skipped.push(...page.skipped);
        if (!page.more) break;
      }
    const sent = await push(ctx, options.scanFrom);
    if (since !== start || status.since === undefined) await saveCheckpoint(ctx, since);
    return updateTeamStatus(ctx.db, (s) => ({
      ...s,
      state: sent.refused.length > 0 ? 'error' : 'synced',
      pending: sent.pending,
      since,
      lastSyncAt: ctx.now(),
      ...(sent.refused.length > 0
        ? {
            lastError: {
              ...problemOf(
                new ClipInputError('sync.refused', {
                  count: sent.refused.length,
                  reason: (sent.refused[0] as { reason: string }).reason,
                }),
              ),
              at: ctx.now(),
            },
          }
        : {}),
      ...withSkipped(s, skipped),
    }));
  } catch (error) {
    // What waits to be sent is known without the server: the indicator says "offline · n waiting".
    const pending = await localChanges(ctx, options.scanFrom).then(
      (c) => c.changed.length,
      () => undefined,
    );
    await failed(ctx, error, since, skipped, pending);
    throw error;
  }
}

function withSkipped(status: TeamStatus, skipped: SkippedDoc[]): Pick<TeamStatus, 'skipped'> {
  if (skipped.length === 0) return status.skipped ? { skipped: status.skipped } : {};
  return { skipped: [...(status.skipped ?? []), ...skipped].slice(-SKIPPED_LISTED) };
}

/** Writes what went wrong into the status; what was pulled before the failure stays pulled. */
export async function failed(
  ctx: TeamContext,
  error: unknown,
  since?: string,
  skipped: SkippedDoc[] = [],
  pending?: number,
) {
  const problem = problemOf(error);
  const state: TeamStatus['state'] = isOffline(error)
    ? 'offline'
    : problem.code === 'sync.signed-out'
      ? 'signed-out'
      : 'error';
  await updateTeamStatus(ctx.db, (s) => ({
    ...s,
    state,
    ...(since !== undefined ? { since } : {}),
    ...(pending !== undefined ? { pending } : {}),
    lastError: { code: problem.code, params: problem.params, at: ctx.now() },
    ...withSkipped(s, skipped),
  }));
}
