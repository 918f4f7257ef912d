/** Tags as typed: separated by commas (also the Chinese ones), trimmed, no empties. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
