import type { DigestSettings } from '../lib/types';
import { useLocale } from './locale';
import { ChoiceField, OptionsSection, type SaveSettings } from './option-fields';

/** The UI's language and theme. */
export function AppearanceOptions(props: { settings: DigestSettings; save: SaveSettings }) {
  const { t } = useLocale();
  const common = { settings: props.settings, save: props.save };
  return (
    <OptionsSection id="appearance" title={t('appearanceHeading')}>
      <ChoiceField
        name="uiLanguage"
        label={t('uiLanguage')}
        options={[
          ['auto', t('auto')],
          ['zh', '中文'],
          ['en', 'English'],
        ]}
        {...common}
      />
      <ChoiceField
        name="theme"
        label={t('theme')}
        options={[
          ['auto', t('auto')],
          ['light', t('light')],
          ['dark', t('dark')],
        ]}
        {...common}
      />
    </OptionsSection>
  );
}
