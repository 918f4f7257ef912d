import { useEffect, useState } from 'preact/hooks';
import { updateClip } from '../lib/store/clips';
import type { ClipperDb } from '../lib/store/db';
import type { Clip, Section } from '../lib/types';
import { useLocale } from './locale';

export interface CardActions {
  moveToSection: (clip: Clip, sectionId: string) => void;
  nudge: (clip: Clip, direction: -1 | 1) => void;
  trash: (clip: Clip) => void;
  edit: (clip: Clip) => void;
  groupWithPrevious: (clip: Clip) => void;
  ungroup: (clip: Clip) => void;
  dropOn: (target: Clip, draggedId: string) => void;
}

interface Props {
  db: ClipperDb;
  clip: Clip;
  sections: Section[];
  hasPrevious: boolean;
  storySize: number;
  now: () => number;
  actions: CardActions;
}

/** One clip in the week view: summary editable in place, keyboard and drag to arrange. */
export function ClipCard({ db, clip, sections, hasPrevious, storySize, now, actions }: Props) {
  const { t } = useLocale();
  const [summary, setSummary] = useState(clip.summary);
  // Another view (or the options page) may change the summary while this card is open.
  useEffect(() => setSummary(clip.summary), [clip.summary]);
  const [dragOver, setDragOver] = useState(false);
  const saveSummary = () => {
    if (summary !== clip.summary) void updateClip(db, clip.id, { summary }, now());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const index = Number(e.key) - 1;
    if (!e.altKey && !e.ctrlKey && !e.metaKey && index >= 0 && index < Math.min(9, sections.length)) {
      actions.moveToSection(clip, (sections[index] as Section).id);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      actions.nudge(clip, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      actions.trash(clip);
    } else if (e.key === 'Enter') {
      actions.edit(clip);
    } else {
      return;
    }
    e.preventDefault();
  };

  return (
    <li
      class={`clip${dragOver ? ' drag-over' : ''}${clip.storyId ? ' in-story' : ''}`}
      data-clip-id={clip.id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card is a keyboard target (1–9, Alt+arrows, Delete, Enter).
      tabIndex={0}
      draggable
      aria-label={clip.title}
      aria-describedby="card-help"
      onKeyDown={onKeyDown}
      onDragStart={(e) => e.dataTransfer?.setData('text/x-clip-id', clip.id)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const dragged = e.dataTransfer?.getData('text/x-clip-id');
        if (dragged && dragged !== clip.id) actions.dropOn(clip, dragged);
      }}
    >
      <a href={clip.canonicalUrl} target="_blank" rel="noreferrer noopener" class="clip-title">
        {clip.title}
      </a>
      <span class="meta">
        {clip.source}
        {clip.quotes.length > 0 &&
          ` · ${clip.quotes.length === 1 ? t('oneQuote') : t('quotes', { count: clip.quotes.length })}`}
        {storySize > 1 && ` · ${t('story', { count: storySize })}`}
      </span>
      <input
        class="summary-input"
        aria-label={`${t('summary')}: ${clip.title}`}
        placeholder={t('summaryPlaceholder')}
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
        onBlur={saveSummary}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            saveSummary();
          }
        }}
      />
      {clip.tags.length > 0 && (
        <span class="tags">
          {clip.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
        </span>
      )}
      <span class="actions">
        <select
          aria-label={`${t('moveTo')}: ${clip.title}`}
          value={clip.sectionId}
          onChange={(e) => actions.moveToSection(clip, e.currentTarget.value)}
        >
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          title={t('moveUp')}
          aria-label={`${t('moveUp')}: ${clip.title}`}
          onClick={() => actions.nudge(clip, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          title={t('moveDown')}
          aria-label={`${t('moveDown')}: ${clip.title}`}
          onClick={() => actions.nudge(clip, 1)}
        >
          ↓
        </button>
        {clip.storyId ? (
          <button type="button" onClick={() => actions.ungroup(clip)}>
            {t('ungroup')}
          </button>
        ) : (
          hasPrevious && (
            <button
              type="button"
              title={t('group')}
              aria-label={`${t('group')}: ${clip.title}`}
              onClick={() => actions.groupWithPrevious(clip)}
            >
              ⊕
            </button>
          )
        )}
        <button type="button" onClick={() => actions.edit(clip)} aria-label={`${t('edit')}: ${clip.title}`}>
          {t('edit')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => actions.trash(clip)}
          aria-label={`${t('delete')}: ${clip.title}`}
        >
          {t('delete')}
        </button>
      </span>
    </li>
  );
}
