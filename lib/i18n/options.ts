import type { Dictionary, Locale } from './keys';
import { OPTIONS_EN } from './options-en';
import { OPTIONS_ZH } from './options-zh';

/** The options page's own messages in each language, on top of the popup's. */
export const OPTIONS_MESSAGES: Record<Locale, Dictionary> = { en: OPTIONS_EN, zh: OPTIONS_ZH };
