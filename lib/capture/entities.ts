/**
 * Character references left in text a page declares about itself. CMSs often escape a title
 * twice, so `og:title` arrives as `NASCIO&#8217;s` or `Thermen- &#038; Vulkanland` after the
 * browser has already decoded the markup once. Decoded by hand, not through `innerHTML`: the
 * clipper runs in the page, where Trusted Types may forbid it.
 */

// The named references such titles actually carry; anything else is left as written.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g;

function decodeOnce(text: string): string {
  return text.replace(
    REFERENCE,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED[name] ?? whole;
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
      // No NUL, no surrogate halves, nothing past Unicode: those stay as written.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    },
  );
}

/** `text` with the character references decoded, twice escaped ones (`&amp;#8217;`) included. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  // `&amp;#8217;` is one reference escaped again; a second pass is only for that shape.
  return /&(?:#\d|#[xX][0-9a-fA-F]|[A-Za-z]{2,8};)/.test(once) && once !== text ? decodeOnce(once) : once;
}
