import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Dictionary, type Locale, resolveLocale, type Translate, translator } from '../lib/i18n/translate';
import type { Theme, UiLanguage } from '../lib/types';
import { applyTheme } from './theme';

export interface UiLocale {
  locale: Locale;
  t: Translate;
  /** False until the dictionaries of the current locale have arrived. */
  ready: boolean;
}

/**
 * The UI language and theme of a page (popup, options): the editor's choice or the browser's,
 * dictionaries loaded for it, `<html lang>` and the theme applied. One place for what the
 * popup and the options page both need.
 */
export function useUiLocale(
  choice: { uiLanguage: UiLanguage; theme: Theme } | undefined,
  browserLanguage: string,
  load: (locale: Locale) => Promise<Dictionary[]>,
): UiLocale {
  const locale = resolveLocale(choice?.uiLanguage ?? 'auto', browserLanguage);
  const [loaded, setLoaded] = useState<{ locale: Locale; dictionaries: Dictionary[] } | undefined>();
  useEffect(() => {
    let live = true;
    void load(locale).then((dictionaries) => {
      if (live) setLoaded({ locale, dictionaries });
    });
    return () => {
      live = false;
    };
  }, [locale]);
  const theme = choice?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [theme, locale]);
  return useMemo(
    () => ({ locale, t: translator(...(loaded?.dictionaries ?? [])), ready: loaded?.locale === locale }),
    [locale, loaded],
  );
}
