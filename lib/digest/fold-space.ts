// Whitespace other than single spaces between words: only then is there anything to fold.
const UNFOLDED = /[^\S ]| {2}|^ | $/;

/**
 * Runs of whitespace folded to one space, ends trimmed. Most text is already so, and a
 * week's draft folds every line it writes: testing first spares a copy of each.
 */
export function foldSpace(text: string): string {
  return UNFOLDED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
