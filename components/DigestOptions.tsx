import { draftSectionName } from '../lib/section-name';
import type { DigestSettings, Section } from '../lib/types';
import { useLocale } from './locale';
import { CheckField, ChoiceField, OptionsSection, type SaveSettings, TextField } from './option-fields';

/** The draft: its name, category, language, default section and export choices. */
export function DigestOptions(props: { settings: DigestSettings; sections: readonly Section[]; save: SaveSettings }) {
  const { t } = useLocale();
  const common = { settings: props.settings, save: props.save };
  const english = props.settings.language === 'en';
  return (
    <OptionsSection id="digest" title={t('digestHeading')}>
      {/* Which name the draft prints is said under it: renaming the other one changes nothing in the draft. */}
      <TextField
        name="digestName"
        label={t('digestName')}
        hint={english ? undefined : t('usedByDrafts', { language: t('chineseNames') })}
        {...common}
      />
      <TextField
        name="digestNameEn"
        label={t('digestNameEn')}
        hint={english ? t('usedByDrafts', { language: t('englishNames') }) : undefined}
        {...common}
      />
      <TextField name="category" label={t('category')} {...common} />
      <ChoiceField
        name="language"
        label={t('digestLanguage')}
        options={[
          ['zh', '中文'],
          ['en', 'English'],
        ]}
        {...common}
      />
      <ChoiceField
        name="defaultSectionId"
        label={t('defaultSection')}
        options={props.sections.map((s) => [s.id, draftSectionName(s, props.settings.language)] as const)}
        {...common}
      />
      <CheckField name="titleInBody" label={t('titleInBody')} {...common} />
      <CheckField name="metaLine" label={t('metaLine')} {...common} />
      <CheckField name="readingTimeLine" label={t('readingTimeLine')} {...common} />
      <CheckField name="frontMatter" label={t('frontMatter')} {...common} />
      <CheckField name="keepEmptySections" label={t('keepEmpty')} {...common} />
      <ChoiceField
        name="deepDiveQuotes"
        label={t('deepDiveQuotes')}
        options={[
          ['none', t('deepDiveQuotesNone')],
          ['first', t('deepDiveQuotesFirst')],
          ['all', t('deepDiveQuotesAll')],
        ]}
        {...common}
      />
      <CheckField name="quoteLinks" label={t('quoteLinks')} {...common} />
      <CheckField name="askWhereToSave" label={t('askWhereToSave')} {...common} />
    </OptionsSection>
  );
}
