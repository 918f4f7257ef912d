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
 * Counts CJK characters and other words over pieces of text fed in turn, so a long draft is
 * counted without a joined copy. Text added without `end()` between continues the same piece
 * (a word split over two runs is one word).
 */
export class ReadingCounter {
  private cjk = 0;
  private words = 0;
  private inWord = false;

  add(text: string): void {
    // Locals, not fields, in the loop: it runs once per character of the whole draft.
    let { cjk, words, inWord } = this;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
        if (alnum && !inWord) words++;
        inWord = alnum;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        code = text.codePointAt(i) as number;
        i++;
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
    this.cjk = cjk;
    this.words = words;
    this.inWord = inWord;
  }

  /** Ends a piece: what follows starts a new word. */
  end(): void {
    this.inWord = false;
  }

  /** Whole minutes to read what was added. */
  minutes(): number {
    return Math.max(1, Math.ceil(this.cjk / CJK_PER_MINUTE + this.words / WORDS_PER_MINUTE));
  }
}

/** Whole minutes to read a draft's pieces of text, CJK characters and other words counted apart. */
export function readingMinutes(texts: string | readonly string[]): number {
  const counter = new ReadingCounter();
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    counter.add(text);
    counter.end();
  }
  return counter.minutes();
}
