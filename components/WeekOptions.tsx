import type { DigestSettings } from '../lib/types';
import { useLocale } from './locale';
import { ChoiceField, OptionsSection, type SaveSettings, TextField } from './option-fields';

const DAYS = [0, 1, 2, 3, 4, 5, 6];

/** When a week starts, and in which time zone. */
export function WeekOptions(props: { settings: DigestSettings; save: SaveSettings }) {
  const { t, locale } = useLocale();
  const dayName = (d: number) =>
    // 2026-02-01 is a Sunday: day d of that week names weekday d.
    new Date(Date.UTC(2026, 1, 1 + d)).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-US', {
      weekday: 'long',
      timeZone: 'UTC',
    });
  return (
    <OptionsSection id="week" title={t('weekHeading')}>
      <ChoiceField
        name="weekStartsOn"
        label={t('weekStart')}
        options={DAYS.map((d) => [d, dayName(d)] as const)}
        settings={props.settings}
        save={props.save}
      />
      <TextField
        name="timeZone"
        label={t('timeZone')}
        hint={t('timeZoneHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
        settings={props.settings}
        save={props.save}
      />
    </OptionsSection>
  );
}
