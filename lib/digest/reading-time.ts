// Reading speeds commonly used for Chinese (characters) and English (words) prose.
const CJK_PER_MINUTE = 300;
const WORDS_PER_MINUTE = 200;

const LETTER = /[\p{L}\p{N}]/u;

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0xac00 && code <= 0xd7af) || // hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0x20000 && code <= 0x3134f) // extensions B–G
  );
}

/** A letter or digit beyond ASCII that is not CJK (those are counted one by one). */
function isOtherLetter(code: number): boolean {
  // Punctuation and spaces of the CJK and general blocks are common in drafts; skip the regex.
  if ((code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff0f))
    return false;
  return LETTER.test(String.fromCodePoint(code));
}

/**
 * Whole minutes to read a draft's pieces of text, counting CJK characters and other words apart;
 * each piece starts a new word. A loop over character codes: it runs once per character of the
 * whole draft, and is fastest over one long flat string (lib/digest/model.ts joins the pieces).
 */
export function readingMinutes(texts: string | readonly string[]): number {
  let cjk = 0;
  let words = 0;
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
        if (alnum && !inWord) words++;
        inWord = alnum;
        continue;
      }
      // A pair of surrogates is one character beyond the BMP; a lone half is just itself.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (isCjk(code)) {
        cjk++;
        inWord = false;
      } else if (isOtherLetter(code)) {
        if (!inWord) words++;
        inWord = true;
      } else {
        inWord = false;
      }
    }
  }
  return Math.max(1, Math.ceil(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}
