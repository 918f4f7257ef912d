import { describe, expect, it } from 'vitest';
import { resolveLocale, translator, weekLabel } from '../../lib/i18n';

describe('UI language', () => {
  it('follows the browser unless the editor chose', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator('zh')('downloaded', { file: 'a.md' })).toBe('已下载 a.md。');
    expect(translator('en')('quotes', { count: 3 })).toBe('3 quotes');
  });

  it('labels weeks per language, across a year boundary', () => {
    expect(weekLabel('2026-01-26', '2026-02-01', 'zh')).toBe('2026-01-26 至 2026-02-01');
    expect(weekLabel('2026-01-26', '2026-02-01', 'en')).toBe('Jan 26 – Feb 1, 2026');
    expect(weekLabel('2026-12-28', '2027-01-03', 'en')).toBe('Dec 28, 2026 – Jan 3, 2027');
  });
});
