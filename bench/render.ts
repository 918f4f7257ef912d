import { renderDigest } from '../lib/digest/markdown-writer';
import { DEFAULT_SECTIONS, DEFAULT_SETTINGS } from '../lib/store/defaults';
import { emit, median, quick, RUNS } from './config';
import { makeRecords, weekItems } from './fixtures';

/** Rendering a week of 100, 1,000 and 10,000 items, in Node. */
export function renderFigures() {
  const week = '2026-01-26';
  const perSize = (n: number) => {
    const items = weekItems(makeRecords(n, week, n)).map((c) => ({ ...c, summary: `${c.summary}。` }));
    const input = { weekId: week, items, sections: [...DEFAULT_SECTIONS], settings: DEFAULT_SETTINGS, timeZone: 'UTC' };
    // A few warm-up renders and many timed ones: on a shared 2-core machine one slow run in nine moves a median.
    for (let i = 0; i < (quick ? 1 : 4); i++) renderDigest(input);
    const times: number[] = [];
    for (let i = 0; i < (quick ? 3 : n > 1_000 ? RUNS : 25); i++) {
      const t1 = performance.now();
      renderDigest(input);
      times.push(performance.now() - t1);
    }
    return median(times);
  };
  const t100 = perSize(100);
  const t1000 = perSize(1_000);
  const t10000 = perSize(quick ? 2_000 : 10_000);
  emit('render_week_100_items', t100, 'ms');
  emit('render_week_1000_items', t1000, 'ms');
  emit(`render_week_${quick ? 2000 : 10000}_items`, t10000, 'ms');
  emit('render_growth_10000_vs_100_per_item', t10000 / (quick ? 20 : 100) / t100, 'ratio');
}
