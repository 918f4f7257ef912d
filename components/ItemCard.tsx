import { useEffect, useState } from 'preact/hooks';
import type { Section, WeekItem } from '../lib/types';
import type { ShownConflict } from './ConflictList';
import { LengthHint } from './LengthHint';
import { lazyComponent } from './lazy';
import { useLocale } from './locale';

// Conflicts are rare (a restore met edits made here): their code loads when a card has one.
export const Conflicts = lazyComponent(() => import('./ConflictList').then((m) => m.Conflicts));

/** A change the week view can undo: what it says, and what reverses it. */
export interface Undoable {
  text: string;
  revert: () => Promise<unknown>;
}

export interface CardActions {
  moveToSection: (item: WeekItem, sectionId: string) => void;
  nudge: (item: WeekItem, direction: -1 | 1) => void;
  /** To the top or the bottom of its section (Alt+Home / Alt+End). */
  moveToEdge: (item: WeekItem, edge: 'top' | 'bottom') => void;
  trash: (item: WeekItem) => void;
  edit: (item: WeekItem) => void;
  saveSummary: (item: WeekItem, summary: string) => Promise<unknown>;
  joinWithPrevious: (item: WeekItem) => void;
  splitLast: (item: WeekItem) => void;
  dropOn: (target: WeekItem, draggedId: string) => void;
  settle: (conflict: ShownConflict, choice: 'mine' | 'theirs') => void;
}

interface Props {
  item: WeekItem;
  sections: Section[];
  hasPrevious: boolean;
  actions: CardActions;
}

/** What names an item in lists: its first source's title, or the editor's own words. */
export function itemLabel(item: WeekItem): string {
  return item.sources[0]?.title || item.summary || item.note.slice(0, 80);
}

/** One entry of the week: summary editable in place, keyboard and drag to arrange. */
export function ItemCard({ item, sections, hasPrevious, actions }: Props) {
  const { t } = useLocale();
  const [summary, setSummary] = useState(item.summary);
  // Another view (or the options page) may change the summary while this card is open.
  useEffect(() => setSummary(item.summary), [item.summary]);
  const [dragOver, setDragOver] = useState(false);
  const label = itemLabel(item);
  const lead = item.sources[0];
  const quoteCount = item.sources.reduce((n, s) => n + s.quotes.length, 0);
  // Every cited source lands in the references on export: an item citing sources is never filed there.
  const movable = (s: Section) => s.kind !== 'references' || !lead || s.id === item.sectionId;
  const conflicted = !!item.conflicts?.length || item.sources.some((s) => s.conflicts?.length);
  const saveSummary = () => {
    if (summary !== item.summary) void actions.saveSummary(item, summary);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const index = Number(e.key) - 1;
    const target = sections[index];
    if (!e.altKey && !e.ctrlKey && !e.metaKey && index >= 0 && index < 9 && target) {
      if (movable(target)) actions.moveToSection(item, target.id);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      actions.nudge(item, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.altKey && (e.key === 'Home' || e.key === 'End')) {
      actions.moveToEdge(item, e.key === 'Home' ? 'top' : 'bottom');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      actions.trash(item);
    } else if (e.key === 'Enter') {
      actions.edit(item);
    } else {
      return;
    }
    e.preventDefault();
  };

  return (
    <li
      class={`clip${dragOver ? ' drag-over' : ''}${item.sources.length > 1 ? ' in-story' : ''}${lead ? '' : ' own'}`}
      data-item-id={item.id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card is a keyboard target (1–9, Alt+arrows, Delete, Enter).
      tabIndex={0}
      draggable
      aria-label={label}
      aria-describedby="card-help"
      onKeyDown={onKeyDown}
      onDragStart={(e) => e.dataTransfer?.setData('text/x-item-id', item.id)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragOver(false);
        const dragged = e.dataTransfer?.getData('text/x-item-id');
        if (dragged && dragged !== item.id) actions.dropOn(item, dragged);
      }}
    >
      {lead ? (
        <a href={lead.canonicalUrl} target="_blank" rel="noreferrer noopener" class="clip-title">
          {lead.title}
        </a>
      ) : (
        <span class="clip-title">{t('ownNote')}</span>
      )}
      <span class="meta">
        {item.sources
          .map((s) => s.source || s.title)
          .filter((s) => s)
          .join(' · ')}
        {quoteCount > 0 && ` · ${quoteCount === 1 ? t('oneQuote') : t('quotes', { count: quoteCount })}`}
        {item.sources.length > 1 && ` · ${t('story', { count: item.sources.length })}`}
        {conflicted && <span class="badge warn">{t('conflictBadge')}</span>}
      </span>
      {conflicted && <Conflicts item={item} onSettle={actions.settle} />}
      {/* A textarea that grows with its text: a 60-character Chinese summary is read whole. */}
      <textarea
        class="summary-input"
        rows={1}
        aria-label={`${t('summary')}: ${label}`}
        placeholder={lead ? t('summaryPlaceholder') : t('ownPlaceholder')}
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
        onBlur={saveSummary}
        onKeyDown={(e) => {
          // Enter saves (a summary is one line in the draft); Shift+Enter is not needed.
          if (e.key === 'Enter' && !e.isComposing) {
            e.preventDefault();
            saveSummary();
          }
        }}
      />
      <LengthHint text={summary} />
      {item.tags.length > 0 && (
        <span class="tags">
          {item.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
        </span>
      )}
      <span class="actions">
        <select
          aria-label={`${t('moveTo')}: ${label}`}
          value={item.sectionId}
          onChange={(e) => actions.moveToSection(item, e.currentTarget.value)}
        >
          {sections.filter(movable).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          title={t('moveUp')}
          aria-label={`${t('moveUp')}: ${label}`}
          onClick={() => actions.nudge(item, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          title={t('moveDown')}
          aria-label={`${t('moveDown')}: ${label}`}
          onClick={() => actions.nudge(item, 1)}
        >
          ↓
        </button>
        {item.sources.length > 1 && (
          <button
            type="button"
            title={t('split')}
            // The accessible name starts with the visible word (WCAG 2.5.3, "label in name").
            aria-label={`${t('ungroup')}: ${label}`}
            onClick={() => actions.splitLast(item)}
          >
            {t('ungroup')}
          </button>
        )}
        {hasPrevious && (
          <button
            type="button"
            title={t('group')}
            aria-label={`${t('group')}: ${label}`}
            onClick={() => actions.joinWithPrevious(item)}
          >
            ⊕
          </button>
        )}
        <button type="button" onClick={() => actions.edit(item)} aria-label={`${t('edit')}: ${label}`}>
          {t('edit')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => actions.trash(item)}
          aria-label={`${t('delete')}: ${label}`}
        >
          {t('delete')}
        </button>
      </span>
    </li>
  );
}
