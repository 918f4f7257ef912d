import { useEffect, useRef, useState } from 'preact/hooks';
import { weekLabel } from '../lib/i18n/translate';
import { RECORD_LIMITS } from '../lib/record-limits';
import { parseTags, quoteKey } from '../lib/record-rules';
import { dateForEditor, parseTypedDate } from '../lib/typed-date';
import type { DeepDiveQuotes, Quote, SectionKind, Source, WeekItem } from '../lib/types';
import { addDays, civilDate, weekRange } from '../lib/week';
import { DraftControls } from './DraftControls';
import { itemLabel, type Undoable } from './ItemCard';
import { LengthHint } from './LengthHint';
import { describeError, useLocale } from './locale';
import { NotePreview } from './NotePreview';
import { Notice } from './Notice';
import { type ClipperDb, type ItemPatch, itemWrites, type SourcePatch } from './store';
import { useWritingHelp } from './writing-context';

interface Props {
  db: ClipperDb;
  item: WeekItem;
  tags: string[];
  now: () => number;
  /** The kind of the item's section: says where its note is published, and whether quotes print under it. */
  sectionKind?: SectionKind;
  /** The digest's default for a deep dive's quotes, shown as ticks until the editor sets their own. */
  deepDiveQuotes?: DeepDiveQuotes;
  onClose: () => void;
  /** The item went to another week: the editor closes and the week view offers Undo. */
  onMovedWeek: (change: Undoable) => void;
}

interface SourceFields {
  title: string;
  source: string;
  canonicalUrl: string;
  author: string;
  publishedAt: string;
  quotes: Quote[];
}

/** A source's fields as the form shows them; the date as people write it, in the UI's language. */
const sourceFields = (s: Source, locale: 'zh' | 'en'): SourceFields => ({
  title: s.title,
  source: s.source,
  canonicalUrl: s.canonicalUrl,
  author: s.author ?? '',
  publishedAt: dateForEditor(s.publishedAt, locale),
  quotes: s.quotes,
});

/** The fields that differ from what the editor opened: only those are written. */
function changed<T extends object>(opened: T, now: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(opened[key as keyof T])),
  ) as Partial<T>;
}

/**
 * Everything about an item: what the editor writes (summary, a Markdown note with room to write
 * it, tags) and every cited source with its quotes. Saves only what changed since it opened, so
 * a quote clipped meanwhile is never overwritten.
 */
/** Where the draft prints an item's note (lib/digest/model.ts): told beside the note, so nothing is a surprise. */
function noteWhere(kind: SectionKind | undefined, cites: boolean) {
  if (kind === 'analysis') return 'noteWhereAnalysis' as const;
  if (kind === 'references' && !cites) return 'noteWhereReferences' as const;
  return 'noteWhereBullet' as const;
}

/** Weeks an item is moved to: four before its own, two after. */
const WEEK_CHOICES = [-4, -3, -2, -1, 0, 1, 2];

export function ItemEditor({ db, item, tags, now, sectionKind, deepDiveQuotes, onClose, onMovedWeek }: Props) {
  const { t, locale } = useLocale();
  const form = useRef<HTMLFormElement>(null);
  // Opened at its card: brought into view and focused, so the editor writes where they clicked ✎.
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    el.querySelector<HTMLTextAreaElement>('textarea[name="summary"]')?.focus({ preventScroll: true });
  }, []);
  const [opened] = useState(() => ({
    item: { summary: item.summary, note: item.note, tags: item.tags.join(', ') },
    sources: item.sources.map((s) => sourceFields(s, locale)),
    // The sources as they were when the editor opened, by id: a split or join meanwhile reorders
    // `item.sources`, and a correction must land on the source it was typed for.
    sourceIds: item.sources.map((s) => s.id),
  }));
  const [fields, setFields] = useState(opened.item);
  // Writing help (when on): drafts not yet accepted, per field; a stored one shows until accepted or edited.
  const writing = useWritingHelp();
  const [openedDrafts] = useState(() => ({
    summary: item.summary && item.drafted?.includes(item.summary) ? item.summary : undefined,
    note: item.note && item.drafted?.includes(item.note) ? item.note : undefined,
  }));
  const [pending, setPending] = useState<{ summary?: string; note?: string }>(openedDrafts);
  const summaryField = useRef<HTMLTextAreaElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  // What a draft is written from: the cited pages' passages first, or an own thought's note.
  const material = () => ({
    title: item.sources[0]?.title,
    source: [...new Set(item.sources.map((s) => s.source).filter(Boolean))].join(', '),
    quotes: item.sources.flatMap((s) => s.quotes.map((q) => q.text)),
    excerpt: item.sources[0]?.excerpt,
    lead: item.sources.length === 0 ? fields.note : undefined,
  });
  const marks = (drafts: { summary?: string; note?: string }, now: { summary: string; note: string }) =>
    [drafts.summary === now.summary ? drafts.summary : undefined, drafts.note === now.note ? drafts.note : undefined]
      .filter((text): text is string => Boolean(text))
      .sort();
  const [previewing, setPreviewing] = useState(false);
  const [sources, setSources] = useState(opened.sources);
  const [error, setError] = useState<string | undefined>();
  // The deep dive's ticked quotes: the item's own, else what the digest's default prints.
  const [openedTicks] = useState(() =>
    item.shownQuotes
      ? [...item.shownQuotes]
      : item.sources.flatMap((s) =>
          (deepDiveQuotes === 'all' ? s.quotes : deepDiveQuotes === 'first' ? s.quotes.slice(0, 1) : []).map((q) =>
            quoteKey(s.id, q),
          ),
        ),
  );
  const [ticks, setTicks] = useState(openedTicks);
  const showsQuotes = sectionKind === 'analysis';

  /** To the end of the same section in another week; Undo puts it back at its old place. */
  const moveToWeek = async (weekId: string) => {
    const { weekId: fromWeek, sectionId, order } = item;
    try {
      const writes = await itemWrites();
      await writes.moveItem(db, item.id, { sectionId, toEnd: true, weekId }, now());
      const range = weekRange(weekId);
      onMovedWeek({
        text: t('movedToWeek', { title: itemLabel(item), week: weekLabel(range.start, range.end, locale) }),
        revert: () => writes.placeItem(db, item.id, { weekId: fromWeek, sectionId, order }, now()),
      });
    } catch (err) {
      setError(describeError(t, err));
    }
  };

  const save = async () => {
    try {
      const itemChanges = changed(opened.item, fields);
      const patch: ItemPatch = {};
      if (itemChanges.summary !== undefined) patch.summary = itemChanges.summary;
      if (itemChanges.note !== undefined) patch.note = itemChanges.note;
      if (itemChanges.tags !== undefined) patch.tags = parseTags(itemChanges.tags);
      // Drafted marks change when a draft was made, accepted or edited here.
      const drafted = marks(pending, fields);
      if (JSON.stringify(drafted) !== JSON.stringify(marks(openedDrafts, opened.item))) patch.drafted = drafted;
      // Ticks are written only when the editor changed one: until then the digest's default applies.
      if (showsQuotes && JSON.stringify([...ticks].sort()) !== JSON.stringify([...openedTicks].sort()))
        patch.shownQuotes = ticks;
      const sourcePatches: { id: string; patch: SourcePatch }[] = [];
      for (const [i, id] of opened.sourceIds.entries()) {
        const was = opened.sources[i] as SourceFields;
        const diff = changed(was, sources[i] as SourceFields);
        if (Object.keys(diff).length === 0) continue;
        const { quotes, ...fields } = diff;
        const sourcePatch: SourcePatch = { ...fields } as SourcePatch;
        // Quotes by what changed, never the list written whole: a quote clipped meanwhile stays.
        if (quotes) {
          const key = (q: Quote) => quoteKey(id, q);
          const kept = new Set(quotes.map(key));
          sourcePatch.quoteEdits = {
            removed: was.quotes.map(key).filter((k) => !kept.has(k)),
            order: quotes.map(key),
          };
        }
        if (diff.author !== undefined) sourcePatch.author = diff.author.trim() || undefined;
        // Typed as people write dates (`2026/1/27`, `1月27日`, `昨天`); what is not a date is refused with a message.
        if (diff.publishedAt !== undefined)
          sourcePatch.publishedAt = parseTypedDate(diff.publishedAt, civilDate(now()));
        sourcePatches.push({ id, patch: sourcePatch });
      }
      if (Object.keys(patch).length > 0 || sourcePatches.length > 0)
        await (await itemWrites()).updateEntry(db, item.id, patch, sourcePatches, now());
      onClose();
    } catch (err) {
      setError(describeError(t, err));
    }
  };

  const setSource = (index: number, patch: Partial<SourceFields>) =>
    setSources(sources.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const moveQuote = (index: number, q: number, by: -1 | 1) => {
    const next = [...(sources[index] as SourceFields).quotes];
    const [quote] = next.splice(q, 1);
    if (quote) next.splice(q + by, 0, quote);
    setSource(index, { quotes: next });
  };

  /** Where a field's stored value came from, while the form still shows that value. */
  const originOf = (index: number, key: Exclude<keyof SourceFields, 'quotes'>) => {
    if (key === 'canonicalUrl') return undefined;
    const unchanged = (sources[index] as SourceFields)[key] === opened.sources[index]?.[key];
    return unchanged ? item.sources[index]?.origins?.[key] : undefined;
  };
  const sourceInput = (index: number, key: Exclude<keyof SourceFields, 'quotes'>, label: string, type = 'text') => {
    const origin = originOf(index, key);
    return (
      <label>
        <span>
          {label}
          {origin && <span class="origin">{t(`origin.${origin}`)}</span>}
        </span>
        <input
          name={index === 0 ? key : `${key}-${index + 1}`}
          type={type}
          value={(sources[index] as SourceFields)[key]}
          onInput={(e) => setSource(index, { [key]: e.currentTarget.value })}
        />
      </label>
    );
  };

  return (
    <form
      ref={form}
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
      <label>
        <span>{t('summary')}</span>
        <textarea
          ref={summaryField}
          name="summary"
          rows={2}
          value={fields.summary}
          onInput={(e) => setFields({ ...fields, summary: e.currentTarget.value })}
        />
        <LengthHint text={fields.summary} />
      </label>
      {writing && (
        <DraftControls
          {...writing}
          value={fields.summary}
          pending={pending.summary}
          onDraft={(summary, mark) => {
            setFields((now) => ({ ...now, summary }));
            setPending((now) => ({ ...now, summary: mark }));
          }}
          material={material}
          field={() => summaryField.current}
          shape="line"
          tasks={['summary', 'translate']}
        />
      )}
      <div class="note-field">
        <span class="note-head">
          <label for={`note-${item.id}`}>{t('note')}</label>
          <button type="button" class="link-button" onClick={() => setPreviewing(!previewing)}>
            {previewing ? t('noteEdit') : t('notePreview')}
          </button>
        </span>
        {previewing ? (
          <NotePreview text={fields.note} />
        ) : (
          <textarea
            ref={noteField}
            id={`note-${item.id}`}
            name="note"
            class="note-input"
            rows={10}
            value={fields.note}
            placeholder={t('markdownHint')}
            aria-describedby={`note-where-${item.id}`}
            onInput={(e) => setFields({ ...fields, note: e.currentTarget.value })}
          />
        )}
        <LengthHint text={fields.note} max={RECORD_LIMITS.note} counter />
        {writing && !previewing && (
          <DraftControls
            {...writing}
            value={fields.note}
            pending={pending.note}
            onDraft={(note, mark) => {
              setFields((now) => ({ ...now, note }));
              setPending((now) => ({ ...now, note: mark }));
            }}
            material={material}
            field={() => noteField.current}
            shape="markdown"
            // Key points are a deep dive's note; any note can be translated for the English edition.
            tasks={sectionKind === 'analysis' ? ['keyPoints', 'translate'] : ['translate']}
          />
        )}
        <p id={`note-where-${item.id}`} class="hint">
          {t(noteWhere(sectionKind, item.sources.length > 0))}
        </p>
      </div>
      <label>
        <span>{t('tags')}</span>
        <input
          name="tags"
          list="editor-tags"
          value={fields.tags}
          onInput={(e) => setFields({ ...fields, tags: e.currentTarget.value })}
        />
      </label>
      <datalist id="editor-tags">
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {sources.map((source, index) => (
        <fieldset key={item.sourceIds[index]} class="source-fields">
          <legend>{sources.length > 1 ? t('sourceN', { n: index + 1 }) : t('source')}</legend>
          {sourceInput(index, 'title', t('title'))}
          <div class="row">
            {sourceInput(index, 'source', t('source'))}
            {sourceInput(index, 'author', t('author'))}
          </div>
          {sourceInput(index, 'canonicalUrl', t('link'), 'url')}
          {sourceInput(index, 'publishedAt', t('published'))}
          {source.quotes.length > 0 && (
            <ol class="quotes" aria-label={t('quote')}>
              {source.quotes.map((quote, q) => (
                <li key={`${quote.createdAt}-${q}`}>
                  <blockquote>{quote.text.length > 280 ? `${quote.text.slice(0, 280)}…` : quote.text}</blockquote>
                  <span class="actions">
                    {showsQuotes && (
                      <label class="check quote-tick">
                        <input
                          type="checkbox"
                          name={`show-quote-${index}-${q}`}
                          checked={ticks.includes(quoteKey(item.sources[index]?.id ?? '', quote))}
                          onChange={(e) => {
                            const key = quoteKey(item.sources[index]?.id ?? '', quote);
                            const on = e.currentTarget.checked;
                            setTicks((now) =>
                              on ? [...now.filter((k) => k !== key), key] : now.filter((k) => k !== key),
                            );
                          }}
                        />
                        {t('showQuote')}
                      </label>
                    )}
                    <button
                      type="button"
                      aria-label={`${t('moveUp')} ${q + 1}`}
                      disabled={q === 0}
                      onClick={() => moveQuote(index, q, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('moveDown')} ${q + 1}`}
                      disabled={q === source.quotes.length - 1}
                      onClick={() => moveQuote(index, q, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('removeQuote')} ${q + 1}`}
                      onClick={() => setSource(index, { quotes: source.quotes.filter((_, j) => j !== q) })}
                    >
                      ✕
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </fieldset>
      ))}
      <label>
        <span>{t('week')}</span>
        <select
          name="week"
          value={item.weekId}
          onChange={(e) => {
            if (e.currentTarget.value !== item.weekId) void moveToWeek(e.currentTarget.value);
          }}
        >
          {WEEK_CHOICES.map((n) => {
            const id = addDays(item.weekId, 7 * n);
            const range = weekRange(id);
            return (
              <option key={id} value={id}>
                {weekLabel(range.start, range.end, locale)}
              </option>
            );
          })}
        </select>
      </label>
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
