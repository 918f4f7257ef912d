import { describe, expect, it } from 'vitest';
import { ClipInputError, isProblem, PROBLEM_CODES, problemOf } from '../../lib/errors';
import { EN_MESSAGES } from '../../lib/i18n/en';
import { describeProblem, translator } from '../../lib/i18n/translate';
import { ZH_MESSAGES } from '../../lib/i18n/zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem codes', () => {
  it.each(PROBLEM_CODES)('%s is worded in English and Chinese with the same parameters', (code) => {
    const en = (EN_MESSAGES as Record<string, string>)[`problem.${code}`];
    const zh = (ZH_MESSAGES as Record<string, string>)[`problem.${code}`];
    expect(en, 'English').toBeTruthy();
    expect(zh, 'Chinese').toBeTruthy();
    expect(placeholders(zh as string)).toEqual(placeholders(en as string));
    // A Chinese message that is the English one was never translated.
    expect(zh).not.toBe(en);
  });

  it('fills parameters and puts the path first', () => {
    const zh = translator(ZH_MESSAGES);
    const en = translator(EN_MESSAGES);
    const issue = { path: 'clips[3].title', code: 'field.too-long' as const, params: { max: 2000 } };
    expect(describeProblem(en, issue)).toBe('clips[3].title: longer than 2000 characters');
    expect(describeProblem(zh, issue)).toBe('clips[3].title: 超过 2000 个字符');
  });
});

describe('problemOf', () => {
  it('keeps the code and parameters of an input error', () => {
    expect(problemOf(new ClipInputError('clip.bad-link', { url: 'x' }))).toEqual({
      code: 'clip.bad-link',
      params: { url: 'x' },
    });
  });

  it('names a full disk, however the platform wraps it', () => {
    const quota = Object.assign(new Error('write failed'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('AbortError'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(problemOf(quota).code).toBe('storage.full');
    expect(problemOf(wrapped).code).toBe('storage.full');
  });

  it('passes a problem through and keeps the words of anything unforeseen', () => {
    expect(problemOf({ code: 'capture.pdf', params: {} })).toEqual({ code: 'capture.pdf', params: {} });
    expect(problemOf(new TypeError('boom'))).toEqual({ code: 'unexpected', params: { detail: 'boom' } });
    expect(isProblem({ code: 'Not a code', params: {} })).toBe(false);
    expect(PROBLEM_CODES.every((code) => isProblem({ code, params: {} }))).toBe(true);
  });
});
