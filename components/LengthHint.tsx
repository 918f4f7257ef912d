import { RECORD_LIMITS } from '../lib/record-limits';
import { useLocale } from './locale';

/** Says, before saving, that a summary is longer than one may be (saving would be refused). */
export function LengthHint({ text }: { text: string }) {
  const { t } = useLocale();
  if (text.length <= RECORD_LIMITS.line) return null;
  return (
    <span class="hint warn" role="status">
      {t('tooLong', { count: text.length.toLocaleString(), max: RECORD_LIMITS.line.toLocaleString() })}
    </span>
  );
}
