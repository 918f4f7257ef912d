import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { compareByOrder } from '../lib/order-key';
import type { DeepDiveQuotes, Section, WeekItem, WeekNote } from '../lib/types';
import { civilDate } from '../lib/week';
import { type CardActions, Conflicts, ItemCard, itemLabel, type Undoable } from './ItemCard';
import { lazyComponent } from './lazy';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { type ClipperDb, itemWrites, weekWrites } from './store';

// Writing code loads on the first change, so opening the popup loads only what shows the week.
const writes = itemWrites;
const weeks = weekWrites;

const OwnItemForm = lazyComponent(() => import('./OwnItemForm').then((m) => m.OwnItemForm));
const ItemEditor = lazyComponent(() => import('./ItemEditor').then((m) => m.ItemEditor));

interface Props {
  db: ClipperDb;
  weekId: string;
  items: WeekItem[];
  sections: Section[];
  tags: string[];
  week?: WeekNote;
  /** An item to focus once it is on screen (opened from search or a draft check). */
  focusItemId?: string;
  /** Which quotes a deep dive prints when its editor ticked none (options); shown as the editor's ticks. */
  deepDiveQuotes?: DeepDiveQuotes;
  now: () => number;
  newId: () => string;
}

/** A Markdown text of the week (lede, closing) saved when the editor leaves the box. */
function WeekText(props: {
  name: 'lede' | 'closing';
  label: string;
  placeholder: string;
  value: string;
  onSave: (text: string) => void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  return (
    <label class="lede">
      <span>{props.label}</span>
      <textarea
        name={props.name}
        rows={2}
        value={text}
        placeholder={props.placeholder}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={() => {
          if (text !== props.value) props.onSave(text);
        }}
      />
    </label>
  );
}

/** How long Undo is offered after a delete, ungroup or move to another week. */
export const UNDO_SHOWN_MS = 8000;
/** A new entry this long after the offer is someone's clip, not the offered change's own doing. */
const CLIP_LANDED_AFTER_MS = 1500;

/** The week's items under their sections, arranged by mouse or keyboard. */
export function WeekView({ db, weekId, items, sections, tags, week, focusItemId, deepDiveQuotes, now, newId }: Props) {
  const today = civilDate(now());
  const { t } = useLocale();
  const [editing, setEditing] = useState<string | undefined>();
  // The last destructive change, with what reverses it: shown at the bottom of the view, and Ctrl+Z.
  const [undo, setUndo] = useState<Undoable | undefined>();
  const undoLast = () => {
    if (!undo) return;
    setUndo(undefined);
    void run(undo.revert());
  };
  // The offer leaves after a few seconds, or at the editor's next action or a new clip landing:
  // it must not linger over later work (Ctrl+Z is meant for what was just done).
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(undefined), UNDO_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  // A clip landing later ends the offer; the entry an ungroup itself adds (at the same moment) does not.
  const itemCount = useRef(items.length);
  const offeredAt = useRef(0);
  useEffect(() => {
    if (undo) offeredAt.current = Date.now();
  }, [undo]);
  useEffect(() => {
    if (items.length > itemCount.current && Date.now() - offeredAt.current > CLIP_LANDED_AFTER_MS) setUndo(undefined);
    itemCount.current = items.length;
  }, [items.length]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable]');
      if (undo && !typing && e.key === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
        e.preventDefault();
        undoLast();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo]);
  const [error, setError] = useState<string | undefined>();
  // Keeps keyboard focus on an item while it moves (the list re-renders when the write lands).
  const [focusTarget, setFocusTarget] = useState<{ id: string } | undefined>();
  useEffect(() => {
    if (focusItemId) setFocusTarget({ id: focusItemId });
  }, [focusItemId]);
  useEffect(() => {
    if (!focusTarget) return;
    const selector = `[data-item-id="${focusTarget.id}"]`;
    const el = document.querySelector<HTMLElement>(selector);
    if (el && document.activeElement !== el) el.focus();
    // Kept while the list re-renders (a card moved in the DOM loses focus), given up as soon as the
    // editor focuses anything else: a later change to the week must not pull focus back here.
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof Element && e.target.closest(selector))) setFocusTarget(undefined);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [items, focusTarget]);

  const run = (work: Promise<unknown>) =>
    work.then(
      () => true,
      (e: unknown) => {
        setError(describeError(t, e));
        return false;
      },
    );
  const focusCard = (id: string) => setFocusTarget({ id });
  const bySection = (id: string) => items.filter((c) => c.sectionId === id).sort(compareByOrder);

  // Any other action ends the offer to undo the last one.
  const act =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      setUndo(undefined);
      return f(...args);
    };
  const actions: CardActions = {
    moveToSection: act((item, sectionId) => {
      if (sectionId !== item.sectionId)
        void run(
          writes()
            .then((w) => w.moveItem(db, item.id, { sectionId, toEnd: true }, now()))
            .then(() => focusCard(item.id)),
        );
    }),
    nudge: act(
      (item, direction) =>
        void run(
          writes()
            .then((w) => w.nudgeItem(db, item.id, direction, now()))
            .then(() => focusCard(item.id)),
        ),
    ),
    moveToEdge: act(
      (item, edge) =>
        void run(
          writes()
            .then((w) =>
              w.moveItem(
                db,
                item.id,
                edge === 'top' ? { sectionId: item.sectionId } : { sectionId: item.sectionId, toEnd: true },
                now(),
              ),
            )
            .then(() => focusCard(item.id)),
        ),
    ),
    trash: (item) => {
      setUndo({
        text: t('movedToTrash', { title: itemLabel(item) }),
        revert: () => writes().then((w) => w.restoreItem(db, item.id, now())),
      });
      // Focus goes to the card that takes its place (or the one before the last), not to the page's top.
      const list = bySection(item.sectionId);
      const at = list.findIndex((c) => c.id === item.id);
      const neighbour = list[at + 1] ?? list[at - 1];
      void run(writes().then((w) => w.trashItem(db, item.id, now()))).then((ok) => {
        if (ok && neighbour) focusCard(neighbour.id);
      });
    },
    edit: act((item) => setEditing(item.id)),
    saveSummary: act((item, summary) => run(writes().then((w) => w.updateItem(db, item.id, { summary }, now())))),
    acceptDraft: act((item) =>
      run(
        writes().then((w) =>
          w.updateItem(db, item.id, { drafted: (item.drafted ?? []).filter((d) => d !== item.summary) }, now()),
        ),
      ),
    ),
    joinWithPrevious: act((item) => {
      const list = bySection(item.sectionId);
      const previous = list[list.findIndex((c) => c.id === item.id) - 1];
      if (previous)
        void run(
          writes()
            .then((w) => w.joinItems(db, previous.id, item.id, now()))
            .then(() => focusCard(previous.id)),
        );
    }),
    splitLast: (item) => {
      const last = item.sourceIds[item.sourceIds.length - 1];
      if (!last) return;
      void run(
        writes()
          .then((w) => w.splitSource(db, item.id, last, { now: now(), newId }))
          .then((split) =>
            setUndo({
              text: t('ungrouped', { title: itemLabel(split) }),
              revert: () => writes().then((w) => w.joinItems(db, item.id, split.id, now())),
            }),
          ),
      );
    },
    settle: (conflict, choice) =>
      void run(import('./ConflictList').then((m) => m.settleShown(db, conflict, choice, now()))),
    dropOn: act(
      (target, draggedId) =>
        void run(
          writes().then((w) => w.moveItem(db, draggedId, { sectionId: target.sectionId, afterId: target.id }, now())),
        ),
    ),
  };

  const known = new Set(sections.map((s) => s.id));
  const scrollNearEdge = (e: DragEvent) => {
    // A card dropped between cards lands nowhere (and never makes the browser open anything).
    if (e.dataTransfer?.types.includes('text/x-item-id')) e.preventDefault();
    const edge = 56;
    const below = window.innerHeight - e.clientY;
    // Faster the closer to the edge; dragover repeats while the pointer rests there.
    const step = e.clientY < edge ? e.clientY - edge : below < edge ? edge - below : 0;
    if (step !== 0) window.scrollBy(0, step / 2);
  };
  const groups = [
    ...sections.map((s) => ({ id: s.id, name: s.name, section: s as Section | undefined, items: bySection(s.id) })),
    {
      id: '_unsorted',
      name: t('unsorted'),
      section: undefined,
      items: items.filter((c) => !known.has(c.sectionId)).sort(compareByOrder),
    },
  ].filter((g) => g.items.length > 0 || g.id !== '_unsorted');
  const editingItem = items.find((c) => c.id === editing);
  const citedCount = new Set(items.flatMap((i) => i.sourceIds)).size;
  // Escape or Done hands focus back to the card the editor opened from.
  const closeEditor = () => {
    const id = editing;
    setEditing(undefined);
    if (id) focusCard(id);
  };
  // A lede or closing changed here and in a restored backup: both texts, for the editor to choose.
  const weekConflicts = (field: 'lede' | 'closing') =>
    week?.conflicts?.some((c) => c.field === field) && (
      <Conflicts week={week} field={field} onSettle={actions.settle} />
    );

  return (
    // Dragging near the top or bottom edge scrolls the page, so a card can travel the whole week.
    // biome-ignore lint/a11y/noStaticElementInteractions: drag only; the keyboard moves cards with Alt+arrows and Alt+Home/End.
    <div
      class={undo ? 'week-view has-toast' : 'week-view'}
      onDragOver={scrollNearEdge}
      onDrop={(e) => e.preventDefault()}
    >
      <WeekText
        name="lede"
        label={t('lede')}
        placeholder={t('ledePlaceholder')}
        value={week?.lede ?? ''}
        onSave={(lede) => void run(weeks().then((m) => m.setWeekText(db, weekId, { lede }, now())))}
      />
      {weekConflicts('lede')}
      {error && <Notice tone="error">{error}</Notice>}
      {undo && (
        <p class="notice notice--info toast" role="status">
          {undo.text}{' '}
          <button type="button" onClick={undoLast} aria-keyshortcuts="Control+Z">
            {t('undo')}
          </button>
        </p>
      )}
      {items.length === 0 && <p class="empty">{t('noClips')}</p>}
      <p id="card-help" class="hint">
        {t('cardHelp')}
      </p>
      {groups.map((group, gi) => (
        <section key={group.id} aria-labelledby={`section-${group.id}`} data-section={group.id}>
          <h3
            id={`section-${group.id}`}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const dragged = e.dataTransfer?.getData('text/x-item-id');
              if (dragged && group.id !== '_unsorted')
                void run(writes().then((w) => w.moveItem(db, dragged, { sectionId: group.id }, now())));
            }}
          >
            <span class="key">{gi < 9 && group.id !== '_unsorted' ? gi + 1 : ''}</span> {group.name}{' '}
            <span class="count">
              {group.section?.kind === 'references' ? group.items.length + citedCount : group.items.length}
            </span>
          </h3>
          {/* 参考资料 is written from the sources the week cites: say so, and how many, where it looks empty. */}
          {group.section?.kind === 'references' && (
            <p class="hint references-hint">{t('referencesFilled', { count: citedCount })}</p>
          )}
          <ul>
            {group.items.map((item, i) => (
              <Fragment key={item.id}>
                <ItemCard item={item} sections={sections} hasPrevious={i > 0} actions={actions} today={today} />
                {/* The editor opens at its card, not at the top of the week (off screen in the side panel). */}
                {editingItem?.id === item.id && (
                  <li class="editor-slot">
                    <ItemEditor
                      db={db}
                      item={editingItem}
                      tags={tags}
                      now={now}
                      sectionKind={group.section?.kind}
                      deepDiveQuotes={deepDiveQuotes}
                      onClose={closeEditor}
                      onMovedWeek={(change) => {
                        setEditing(undefined);
                        setUndo(change);
                      }}
                    />
                  </li>
                )}
              </Fragment>
            ))}
          </ul>
          {group.section && group.section.kind !== 'references' && (
            <OwnItemForm
              section={group.section}
              onAdd={(summary, note) =>
                run(
                  writes()
                    .then((w) =>
                      w.addOwnItem(db, { weekId, sectionId: group.id, summary, note }, { now: now(), newId }),
                    )
                    .then((added) => focusCard(added.id)),
                )
              }
            />
          )}
        </section>
      ))}
      <WeekText
        name="closing"
        label={t('closing')}
        placeholder={t('closingPlaceholder')}
        value={week?.closing ?? ''}
        onSave={(closing) => void run(weeks().then((m) => m.setWeekText(db, weekId, { closing }, now())))}
      />
      {weekConflicts('closing')}
    </div>
  );
}
