import type { Section, WeekItem } from '../lib/types';
import type { ShownConflict } from './ConflictList';
import { useLocale } from './locale';

/** What a card can do; the week view carries it out. */
export interface CardActions {
  moveToSection: (item: WeekItem, sectionId: string) => void;
  nudge: (item: WeekItem, direction: -1 | 1) => void;
  /** To the top or the bottom of its section (Alt+Home / Alt+End). */
  moveToEdge: (item: WeekItem, edge: 'top' | 'bottom') => void;
  trash: (item: WeekItem) => void;
  edit: (item: WeekItem) => void;
  saveSummary: (item: WeekItem, summary: string) => Promise<unknown>;
  /** The editor accepts the machine-drafted summary as it is: the drafted mark ends. */
  acceptDraft: (item: WeekItem) => Promise<unknown>;
  joinWithPrevious: (item: WeekItem) => void;
  splitLast: (item: WeekItem) => void;
  dropOn: (target: WeekItem, draggedId: string) => void;
  settle: (conflict: ShownConflict, choice: 'mine' | 'theirs') => void;
}

interface Props {
  id: string;
  item: WeekItem;
  /** What names the item in the controls' accessible names. */
  label: string;
  /** The sections the item may move to. */
  targets: Section[];
  hasPrevious: boolean;
  actions: CardActions;
  close: () => void;
}

/**
 * A card's actions behind ⋯: section, order, story and delete. Moving up or down keeps it open
 * (repeated presses); anything else closes it. Escape closes it from anywhere in the card.
 */
export function CardMenu({ id, item, label, targets, hasPrevious, actions, close }: Props) {
  const { t } = useLocale();
  return (
    <div class="actions card-menu" id={id}>
      <select
        aria-label={`${t('moveTo')}: ${label}`}
        value={item.sectionId}
        onChange={(e) => {
          const to = e.currentTarget.value;
          close();
          actions.moveToSection(item, to);
        }}
      >
        {targets.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {(
        [
          // Up and down keep the menu open for repeated presses; top and bottom close it.
          ['moveUp', '↑', () => actions.nudge(item, -1), false],
          ['moveDown', '↓', () => actions.nudge(item, 1), false],
          ['toTop', '⤒', () => actions.moveToEdge(item, 'top'), true],
          ['toBottom', '⤓', () => actions.moveToEdge(item, 'bottom'), true],
        ] as const
      ).map(([key, mark, move, closes]) => (
        <button
          key={key}
          type="button"
          title={t(key)}
          aria-label={`${t(key)}: ${label}`}
          onClick={() => {
            if (closes) close();
            move();
          }}
        >
          {mark}
        </button>
      ))}
      {item.sources.length > 1 && (
        <button
          type="button"
          title={t('split')}
          // The accessible name starts with the visible word (WCAG 2.5.3, "label in name").
          aria-label={`${t('ungroup')}: ${label}`}
          onClick={() => {
            close();
            actions.splitLast(item);
          }}
        >
          {t('ungroup')}
        </button>
      )}
      {hasPrevious && (
        <button
          type="button"
          title={t('group')}
          aria-label={`${t('group')}: ${label}`}
          onClick={() => {
            close();
            actions.joinWithPrevious(item);
          }}
        >
          ⊕
        </button>
      )}
      <button
        type="button"
        class="danger"
        onClick={() => {
          close();
          actions.trash(item);
        }}
        aria-label={`${t('delete')}: ${label}`}
      >
        {t('delete')}
      </button>
    </div>
  );
}
