import type { Problem } from '../errors';
import type { UiLanguage } from '../types';
import type { Dictionary, Locale, Translate } from './keys';

export type { Dictionary, Locale, MessageKey, OptionsMessageKey, PopupMessageKey, Translate } from './keys';

/** The UI language: the editor's choice, else the browser's (Chinese for any zh-*). */
export function resolveLocale(choice: UiLanguage, browserLanguage: string): Locale {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The popup's messages for a language, loaded on demand so its start-up bundle carries none
 * (lib/i18n/en.ts, lib/i18n/zh.ts). The options page adds its own (lib/i18n/options.ts).
 */
export async function loadMessages(locale: Locale): Promise<Dictionary> {
  return locale === 'zh' ? (await import('./zh')).ZH_MESSAGES : (await import('./en')).EN_MESSAGES;
}

/** Looks messages up in the dictionaries given, the first that has the key winning. */
export function translator(...dictionaries: Dictionary[]): Translate {
  const messages: Dictionary = Object.assign({}, ...[...dictionaries].reverse());
  return (key, params = {}) =>
    // Large numbers read with thousands separators (`200,000 characters`), years and small counts
    // as written; a date (`2026-01-27`) as the UI's language writes it (`Jan 27, 2026`, `2026年1月27日`).
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      const day = new Date(`${value}T00:00:00Z`);
      return typeof value === 'number' && value >= 1e4
        ? value.toLocaleString('en')
        : // A real day only: `2026-02-30` is what someone typed, shown as typed.
          messages.dateLocale && /^\d{4}-\d\d-\d\d$/.test(String(value)) && day.toJSON()?.startsWith(String(value))
          ? day.toLocaleDateString(messages.dateLocale, { dateStyle: 'medium', timeZone: 'UTC' })
          : String(value ?? `{${name}}`);
    });
}

/** Week labels follow the language: `2026-01-26 至 2026-02-01` / `Jan 26 – Feb 1, 2026`. */
export function weekLabel(start: string, end: string, locale: Locale): string {
  if (locale === 'zh') return `${start} 至 ${end}`;
  const fmt = (d: string, withYear: boolean) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
      ...(withYear ? { year: 'numeric' } : {}),
    });
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${fmt(start, !sameYear)} – ${fmt(end, true)}`;
}

/** A problem from lib/ (lib/errors.ts) in the UI's language, after its path when it has one. */
export function describeProblem(t: Translate, problem: Problem & { path?: string }): string {
  const text = t(`problem.${problem.code}`, problem.params);
  return problem.path ? `${problem.path}: ${text}` : text;
}
