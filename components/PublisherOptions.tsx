import { useState } from 'preact/hooks';
import { formatOverrides, parseOverrides } from '../lib/capture/publisher-overrides';
import { describeProblem } from '../lib/i18n/translate';
import type { DigestSettings } from '../lib/types';
import { useLocale } from './locale';
import { OptionsSection, type SaveSettings } from './option-fields';

/** The editor's own publisher names per domain, as `domain = name` lines. */
export function PublisherOptions(props: {
  settings: DigestSettings;
  save: SaveSettings;
  onError: (text: string) => void;
}) {
  const { t } = useLocale();
  const [draft, setDraft] = useState<string | undefined>();
  return (
    <OptionsSection id="publishers" title={t('publishersHeading')}>
      <label>
        <span>{t('publishersHint')}</span>
        <textarea
          name="publisherOverrides"
          rows={4}
          value={draft ?? formatOverrides(props.settings.publisherOverrides)}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => {
            if (draft === undefined) return;
            const { overrides, errors } = parseOverrides(draft);
            if (errors.length > 0) props.onError(errors.map((e) => describeProblem(t, e)).join(' '));
            else void props.save({ publisherOverrides: overrides }).then(() => setDraft(undefined));
          }}
        />
      </label>
    </OptionsSection>
  );
}
