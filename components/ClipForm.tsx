import { useRef, useState } from 'preact/hooks';
import { ClipInputError } from '../lib/errors';
import { fieldDoubts } from '../lib/field-doubts';
import { ORIGIN_FIELDS, parseTags, validLink } from '../lib/record-rules';
import { dateForEditor, parseTypedDate } from '../lib/typed-date';
import type { Section } from '../lib/types';
import { civilDate } from '../lib/week';
import { DraftControls } from './DraftControls';
import { LengthHint } from './LengthHint';
import { describeError, useLocale } from './locale';
import type { ClipDraft } from './store';
import { useWritingHelp } from './writing-context';

interface Props {
  draft: ClipDraft;
  sections: Section[];
  tags: string[];
  busy: boolean;
  now: () => number;
  onChange: (draft: ClipDraft) => void;
  onSave: () => void;
}

const QUOTE_PREVIEW = 600;

/** The page as the clipper read it, every field editable before it is stored. */
export function ClipForm({ draft, sections, tags, busy, now, onChange, onSave }: Props) {
  const { t, locale } = useLocale();
  // A field the editor changes is theirs (stored as such; not labelled here, where it is plain).
  const set = (patch: Partial<ClipDraft>) => {
    const origins = { ...draft.origins };
    for (const field of ORIGIN_FIELDS) if (field in patch) origins[field] = 'editor';
    onChange({ ...draft, ...patch, origins });
  };
  // The raw text keeps a trailing comma while the editor is typing the next tag.
  const [tagText, setTagText] = useState((draft.tags ?? []).join(', '));
  const quote = draft.selection?.text ?? '';
  // The writing help, when the editor turned it on (Options → Writing help): a draft of the summary.
  const writing = useWritingHelp();
  const summaryField = useRef<HTMLInputElement>(null);
  // Fields worth a second look (a publisher that is only a domain, no date, an author that is the publisher).
  const doubts = fieldDoubts(draft, civilDate(now()), draft.origins);
  // Where the clipper read the field, then whether it is worth a second look.
  const doubt = (field: keyof typeof doubts) => {
    const origin = draft.origins?.[field] === 'editor' ? undefined : draft.origins?.[field];
    const code = doubts[field];
    const learnedAt = origin === 'learned' ? draft.learnedOn?.[field] : undefined;
    return (
      <>
        {origin && (
          <span class="origin">
            {learnedAt ? t('learnedOn', { date: civilDate(learnedAt) }) : t(`origin.${origin}`)}
          </span>
        )}
        {code && <span class="doubt">{t(`doubt.${code}`)}</span>}
      </>
    );
  };
  // The form's own words for an empty title or a bad link, in the UI's language: the browser's
  // built-in ones (`Please fill out this field.`) follow the browser's language, not the editor's choice.
  const problemText = (code: 'clip.no-title') => describeError(t, new ClipInputError(code));
  const linkProblem = () =>
    describeError(t, new ClipInputError('clip.bad-link', { url: draft.canonicalUrl.trim().slice(0, 80) }));
  // The date as people write it (`2026/1/27`, `1月27日`, `昨天`); one that is not a date blocks saving, with why.
  const [dateText, setDateText] = useState(dateForEditor(draft.publishedAt, locale));
  const typeDate = (input: HTMLInputElement) => {
    setDateText(input.value);
    try {
      set({ publishedAt: parseTypedDate(input.value, civilDate(now())) });
      input.setCustomValidity('');
    } catch (error) {
      input.setCustomValidity(describeError(t, error));
    }
  };
  return (
    <form
      class="clip-form"
      aria-label={t('clipThisPage')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label>
        <span>
          {/* Only a doubt, or a learned place: where an ordinary title came from (the page) says nothing worth the room. */}
          {t('title')}{' '}
          {draft.origins?.title === 'learned'
            ? doubt('title')
            : doubts.title && <span class="doubt">{t(`doubt.${doubts.title}`)}</span>}
        </span>
        <input
          name="title"
          value={draft.title}
          required
          ref={(el) => el?.setCustomValidity(draft.title.trim() ? '' : problemText('clip.no-title'))}
          onInput={(e) => set({ title: e.currentTarget.value })}
        />
      </label>
      <div class="row">
        <label>
          <span>
            {t('source')} {doubt('source')}
          </span>
          <input name="source" value={draft.source} onInput={(e) => set({ source: e.currentTarget.value })} />
          {/* A reprint's credit: where the story first ran; the source stays the site the link goes to. */}
          {draft.reprintOf && <small class="reprint">{t('reprintOf', { name: draft.reprintOf })}</small>}
        </label>
        <label>
          <span>{t('section')}</span>
          <select name="section" value={draft.sectionId} onChange={(e) => set({ sectionId: e.currentTarget.value })}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        <span>
          {t('author')} {doubt('author')}
        </span>
        <input name="author" value={draft.author ?? ''} onInput={(e) => set({ author: e.currentTarget.value })} />
      </label>
      <label>
        <span>
          {t('published')} {doubt('publishedAt')}
        </span>
        <input
          name="published"
          value={dateText}
          placeholder={t('datePlaceholder')}
          onInput={(e) => typeDate(e.currentTarget)}
        />
      </label>
      <label>
        <span>{t('link')}</span>
        <input
          name="url"
          type="url"
          value={draft.canonicalUrl}
          required
          ref={(el) => el?.setCustomValidity(validLink(draft.canonicalUrl.trim()) ? '' : linkProblem())}
          onInput={(e) => set({ canonicalUrl: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>{t('summary')}</span>
        <input
          ref={summaryField}
          name="summary"
          value={draft.summary ?? ''}
          placeholder={t('summaryPlaceholder')}
          onInput={(e) => set({ summary: e.currentTarget.value })}
        />
        <LengthHint text={draft.summary ?? ''} />
      </label>
      {writing && (
        <DraftControls
          {...writing}
          value={draft.summary ?? ''}
          pending={draft.drafted?.[0]}
          onDraft={(summary, pending) => set({ summary, drafted: pending ? [pending] : undefined })}
          material={() => ({
            title: draft.title,
            source: draft.source,
            quotes: quote ? [quote] : [],
            excerpt: draft.excerpt,
            lead: draft.lead,
          })}
          field={() => summaryField.current}
          shape="line"
          tasks={['summary', 'translate']}
        />
      )}
      <label>
        <span>{t('tags')}</span>
        <input
          name="tags"
          list="known-tags"
          value={tagText}
          placeholder={t('tagsPlaceholder')}
          onInput={(e) => {
            setTagText(e.currentTarget.value);
            set({ tags: parseTags(e.currentTarget.value) });
          }}
        />
        <datalist id="known-tags">
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <label>
        <span>{t('quote')}</span>
        <textarea
          name="quote"
          rows={2}
          value={quote}
          placeholder={t('quotePlaceholder')}
          onInput={(e) => set({ selection: { text: e.currentTarget.value } })}
        />
      </label>
      {quote.length > QUOTE_PREVIEW && <p class="hint">{t('longQuote', { count: quote.length.toLocaleString() })}</p>}
      <button type="submit" class="primary" disabled={busy}>
        {t('saveClip')}
      </button>
    </form>
  );
}
