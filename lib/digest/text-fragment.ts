/**
 * A link to a quote's place on its page: a text fragment (`#:~:text=start,end`), which browsers
 * that support it scroll to and highlight; the others open the page as usual.
 */

// A surrogate without its pair (a page can hold one) cannot be encoded: it becomes U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Characters the fragment syntax uses itself must be escaped inside a term.
const encodeTerm = (term: string) =>
  encodeURIComponent(term.replace(LONE_SURROGATE, '\ufffd')).replace(/-/g, '%2D').replace(/,/g, '%2C');

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The first (or last) few words of a passage; a few characters in Chinese and Japanese, which have
 * no spaces. Cut by code points: a cut inside an emoji or a rare Han character (two UTF-16 units)
 * would leave half of it, which no URL can hold.
 */
function edge(text: string, fromEnd: boolean): string {
  if (CJK.test(text)) {
    const chars = Array.from(text);
    return (fromEnd ? chars.slice(-8) : chars.slice(0, 8)).join('');
  }
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
