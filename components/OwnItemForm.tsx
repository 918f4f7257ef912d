import { useState } from 'preact/hooks';
import type { Section } from '../lib/types';
import { useLocale } from './locale';

/** The editor's own entry (no source) added at the end of a section. */
export function OwnItemForm(props: { section: Section; onAdd: (summary: string, note: string) => Promise<unknown> }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [note, setNote] = useState('');
  if (!open)
    return (
      <button
        type="button"
        class="link-button add-own"
        aria-label={t('addOwnTo', { section: props.section.name })}
        onClick={() => setOpen(true)}
      >
        + {t('addOwn')}
      </button>
    );
  return (
    <form
      class="clip-form own-form"
      aria-label={t('addOwnTo', { section: props.section.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onAdd(summary, note).then((ok) => {
          if (ok === false) return;
          setSummary('');
          setNote('');
          setOpen(false);
        });
      }}
    >
      <textarea
        name="own-summary"
        rows={2}
        aria-label={t('summary')}
        placeholder={t('ownPlaceholder')}
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
      />
      <textarea
        name="own-note"
        rows={3}
        aria-label={t('note')}
        placeholder={t('markdownHint')}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <div class="actions end">
        <button type="button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </div>
    </form>
  );
}
