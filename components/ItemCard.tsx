import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldDoubts } from '../lib/field-doubts';
import type { Section, WeekItem } from '../lib/types';
import type { CardActions } from './CardMenu';
import { LengthHint } from './LengthHint';
import { lazyComponent } from './lazy';
import { useLocale } from './locale';

// Conflicts are rare (a restore met edits made here): their code loads when a card has one.
export const Conflicts = lazyComponent(() => import('./ConflictList').then((m) => m.Conflicts));
// The actions behind ⋯ load the first time a menu opens.
const CardMenu = lazyComponent(() => import('./CardMenu').then((m) => m.CardMenu));

export type { CardActions } from './CardMenu';

/** A change the week view can undo: what it says, and what reverses it. */
export interface Undoable {
  text: string;
  revert: () => Promise<unknown>;
}

interface Props {
  item: WeekItem;
  sections: Section[];
  hasPrevious: boolean;
  actions: CardActions;
  /** Today (YYYY-MM-DD), for the doubtful-date badge. */
  today: string;
}

/** A count or mark shown as a sign (the line is narrow), said in words to screen readers and on hover. */
function Badge({ mark, text }: { mark: string; text: string }) {
  return (
    <span class="badge" title={text}>
      <span aria-hidden="true">{mark}</span>
      <span class="sr-only">{text}</span>
    </span>
  );
}

/** Publishers as the card shows them: two whole names, then how many more (`知乎专栏 · 掘金周报 +1`). */
export function publisherLine(publishers: readonly string[]): string {
  const shown = publishers.slice(0, 2).join(' · ');
  return publishers.length > 2 ? `${shown} +${publishers.length - 2}` : shown;
}

/** What names an item in lists: its first source's title, or the editor's own words. */
export function itemLabel(item: WeekItem): string {
  return item.sources[0]?.title || item.summary || item.note.slice(0, 80);
}

/**
 * One entry of the week in two lines: title, publishers and badges, then the summary, editable in
 * place; the rest of its actions behind ⋯. Keyboard and drag arrange it.
 */
export function ItemCard({ item, sections, hasPrevious, actions, today }: Props) {
  const { t } = useLocale();
  const [summary, setSummary] = useState(item.summary);
  // Another view (or the options page) may change the summary while this card is open.
  useEffect(() => setSummary(item.summary), [item.summary]);
  const [dragOver, setDragOver] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const label = itemLabel(item);
  const lead = item.sources[0];
  const quoteCount = item.sources.reduce((n, s) => n + s.quotes.length, 0);
  // Every cited source lands in the references on export: an item citing sources is never filed there.
  const movable = (s: Section) => s.kind !== 'references' || !lead || s.id === item.sectionId;
  const conflicted = !!item.conflicts?.length || item.sources.some((s) => s.conflicts?.length);
  const saveSummary = () => {
    if (summary !== item.summary) void actions.saveSummary(item, summary);
  };
  // A summary the writing help drafted that nobody has accepted or edited (lib/record-rules.ts untouchedDrafts).
  const drafted = item.summary !== '' && summary === item.summary && item.drafted?.includes(item.summary) === true;

  const closeMenu = (refocus: boolean) => {
    setMenuOpen(false);
    if (refocus) menuButton.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Escape anywhere in the card closes its menu and returns to ⋯.
    if (e.key === 'Escape' && menuOpen) {
      e.preventDefault();
      closeMenu(true);
      return;
    }
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

  // Fields worth a second look, named on the badge's tooltip (a missing author is common and harmless: not flagged here).
  const fieldNames = { title: t('title'), source: t('source'), publishedAt: t('published'), author: t('author') };
  const doubts = Object.entries(lead ? fieldDoubts(lead, today, lead.origins) : {})
    .filter(([, code]) => code !== 'author-missing')
    .map(([field, code]) => `${fieldNames[field as keyof typeof fieldNames]}: ${t(`doubt.${code}`)}`);
  const menuId = `card-menu-${item.id}`;
  // Each publisher once, in citing order (two Reuters stories joined show Reuters once).
  const publishers = [...new Set(item.sources.map((s) => s.source || s.title).filter((s) => s))];

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
      {/* The title on up to two lines with ✎ and ⋯ beside it; then every publisher of the story and the badges. */}
      <div class="card-head">
        <div class="card-title-row">
          {lead ? (
            // Not draggable itself: a drag that starts on the title moves the card, never the link (which
            // dropped outside a card would make the browser open it in place of the week).
            <a
              href={lead.canonicalUrl}
              target="_blank"
              rel="noreferrer noopener"
              class="clip-title"
              title={lead.title}
              draggable={false}
            >
              {lead.title}
            </a>
          ) : (
            <span class="clip-title">{t('ownNote')}</span>
          )}
          <button
            type="button"
            class="icon"
            title={t('edit')}
            onClick={() => actions.edit(item)}
            aria-label={`${t('edit')}: ${label}`}
          >
            ✎
          </button>
          <button
            type="button"
            class="icon"
            ref={menuButton}
            title={t('moreActions')}
            aria-label={`${t('moreActions')}: ${label}`}
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen(!menuOpen)}
          >
            ⋯
          </button>
        </div>
        <div class="card-meta-row">
          {publishers.length > 0 && (
            <span class="meta" title={publishers.join(' · ')}>
              {publisherLine(publishers)}
            </span>
          )}
          {quoteCount > 0 && (
            <Badge
              mark={`❝${quoteCount}`}
              text={quoteCount === 1 ? t('oneQuote') : t('quotes', { count: quoteCount })}
            />
          )}
          {item.sources.length > 1 && (
            <Badge mark={`⊕${item.sources.length}`} text={t('story', { count: item.sources.length })} />
          )}
          {item.note.trim() && lead && <Badge mark="¶" text={t('noteBadge')} />}
          {doubts.length > 0 && (
            <span class="badge warn" title={doubts.join('; ')}>
              {t('doubtBadge')}
            </span>
          )}
          {item.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
            </span>
          ))}
          {conflicted && <span class="badge warn">{t('conflictBadge')}</span>}
        </div>
      </div>
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
            if (drafted) void actions.acceptDraft(item);
            else saveSummary();
          }
        }}
      />
      {drafted && (
        <span class="drafted-badge" title={t('draftedCardHint')}>
          {t('draftedBadge')}
        </span>
      )}
      <LengthHint text={summary} />
      {menuOpen && (
        <CardMenu
          id={menuId}
          item={item}
          label={label}
          targets={sections.filter(movable)}
          hasPrevious={hasPrevious}
          actions={actions}
          close={() => closeMenu(false)}
        />
      )}
    </li>
  );
}
