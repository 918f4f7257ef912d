// How `npm run eval:metadata` compares an extracted field with a corpus label
// (docs/metadata-accuracy.md, "Normalisation"). Kept apart from the runner so it can be tested.

export type Field = 'title' | 'author' | 'date' | 'source';

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const loose = (s: string) =>
  squash(s)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
const dayOf = (s: string | undefined) => /\d{4}-\d{2}-\d{2}/.exec(s ?? '')?.[0] ?? '';

/**
 * The names in an author field, as a sorted list. Split before punctuation is dropped: the comma
 * between two names is punctuation too, and dropping it first ran the names together.
 */
export function authorsOf(s: string): string[] {
  return (
    squash(s)
      .replace(/^(by|von|par|por)\s+/i, '')
      // `、` and `，` part Chinese co-authors (王建宏、张文攀).
      .split(/\s*(?:;|,|&|、|，|\s\/\s|\b(?:and|und|et|y)\b)\s*/i)
      .map(loose)
      .filter(Boolean)
      .sort()
  );
}

/**
 * What an editor sees of a field: right (the label, at least leniently), missing (nothing where the
 * page has a value: seen and filled in) or wrong (a value that is not the label, not even leniently,
 * or any value where the label says there is none: it slips into the digest).
 */
export type Outcome = 'right' | 'wrong' | 'missing';

export interface Scored {
  exact: boolean;
  lenient: boolean;
  outcome: Outcome;
}

export function score(field: Field, expected: string, got: string | undefined): Scored {
  const value = got ?? '';
  const { exact, lenient } = compare(field, expected, value);
  const outcome: Outcome = lenient ? 'right' : value.trim() === '' ? 'missing' : 'wrong';
  return { exact, lenient, outcome };
}

function compare(field: Field, expected: string, value: string): { exact: boolean; lenient: boolean } {
  if (field === 'date') {
    const ok = dayOf(expected) === dayOf(value);
    return { exact: ok, lenient: ok };
  }
  if (!expected.trim()) {
    const ok = !value.trim();
    return { exact: ok, lenient: ok };
  }
  if (field === 'author') {
    const want = authorsOf(expected);
    const have = authorsOf(value);
    const exact = want.join('|') === have.join('|');
    return {
      exact,
      lenient: exact || (have.length > 0 && want.every((a) => have.some((h) => h.includes(a) || a.includes(h)))),
    };
  }
  const exact = squash(expected) === squash(value);
  const a = loose(expected);
  const b = loose(value);
  return {
    exact,
    lenient:
      exact ||
      a === b ||
      (b.length > 0 &&
        (a.includes(b) || b.includes(a)) &&
        Math.min(a.length, b.length) / Math.max(a.length, b.length) > 0.6),
  };
}
