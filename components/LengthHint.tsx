import { RECORD_LIMITS } from '../lib/record-limits';
import { useLocale } from './locale';

/**
 * Says, before saving, that a text is longer than it may be (saving would be refused); with `counter`, its
 * length always shows, like a field's counter. Only `text.length` is read: instant at any size (a 1 MB paste).
 * Numbers have the UI language's thousands separators.
 */
export function LengthHint({
  text,
  max = RECORD_LIMITS.line,
  counter = false,
}: {
  text: string;
  max?: number;
  counter?: boolean;
}) {
  const { t, locale } = useLocale();
  const count = text.length.toLocaleString(locale);
  const limit = max.toLocaleString(locale);
  if (text.length > max)
    return (
      <span class="hint warn" role="status">
        {t('tooLong', { count, max: limit })}
      </span>
    );
  if (!counter || text.length === 0) return null;
  return <span class="hint counter">{t('charCount', { count, max: limit })}</span>;
}
