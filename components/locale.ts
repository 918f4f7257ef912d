import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Locale, type Translate, translator } from '../lib/i18n';

export const LocaleContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator() });

export function useLocale() {
  return useContext(LocaleContext);
}
