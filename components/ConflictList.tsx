import type { MessageKey } from '../lib/i18n/keys';
import type { ConflictValue, WeekItem, WeekNote } from '../lib/types';
import { useLocale } from './locale';
import { type ClipperDb, itemWrites, weekWrites } from './store';

/** One field changed both here and in a restored backup, as the editor sees it. */
export interface ShownConflict {
  /** Which record holds it: an item, one of its sources, or the week's text. */
  kind: 'item' | 'source' | 'week';
  id: string;
  field: string;
  at: string;
  mine: ConflictValue | undefined;
  theirs: ConflictValue;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  summary: 'summary',
  note: 'note',
  tags: 'tags',
  title: 'title',
  source: 'source',
  author: 'author',
  publishedAt: 'published',
  excerpt: 'excerpt',
  lede: 'lede',
  closing: 'closing',
};

/** The open conflicts of an item and the sources it cites, each with the value kept here. */
export function conflictsOf(item: WeekItem): ShownConflict[] {
  const of = (kind: 'item' | 'source', record: WeekItem | WeekItem['sources'][number]) =>
    (record.conflicts ?? []).map((c) => ({
      kind,
      id: record.id,
      field: c.field,
      at: c.at,
      mine: (record as unknown as Record<string, ShownConflict['mine']>)[c.field],
      theirs: c.value,
    }));
  return [...of('item', item), ...item.sources.flatMap((s) => of('source', s))];
}

type Settle = (conflict: ShownConflict, choice: 'mine' | 'theirs') => void;

/** The conflicts of an item card (its own fields and its sources'), or of a week's lede or closing. */
export function Conflicts(props: { item?: WeekItem; week?: WeekNote; field?: 'lede' | 'closing'; onSettle: Settle }) {
  const { week, field } = props;
  const shown = props.item
    ? conflictsOf(props.item)
    : week && field
      ? (week.conflicts ?? [])
          .filter((c) => c.field === field)
          .map(
            (c): ShownConflict => ({ kind: 'week', id: week.id, field, at: c.at, mine: week[field], theirs: c.value }),
          )
      : [];
  return <ConflictList conflicts={shown} onSettle={props.onSettle} />;
}

/** Writes the editor's choice to the record that holds the conflict. */
export async function settleShown(
  db: ClipperDb,
  conflict: ShownConflict,
  choice: 'mine' | 'theirs',
  now: number,
): Promise<unknown> {
  const ref = { field: conflict.field, at: conflict.at };
  if (conflict.kind === 'week') return (await weekWrites()).settleWeekConflict(db, conflict.id, ref, choice, now);
  const writes = await itemWrites();
  if (conflict.kind === 'source') return writes.settleSourceConflict(db, conflict.id, ref, choice, now);
  return writes.settleItemConflict(db, conflict.id, ref, choice, now);
}

/**
 * Conflicts left by a restore (lib/store/field-clocks.ts): both values side by side, and the
 * editor's choice settles each. Loaded only when a card has one.
 */
function ConflictList(props: { conflicts: ShownConflict[]; onSettle: Settle }) {
  const { t } = useLocale();
  const show = (value: ConflictValue | undefined) => {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    return text.trim() === '' ? t('conflictEmpty') : text;
  };
  return (
    <ul class="conflicts">
      {props.conflicts.map((c) => {
        const field = t(FIELD_LABELS[c.field] ?? 'note');
        return (
          <li key={`${c.kind}:${c.id}:${c.field}:${c.at}`} class="conflict" aria-label={field}>
            <p>{t('conflictIntro', { field })}</p>
            <dl>
              <dt>{t('conflictHere')}</dt>
              <dd>{show(c.mine)}</dd>
              <dt>{t('conflictThere')}</dt>
              <dd>{show(c.theirs)}</dd>
            </dl>
            <span class="conflict-actions">
              <button type="button" onClick={() => props.onSettle(c, 'mine')}>
                {t('conflictKeepMine')}
              </button>
              <button type="button" onClick={() => props.onSettle(c, 'theirs')}>
                {t('conflictUseTheirs')}
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
