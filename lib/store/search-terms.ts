/**
 * Search keys for an item. Words of letters and digits (any script but Chinese, Japanese and
 * Korean) are kept lower-cased, their first 40 characters, and found by prefix through the index;
 * a word glued to Chinese (`OpenAI发布GPT-5`) is a word of its own. Chinese, Japanese and Korean text
 * has no spaces between words, so it is indexed as overlapping character pairs plus each run's last
 * character, and a one-character query finds them by prefix.
 *
 * What a query finds (searchItems checks it on the text): every word of the query occurs in the
 * item's text, starting a word when it starts with a letter or digit of a spaced script. The keys
 * never miss such an item; tests/integration/store/search.model.test.ts compares with a plain scan.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;
/** Keys kept per item; an item with more is marked CAPPED_TERM and is a candidate for every query. */
export const MAX_TERMS = 2000;
/** The key of items whose keys were capped (never a word: terms hold letters and digits only). */
export const CAPPED_TERM = '\u0002';
/** Characters of a word kept in its key (a query's longer word is looked up by its first ones). */
const WORD_KEY = 40;

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

/** A word's key: its first characters (whole code points). */
const wordKey = (run: string) => (run.length <= WORD_KEY ? run : Array.from(run).slice(0, WORD_KEY).join(''));

/** The distinct index keys for some text. */
export function termsOf(...texts: (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const run of runs(text ?? '')) {
      if (CJK.test(run)) {
        for (const pair of pairs(run)) terms.add(pair);
        // The run's last character starts no pair: a one-character query looks it up by prefix.
        terms.add(Array.from(run).pop() as string);
      } else terms.add(wordKey(run));
      if (terms.size >= MAX_TERMS) return [...terms, CAPPED_TERM];
    }
  }
  return [...terms];
}

/** A letter or digit of a spaced script: what a word is made of. */
const WORD_CHAR = /^(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])/u;

/** A query's words as searchItems compares them with an item's text: lower-cased, NFKC, split at spaces. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .normalize('NFKC')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/**
 * Whether a query word occurs in some text (lower-cased, NFKC): anywhere, or at the start of a word
 * when the query word starts with a letter or digit of a spaced script (`gpt` finds `发布GPT-5` and
 * `GPT`, not `chatgpt`).
 */
export function hasWord(text: string, word: string): boolean {
  if (!WORD_CHAR.test(word)) return text.includes(word);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    // The character before, whole even when it is a surrogate pair.
    const before = Array.from(text.slice(Math.max(0, at - 2), at)).pop();
    if (before === undefined || !WORD_CHAR.test(before)) return true;
  }
  return false;
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
      tokens.push({ key: wordKey(run), prefix: true });
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
