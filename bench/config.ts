/** How much the bench does: `--quick` shrinks the data and runs once (CI: proves it runs, no timings). */
export const quick = process.argv.includes('--quick');
export const RUNS = quick ? 1 : 9;
export const BIG = quick ? 2_000 : 50_000;
export const SMALL = 50;

/** One figure, one JSON line. */
export function emit(metric: string, value: number, unit: string) {
  console.log(JSON.stringify({ metric, value: Number(value.toPrecision(4)), unit }));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
