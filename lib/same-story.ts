import { bagLikeness } from './text';
import type { WeekItem } from './types';

/**
 * "Same story, other URL": when a page is clipped, the items of the week whose sources have a
 * title like it, so the editor can add the page as another source in one click. Titles are
 * compared as bags of tokens: Chinese as character pairs (no spaces to split on), other scripts
 * as words of three letters or more with a plural `s` dropped (short words say little).
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function titleTokens(title: string): string[] {
  const tokens: string[] = [];
  const text = title.normalize('NFKC').toLowerCase();
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu) ?? []) {
    if (CJK.test(run)) {
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i < run.length - 1; i++) tokens.push(run.slice(i, i + 2));
    } else if (run.length >= 3 || /\d/.test(run)) {
      tokens.push(run.length > 3 ? run.replace(/s$/, '') : run);
    }
  }
  return tokens;
}

/** Dice coefficient of two titles' token bags, 0 (nothing shared) to 1 (the same tokens). */
export function titleLikeness(a: string, b: string): number {
  return bagLikeness(titleTokens(a), titleTokens(b));
}

/** How alike two titles must be to be offered as one story (tuned on the tests' pairs, both languages). */
export const SAME_STORY_LIKENESS = 0.4;

/**
 * The week's item most likely to tell the same story as a page with this title, if any is alike
 * enough; items already citing the page (same canonical URL) are not offered.
 */
export function sameStoryItem(title: string, canonicalUrl: string, items: readonly WeekItem[]): WeekItem | undefined {
  let best: { item: WeekItem; score: number } | undefined;
  for (const item of items) {
    if (item.deletedAt || item.sources.length === 0) continue;
    if (item.sources.some((s) => s.canonicalUrl === canonicalUrl)) continue;
    const score = Math.max(...item.sources.map((s) => titleLikeness(title, s.title)));
    if (score >= SAME_STORY_LIKENESS && (!best || score > best.score)) best = { item, score };
  }
  return best?.item;
}
