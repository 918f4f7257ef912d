/**
 * Search keys for an item. Latin words are kept whole (lower-cased) and found by prefix
 * through the index; Chinese, Japanese and Korean text has no spaces between words, so it is
 * indexed as overlapping character pairs, and a one-character query finds them by prefix.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;
const MAX_TERMS = 2000;

export interface QueryToken {
  /** The string looked up in the index. */
  key: string;
  /** Whether the key must match a whole term (pairs) or may be a prefix (words, one CJK char). */
  prefix: boolean;
}

function runs(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(TOKEN) ?? [];
}

function pairs(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The distinct index keys for some text. */
export function termsOf(...texts: (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const run of runs(text ?? '')) {
      if (CJK.test(run)) for (const pair of pairs(run)) terms.add(pair);
      else if (run.length <= 40) terms.add(run);
      if (terms.size >= MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}

/** How a query is looked up: every token must match for an item to be found. */
export function queryTokens(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  for (const run of runs(query)) {
    if (CJK.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) tokens.push({ key: run, prefix: true });
      else for (const pair of pairs(run)) tokens.push({ key: pair, prefix: false });
    } else {
      tokens.push({ key: run, prefix: true });
    }
  }
  return tokens;
}

/** The text an item is searched by: what the editor wrote and what its sources say. */
export function searchableText(
  item: { summary: string; note: string; tags: readonly string[] },
  sources: readonly { title: string; source: string; quotes: readonly { text: string }[] }[],
): string[] {
  return [
    item.summary,
    item.note,
    item.tags.join(' '),
    ...sources.flatMap((s) => [s.title, s.source, ...s.quotes.map((q) => q.text)]),
  ];
}

/** An item's search keys: the one place they are derived, for saves, edits, restores and upgrades. */
export function itemTerms(...args: Parameters<typeof searchableText>): string[] {
  return termsOf(...searchableText(...args));
}

/** The search keys of a clip of schema version 2 (kept for its upgrade test). */
export function legacyClipTerms(clip: {
  title: string;
  summary: string;
  note: string;
  source: string;
  tags: readonly string[];
  quotes: readonly { text: string }[];
}): string[] {
  return termsOf(
    clip.title,
    clip.summary,
    clip.note,
    clip.source,
    clip.tags.join(' '),
    ...clip.quotes.map((q) => q.text),
  );
}
