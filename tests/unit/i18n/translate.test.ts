import { describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { OPTIONS_MESSAGES } from '../../../lib/i18n/options';
import { loadMessages, resolveLocale, translator, weekLabel } from '../../../lib/i18n/translate';
import { ZH_MESSAGES } from '../../../lib/i18n/zh';

describe('UI language', () => {
  it('follows the browser unless the editor chose', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translator(ZH_MESSAGES)('downloaded', { file: 'a.md' })).toBe('已下载 a.md。');
    expect(translator(EN_MESSAGES)('quotes', { count: 3 })).toBe('3 quotes');
    expect(translator(OPTIONS_MESSAGES.zh, ZH_MESSAGES)('optionsTitle')).toBe('Digest Clipper 设置');
    expect(translator(OPTIONS_MESSAGES.en)('optionsTitle')).toBe('Digest Clipper options');
  });

  it('loads the Chinese messages on demand, with every key the English ones have', async () => {
    const zh = await loadMessages('zh');
    const en = await loadMessages('en');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(OPTIONS_MESSAGES.zh).sort()).toEqual(Object.keys(OPTIONS_MESSAGES.en).sort());
  });

  it('speaks English in the English UI: WeChat by its English name, section examples in English', async () => {
    const english = { ...(await loadMessages('en')), ...OPTIONS_MESSAGES.en };
    const han = Object.entries(english).filter(([, text]) => /\p{Script=Han}/u.test(text));
    expect(han).toEqual([]);
    expect(english.copyWechat).toBe('Copy for WeChat');
  });

  it('writes dates in messages the way the UI language does', () => {
    expect(translator(EN_MESSAGES)('check.outside-week', { subject: 'A', detail: '2026-01-27' })).toContain(
      'published on Jan 27, 2026,',
    );
    expect(translator(ZH_MESSAGES)('check.outside-week', { subject: 'A', detail: '2026-01-27' })).toContain(
      '2026年1月27日',
    );
    // What an editor typed that is no day stays as typed.
    expect(translator(EN_MESSAGES)('problem.clip.bad-date', { date: '2026-02-30' })).toContain('“2026-02-30”');
    expect(translator(EN_MESSAGES)('problem.clip.bad-date', { date: '2026-01-2' })).toContain('“2026-01-2”');
  });

  it('labels weeks per language, across a year boundary', () => {
    expect(weekLabel('2026-01-26', '2026-02-01', 'zh')).toBe('2026-01-26 至 2026-02-01');
    expect(weekLabel('2026-01-26', '2026-02-01', 'en')).toBe('Jan 26 – Feb 1, 2026');
    expect(weekLabel('2026-12-28', '2027-01-03', 'en')).toBe('Dec 28, 2026 – Jan 3, 2027');
  });

  it('writes large numbers with thousands separators, in every message (limits, counts)', () => {
    const t = translator(EN_MESSAGES);
    const zh = translator(ZH_MESSAGES, EN_MESSAGES);
    expect(t('problem.text.too-long', { max: 200_000 })).toContain('200,000');
    expect(zh('problem.text.too-long', { max: 200_000 })).toContain('200,000');
    // Years and small counts stay as written.
    expect(t('tooLong', { count: 2026, max: 2000 })).toBe('2026 characters, at most 2000: shorten it to save.');
  });
});
