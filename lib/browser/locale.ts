import { browser } from 'wxt/browser';
import { EN_MESSAGES } from '../i18n/en';
import type { Translate } from '../i18n/keys';
import { resolveLocale, translator } from '../i18n/translate';
import { ZH_MESSAGES } from '../i18n/zh';
import type { UiLanguage } from '../types';

/**
 * The background's words (menus, badge tooltips) in the editor's UI language. The service
 * worker cannot load dictionaries on demand, so both are bundled here.
 */
export function backgroundTranslator(choice: UiLanguage): Translate {
  const locale = resolveLocale(choice, browser.i18n.getUILanguage());
  return translator(locale === 'zh' ? ZH_MESSAGES : EN_MESSAGES);
}
