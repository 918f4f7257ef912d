import { useState } from 'preact/hooks';
import { type EditableFields, updateClip } from '../lib/store/clips';
import type { ClipperDb } from '../lib/store/db';
import { parseTags } from '../lib/store/tags';
import type { Clip, Quote } from '../lib/types';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';

interface Props {
  db: ClipperDb;
  clip: Clip;
  tags: string[];
  now: () => number;
  onClose: () => void;
}

/** Every field of a clip, its quotes included (reorder, remove one). Saves only what changed. */
export function ClipEditor({ db, clip, tags, now, onClose }: Props) {
  const { t } = useLocale();
  const [fields, setFields] = useState({
    title: clip.title,
    source: clip.source,
    canonicalUrl: clip.canonicalUrl,
    author: clip.author ?? '',
    publishedAt: clip.publishedAt ?? '',
    summary: clip.summary,
    note: clip.note,
    tags: clip.tags.join(', '),
  });
  const [quotes, setQuotes] = useState<Quote[]>(clip.quotes);
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    const next: EditableFields = {
      title: fields.title,
      source: fields.source,
      canonicalUrl: fields.canonicalUrl,
      author: fields.author.trim() || undefined,
      publishedAt: fields.publishedAt.trim() || undefined,
      summary: fields.summary,
      note: fields.note,
      tags: parseTags(fields.tags),
      quotes,
    };
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(clip[key as keyof Clip])),
    ) as EditableFields;
    try {
      if (Object.keys(changed).length > 0) await updateClip(db, clip.id, changed, now());
      onClose();
    } catch (err) {
      setError(describeError(t, err));
    }
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...quotes];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setQuotes(next);
  };

  const input = (key: keyof typeof fields, label: string, type = 'text') => (
    <label>
      <span>{label}</span>
      <input
        name={key}
        type={type}
        list={key === 'tags' ? 'editor-tags' : undefined}
        value={fields[key]}
        onInput={(e) => setFields({ ...fields, [key]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <form
      class="clip-form editor"
      aria-label={t('edit')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      {input('title', t('title'))}
      <div class="row">
        {input('source', t('source'))}
        {input('author', t('author'))}
      </div>
      {input('canonicalUrl', t('link'), 'url')}
      <div class="row">
        {input('publishedAt', t('published'))}
        {input('tags', t('tags'))}
      </div>
      <datalist id="editor-tags">
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {input('summary', t('summary'))}
      <label>
        <span>{t('note')}</span>
        <textarea
          name="note"
          rows={2}
          value={fields.note}
          onInput={(e) => setFields({ ...fields, note: e.currentTarget.value })}
        />
      </label>
      {quotes.length > 0 && (
        <ol class="quotes" aria-label={t('quote')}>
          {quotes.map((quote, i) => (
            <li key={`${quote.createdAt}-${i}`}>
              <blockquote>{quote.text.length > 280 ? `${quote.text.slice(0, 280)}…` : quote.text}</blockquote>
              <span class="actions">
                <button
                  type="button"
                  aria-label={`${t('moveUp')} ${i + 1}`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`${t('moveDown')} ${i + 1}`}
                  disabled={i === quotes.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`${t('removeQuote')} ${i + 1}`}
                  onClick={() => setQuotes(quotes.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div class="actions end">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary">
          {t('done')}
        </button>
      </div>
    </form>
  );
}
