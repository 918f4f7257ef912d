import { weekLabel } from '../lib/i18n/translate';
import { addDays, weekRange } from '../lib/week';
import { useLocale } from './locale';

export interface WeekNavProps {
  weekId: string;
  currentWeekId: string;
  /** Weeks with clips, newest first; the week on screen is listed even when empty. */
  weeks: readonly { weekId: string; count: number }[];
  /** `undefined` goes back to this week. */
  onChoose: (weekId: string | undefined) => void;
}

/** ‹ week menu › and "This week". */
export function WeekNav({ weekId, currentWeekId, weeks, onChoose }: WeekNavProps) {
  const { t, locale } = useLocale();
  const known = weeks.some((w) => w.weekId === weekId) ? weeks : [{ weekId, count: 0 }, ...weeks];
  return (
    <nav class="week-nav" aria-label={t('pastWeeks')}>
      <button type="button" aria-label={t('previousWeek')} onClick={() => onChoose(addDays(weekId, -7))}>
        ‹
      </button>
      <select aria-label={t('pastWeeks')} value={weekId} onChange={(e) => onChoose(e.currentTarget.value)}>
        {known.map((w) => (
          <option key={w.weekId} value={w.weekId}>
            {t('weekOption', { range: weekLabel(w.weekId, weekRange(w.weekId).end, locale), count: w.count })}
          </option>
        ))}
      </select>
      <button type="button" aria-label={t('nextWeek')} onClick={() => onChoose(addDays(weekId, 7))}>
        ›
      </button>
      <button type="button" disabled={weekId === currentWeekId} onClick={() => onChoose(undefined)}>
        {t('thisWeek')}
      </button>
    </nav>
  );
}
