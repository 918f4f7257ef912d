/** How much the bench does: `--quick` shrinks the data and runs once (CI: proves it runs, no timings). */
export const quick = process.argv.includes('--quick');
export const RUNS = quick ? 1 : 9;
export const BIG = quick ? 2_000 : 50_000;
export const SMALL = 50;

/**
 * The budgets the issues set, for the full run's figures (quick mode measures other sizes, so its
 * lines carry none). `max`: the figure must not exceed it; `min`: it must reach it.
 */
export const BUDGETS: Readonly<Record<string, { max?: number; min?: number }>> = {
  search_50000_clips: { max: 50 },
  backup_export_50000_clips: { max: 2_000 },
  backup_import_50000_clips: { max: 5_000 },
  render_week_1000_items: { max: 20 },
  // Decided with the team: 150 kB, room for team sync and the writing help (loaded only where used).
  zip_chrome: { max: 150 },
  popup_week_view_50000_over_50: { max: 1.3 },
  bundle_popup_initial_gzip: { max: 50 },
  bundle_clipper_gzip: { max: 12 },
  readability_over_extract: { min: 100 },
  // Issue 26: live within 2 s; a first sync and a restore within 1.5× a raw IndexedDB write of the records.
  team_save_to_other_screen: { max: 2_000 },
  team_first_sync_over_floor: { max: 1.5 },
  restore_over_floor: { max: 1.5 },
};

/** One figure, one JSON line; with its budget and whether it is within, where the issues set one. */
export function emit(metric: string, value: number, unit: string) {
  const budget = BUDGETS[metric];
  const line: Record<string, unknown> = { metric, value: Number(value.toPrecision(4)), unit };
  if (budget) {
    line.budget = budget.max ?? budget.min;
    line.within = budget.max !== undefined ? value <= budget.max : value >= (budget.min as number);
  }
  console.log(JSON.stringify(line));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
