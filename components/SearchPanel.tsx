import { useEffect, useState } from 'preact/hooks';
import type { WeekItem } from '../lib/types';
import { itemLabel } from './ItemCard';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { type ClipperDb, searchStore } from './store';

interface Props {
  db: ClipperDb;
  query: string;
  tags: string[];
  onOpen: (item: WeekItem) => void;
}

/** Results of a search across all weeks; a result opens the item in its week. */
export function SearchPanel({ db, query, tags, onOpen }: Props) {
  const { t } = useLocale();
  const [tag, setTag] = useState('');
  const [source, setSource] = useState('');
  const [results, setResults] = useState<WeekItem[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    searchStore()
      .then((m) => m.searchItems(db, query, { tag: tag || undefined, source: source || undefined }))
      .then(
        (found) => {
          if (current) {
            setResults(found);
            setError(undefined);
          }
        },
        (e: unknown) => {
          if (current) setError(describeError(t, e));
        },
      );
    return () => {
      current = false;
    };
  }, [db, query, tag, source]);

  const sources = [...new Set((results ?? []).flatMap((c) => c.sources.map((s) => s.source)).filter((s) => s))].sort();
  return (
    <div class="search-results">
      <div class="row">
        <select aria-label={t('filterTag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <select aria-label={t('filterSource')} value={source} onChange={(e) => setSource(e.currentTarget.value)}>
          <option value="">{t('allSources')}</option>
          {[...new Set([...sources, source].filter((s) => s))].map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {results && results.length === 0 && <p class="empty">{t('noResults')}</p>}
      <ul>
        {(results ?? []).map((item) => (
          <li key={item.id} class="clip result">
            <button type="button" class="link-button" onClick={() => onOpen(item)} title={t('openInWeek')}>
              {itemLabel(item)}
            </button>
            <span class="meta">{[...item.sources.map((s) => s.source).filter((s) => s), item.weekId].join(' · ')}</span>
            {item.summary && <span class="summary">{item.summary}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
