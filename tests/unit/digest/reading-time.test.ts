import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../../lib/digest/reading-time';

describe('readingMinutes', () => {
  it('counts Chinese characters and English words separately', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('字'.repeat(300))).toBe(1);
    expect(readingMinutes('字'.repeat(301))).toBe(2);
    expect(readingMinutes('word '.repeat(400))).toBe(2);
    expect(readingMinutes(`${'字'.repeat(300)} ${'word '.repeat(200)}`)).toBe(2);
    expect(readingMinutes('café naïve Ünïcode 2026 K2.5')).toBe(1);
  });

  it('counts words glued to Chinese text as words, and ideographs beyond the BMP as characters', () => {
    expect(readingMinutes(`${'AI模型'.repeat(150)}`)).toBe(2);
    expect(readingMinutes('𠀀'.repeat(301))).toBe(2);
  });
});
