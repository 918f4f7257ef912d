import { useEffect, useState } from 'preact/hooks';
import { compareByOrder } from '../lib/order-key';
import { groupClips, moveClip, nudgeClip, restoreClip, trashClip, ungroupClip } from '../lib/store/clips';
import type { ClipperDb } from '../lib/store/db';
import { setLede } from '../lib/store/weeks';
import type { Clip, Section } from '../lib/types';
import { type CardActions, ClipCard } from './ClipCard';
import { lazyComponent } from './lazy';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';

const ClipEditor = lazyComponent(() => import('./ClipEditor').then((m) => m.ClipEditor));

interface Props {
  db: ClipperDb;
  weekId: string;
  clips: Clip[];
  sections: Section[];
  tags: string[];
  lede: string;
  /** A clip to focus once it is on screen (opened from search). */
  focusClipId?: string;
  now: () => number;
  newId: () => string;
}

/** The week's clips under their sections, arranged by mouse or keyboard. */
export function WeekView({ db, weekId, clips, sections, tags, lede, focusClipId, now, newId }: Props) {
  const { t } = useLocale();
  const [editing, setEditing] = useState<string | undefined>();
  const [undo, setUndo] = useState<Clip | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [ledeText, setLedeText] = useState(lede);
  useEffect(() => setLedeText(lede), [lede]);
  // Keeps keyboard focus on a clip while it moves (the list re-renders when the write lands).
  const [focusTarget, setFocusTarget] = useState<{ id: string } | undefined>();
  useEffect(() => {
    if (focusClipId) setFocusTarget({ id: focusClipId });
  }, [focusClipId]);
  useEffect(() => {
    if (!focusTarget) return;
    const el = document.querySelector<HTMLElement>(`[data-clip-id="${focusTarget.id}"]`);
    if (el && document.activeElement !== el) el.focus();
  }, [clips, focusTarget]);

  const run = (work: Promise<unknown>) => work.catch((e: unknown) => setError(describeError(t, e)));
  const focusCard = (id: string) => setFocusTarget({ id });
  const bySection = (id: string) => clips.filter((c) => c.sectionId === id).sort(compareByOrder);

  const actions: CardActions = {
    moveToSection: (clip, sectionId) => {
      if (sectionId !== clip.sectionId)
        void run(moveClip(db, clip.id, { sectionId, toEnd: true }, now()).then(() => focusCard(clip.id)));
    },
    nudge: (clip, direction) => void run(nudgeClip(db, clip.id, direction, now()).then(() => focusCard(clip.id))),
    trash: (clip) => {
      setUndo(clip);
      void run(trashClip(db, clip.id, now()));
    },
    edit: (clip) => setEditing(clip.id),
    groupWithPrevious: (clip) => {
      const list = bySection(clip.sectionId);
      const previous = list[list.findIndex((c) => c.id === clip.id) - 1];
      if (previous) void run(groupClips(db, [previous.id, clip.id], newId, now()));
    },
    ungroup: (clip) => void run(ungroupClip(db, clip.id, now())),
    dropOn: (target, draggedId) =>
      void run(moveClip(db, draggedId, { sectionId: target.sectionId, afterId: target.id }, now())),
  };

  const known = new Set(sections.map((s) => s.id));
  const groups = [
    ...sections.map((s) => ({ id: s.id, name: s.name, clips: bySection(s.id) })),
    { id: '_unsorted', name: t('unsorted'), clips: clips.filter((c) => !known.has(c.sectionId)).sort(compareByOrder) },
  ].filter((g) => g.clips.length > 0 || g.id !== '_unsorted');
  const editingClip = clips.find((c) => c.id === editing);

  return (
    <div class="week-view">
      <label class="lede">
        <span>{t('lede')}</span>
        <textarea
          rows={2}
          value={ledeText}
          placeholder={t('ledePlaceholder')}
          onInput={(e) => setLedeText(e.currentTarget.value)}
          onBlur={() => {
            if (ledeText !== lede) void run(setLede(db, weekId, ledeText, now()));
          }}
        />
      </label>
      {error && <Notice tone="error">{error}</Notice>}
      {undo && (
        <p class="notice notice--info toast" role="status">
          {t('movedToTrash', { title: undo.title })}{' '}
          <button
            type="button"
            onClick={() => {
              void run(restoreClip(db, undo.id, now()));
              setUndo(undefined);
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      {editingClip && (
        <ClipEditor db={db} clip={editingClip} tags={tags} now={now} onClose={() => setEditing(undefined)} />
      )}
      {clips.length === 0 && <p class="empty">{t('noClips')}</p>}
      <p id="card-help" class="hint">
        {t('cardHelp')}
      </p>
      {clips.length > 0 &&
        groups.map((group, gi) => (
          <section key={group.id} aria-labelledby={`section-${group.id}`} data-section={group.id}>
            <h3
              id={`section-${group.id}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const dragged = e.dataTransfer?.getData('text/x-clip-id');
                if (dragged && group.id !== '_unsorted')
                  void run(moveClip(db, dragged, { sectionId: group.id }, now()));
              }}
            >
              <span class="key">{gi < 9 && group.id !== '_unsorted' ? gi + 1 : ''}</span> {group.name}{' '}
              <span class="count">{group.clips.length}</span>
            </h3>
            <ul>
              {group.clips.map((clip, i) => (
                <ClipCard
                  key={clip.id}
                  db={db}
                  clip={clip}
                  sections={sections}
                  hasPrevious={i > 0}
                  storySize={clip.storyId ? clips.filter((c) => c.storyId === clip.storyId).length : 1}
                  now={now}
                  actions={actions}
                />
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
