import { purgeClip, restoreClip } from '../lib/store/clips';
import type { ClipperDb } from '../lib/store/db';
import type { Clip } from '../lib/types';
import { useLocale } from './locale';

interface Props {
  db: ClipperDb;
  trash: Clip[];
  now: () => number;
}

/** Clips deleted from any week: restore them, or delete them for good. */
export function TrashView({ db, trash, now }: Props) {
  const { t } = useLocale();
  if (trash.length === 0) return <p class="empty">{t('trashEmpty')}</p>;
  return (
    <ul class="trash">
      {trash.map((clip) => (
        <li key={clip.id} class="clip">
          <span class="clip-title">{clip.title}</span>
          <span class="meta">
            {clip.source} · {clip.weekId}
          </span>
          <span class="actions">
            <button
              type="button"
              onClick={() => void restoreClip(db, clip.id, now())}
              aria-label={`${t('restore')}: ${clip.title}`}
            >
              {t('restore')}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => void purgeClip(db, clip.id)}
              aria-label={`${t('deleteForever')}: ${clip.title}`}
            >
              {t('deleteForever')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
