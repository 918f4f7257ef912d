import { useState } from 'preact/hooks';
import type { WeekItem } from '../lib/types';
import { itemLabel } from './ItemCard';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { type ClipperDb, itemWrites } from './store';

interface Props {
  db: ClipperDb;
  trash: WeekItem[];
  now: () => number;
}

/** Items deleted from any week: restore them, or delete them for good. */
export function TrashView({ db, trash, now }: Props) {
  const { t } = useLocale();
  const [error, setError] = useState<string | undefined>();
  // A failed write (a full disk) is said, never swallowed.
  const run = (work: Promise<unknown>) =>
    void work.then(
      () => setError(undefined),
      (e: unknown) => setError(describeError(t, e)),
    );
  if (trash.length === 0) return <p class="empty">{t('trashEmpty')}</p>;
  return (
    <>
      {error && <Notice tone="error">{error}</Notice>}
      <ul class="trash">
        {trash.map((item) => {
          const label = itemLabel(item);
          return (
            <li key={item.id} class="clip">
              <span class="clip-title">{label}</span>
              <span class="meta">
                {[...item.sources.map((s) => s.source).filter((s) => s), item.weekId].join(' · ')}
              </span>
              <span class="actions">
                <button
                  type="button"
                  onClick={() => run(itemWrites().then((w) => w.restoreItem(db, item.id, now())))}
                  aria-label={`${t('restore')}: ${label}`}
                >
                  {t('restore')}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => run(itemWrites().then((w) => w.purgeItem(db, item.id, now())))}
                  aria-label={`${t('deleteForever')}: ${label}`}
                >
                  {t('deleteForever')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
