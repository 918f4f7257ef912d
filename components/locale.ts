import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { problemOf } from '../lib/errors';
import { describeProblem, type Locale, type Translate, translator } from '../lib/i18n/translate';

export const LocaleContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator() });

export function useLocale() {
  return useContext(LocaleContext);
}

/** Any failure, in the UI's language: lib/ throws codes (lib/errors.ts), never sentences. */
export function describeError(t: Translate, error: unknown): string {
  return describeProblem(t, problemOf(error));
}
