import { useEffect, useState } from 'preact/hooks';
import type { ClipperDb } from '../lib/store/db';
import { searchClips } from '../lib/store/search';
import type { Clip } from '../lib/types';
import { useLocale } from './locale';

interface Props {
  db: ClipperDb;
  query: string;
  tags: string[];
  onOpen: (clip: Clip) => void;
}

/** Results of a search across all weeks; a result opens the clip in its week. */
export function SearchPanel({ db, query, tags, onOpen }: Props) {
  const { t } = useLocale();
  const [tag, setTag] = useState('');
  const [source, setSource] = useState('');
  const [results, setResults] = useState<Clip[] | undefined>();

  useEffect(() => {
    let current = true;
    searchClips(db, query, { tag: tag || undefined, source: source || undefined }).then((found) => {
      if (current) setResults(found);
    });
    return () => {
      current = false;
    };
  }, [db, query, tag, source]);

  const sources = [...new Set((results ?? []).map((c) => c.source).filter((s) => s))].sort();
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
      {results && results.length === 0 && <p class="empty">{t('noResults')}</p>}
      <ul>
        {(results ?? []).map((clip) => (
          <li key={clip.id} class="clip result">
            <button type="button" class="link-button" onClick={() => onOpen(clip)} title={t('openInWeek')}>
              {clip.title}
            </button>
            <span class="meta">
              {clip.source} · {clip.weekId}
            </span>
            {clip.summary && <span class="summary">{clip.summary}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
