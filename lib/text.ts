// C0/C1 controls and bidi overrides a page could use to garble our UI or the draft.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of page text: controls removed, whitespace folded, length bounded. */
export function cleanLine(value: unknown, max = 500): string {
  if (typeof value !== 'string') return '';
  const line = value.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Multi-line page text (a selection): controls removed, paragraph breaks kept. */
export function cleanBlock(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Markdown the editor writes (notes, lede, closing): controls removed and trailing spaces cut,
 * but indentation and spacing inside lines kept, since Markdown gives them meaning.
 */
export function cleanMarkdown(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(CONTROL, '')
      .split('\n')
      // trimEnd, not /\s+$/: the regex retries from every blank of a run that does not end its line
      // (40,000 spaces inside a line took 2.5 s); trimEnd removes exactly what \s matches, in one pass.
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .trimEnd()
  );
}

/**
 * How alike two bags of tokens are: twice the tokens they share (counting repeats) over both sizes
 * (Dice), 0 when either is empty. Used for quotes against a page and for titles of one story.
 */
export function bagLikeness(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(token, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** A stable 32-bit hash of text (FNV-1a over its UTF-16 units): ids derived from text, index shards. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A 64-bit hash of text as 16 hex digits (two FNV-1a passes with different starts): tells whether a
 * record changed since a team database last had it (lib/sync/), where 32 bits would meet by chance.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
