import type { EN_MESSAGES } from './en';
import type { OPTIONS_EN } from './options-en';

/**
 * The message keys, as types only: every dictionary and the translator import from here,
 * and this module imports nothing at run time, so the dictionaries form no cycle.
 */

export type Locale = 'zh' | 'en';

export type PopupMessageKey = keyof typeof EN_MESSAGES;
export type OptionsMessageKey = keyof typeof OPTIONS_EN;
export type MessageKey = PopupMessageKey | OptionsMessageKey;

export type Dictionary = Partial<Record<MessageKey, string>>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
