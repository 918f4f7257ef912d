/**
 * A link to a quote's place on its page: a text fragment (`#:~:text=start,end`), which browsers
 * that support it scroll to and highlight; the others open the page as usual.
 */

// Characters the fragment syntax uses itself must be escaped inside a term.
const encodeTerm = (term: string) => encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C');

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/;

/** The first (or last) few words of a passage; a few characters in Chinese and Japanese, which have no spaces. */
function edge(text: string, fromEnd: boolean): string {
  if (CJK.test(text)) return fromEnd ? text.slice(-8) : text.slice(0, 8);
  const words = text.split(' ');
  return (fromEnd ? words.slice(-4) : words.slice(0, 4)).join(' ');
}

export function quoteFragmentUrl(url: string, quote: string): string {
  const paragraphs = quote
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
  const first = paragraphs[0] ?? '';
  const last = paragraphs[paragraphs.length - 1] ?? '';
  if (!first) return url;
  const whole = paragraphs.length === 1 && first.length <= 60;
  const directive = whole ? encodeTerm(first) : `${encodeTerm(edge(first, false))},${encodeTerm(edge(last, true))}`;
  // A page anchor stays; the directive follows it.
  return `${url.includes('#') ? url : `${url}#`}:~:text=${directive}`;
}
