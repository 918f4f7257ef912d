import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../lib/errors';
import { describeProblem } from '../lib/i18n/translate';
import type { CaptureResult } from '../lib/messages';
import { LEARNED_FIELDS } from '../lib/record-rules';
import { sameStoryItem } from '../lib/same-story';
import type { LearnedField, PageCapture, Section, WeekItem } from '../lib/types';
import { lazyComponent } from './lazy';
import { describeError, useLocale } from './locale';
import { Notice, type NoticeTone } from './Notice';
import { type ClipDraft, type ClipperDb, citations, itemWrites } from './store';

// Loads while the clipper reads the page; it is not needed before the capture arrives.
const ClipForm = lazyComponent(() => import('./ClipForm').then((m) => m.ClipForm));

export interface CapturePanelProps {
  db: ClipperDb;
  sections: Section[];
  tags: string[];
  defaultSectionId: string;
  currentWeekId: string;
  /**
   * The week on screen when it is not this one: a clip saved from the form goes where the editor is
   * looking, and the form and the notice say so.
   */
  otherWeek?: { id: string; label: string };
  now: () => number;
  newId: () => string;
  capture: () => Promise<CaptureResult>;
  /** The items of the week on screen, to offer the page as another source of the same story. */
  items?: WeekItem[];
  /**
   * Learns where the fields the editor corrected stand on the page's site (lib/browser/actions.ts
   * learnFromCorrections); resolves to the fields learned.
   */
  learn?: (pageUrl: string, corrections: Correction[]) => Promise<LearnedField[]>;
}

export interface Correction {
  field: LearnedField;
  value: string;
}

/** The page fields the editor changed from what the clipper read, to learn where they are on the site. */
export function correctionsOf(read: PageCapture, saved: ClipDraft): Correction[] {
  return LEARNED_FIELDS.flatMap((field) => {
    const value = saved[field]?.trim();
    return saved.origins?.[field] === 'editor' && value && value !== read[field] ? [{ field, value }] : [];
  });
}

type CaptureState =
  | { phase: 'reading' }
  | {
      phase: 'ready';
      draft: ClipDraft;
      /** The page as the clipper read it: what the editor changed from it can be learned. */
      read?: PageCapture;
      already?: { weekId: string; quotes: number; issue?: string };
      /** What the page's entries of this week say, by section: the form shows the one of the section chosen. */
      entries?: Record<string, { summary?: string }>;
    }
  | { phase: 'manual'; draft: ClipDraft; problem: Problem };

function stateFrom(result: CaptureResult, sectionId: string, weekId: string): CaptureState {
  if (result.ok) {
    const known = result.alreadyClipped;
    if (!known) return { phase: 'ready', draft: { ...result.capture, sectionId }, read: result.capture };
    // A page clipped before: the form shows what was saved (the editor's corrections included),
    // in the section it already has this week, so saving unchanged changes nothing.
    const { source, uses } = known;
    const here = uses.find((u) => u.weekId === weekId);
    const draft: ClipDraft = {
      ...result.capture,
      title: source.title,
      source: source.source,
      canonicalUrl: source.canonicalUrl,
      author: source.author,
      publishedAt: source.publishedAt,
      sectionId: here?.sectionId ?? sectionId,
      // What the entry already says: shown, so typing there edits it in view instead of replacing it unseen.
      ...(here?.summary ? { summary: here.summary } : {}),
      ...(here?.tags?.length ? { tags: here.tags } : {}),
    };
    const last = uses[uses.length - 1];
    const issue = uses.filter((u) => u.issue).pop()?.issue;
    const entries = Object.fromEntries(
      uses.filter((u) => u.weekId === weekId).map((u) => [u.sectionId, { summary: u.summary }]),
    );
    return {
      phase: 'ready',
      draft,
      already: { weekId: last?.weekId ?? weekId, quotes: source.quotes.length, ...(issue ? { issue } : {}) },
      entries,
    };
  }
  const url = result.tab?.url ?? '';
  return {
    phase: 'manual',
    problem: result.problem,
    draft: {
      pageUrl: url,
      canonicalUrl: /^https?:/.test(url) ? url : '',
      title: result.tab?.title ?? '',
      source: '',
      sectionId,
    },
  };
}

/**
 * The draft after an edit in the form: choosing another section shows that section's entry's summary (or
 * none), unless the editor already typed over what the form showed. Tags stay as shown: they are added.
 */
function withEntryOf(state: CaptureState, draft: ClipDraft): ClipDraft {
  if (state.phase !== 'ready' || !state.entries || draft.sectionId === state.draft.sectionId) return draft;
  const was = state.entries[state.draft.sectionId ?? ''];
  const now = state.entries[draft.sectionId ?? ''];
  const next = { ...draft };
  if ((draft.summary ?? '') === (was?.summary ?? '')) next.summary = now?.summary ?? '';
  return next;
}

/**
 * A clipped page's uses with what each entry says, read here when the capture came without it: the form
 * shows the stored summary, so a re-clip never replaces it unseen.
 */
async function withEntries(db: ClipperDb, result: CaptureResult): Promise<CaptureResult> {
  const known = result.ok ? result.alreadyClipped : undefined;
  if (!result.ok || !known || known.uses.every((u) => u.summary !== undefined)) return result;
  const citing = await (await citations()).itemsCiting(db, known.source.id);
  const uses = known.uses.map((use) => {
    const entry = citing.find((i) => i.weekId === use.weekId && i.sectionId === use.sectionId);
    return entry ? { ...use, summary: entry.summary, tags: entry.tags } : use;
  });
  return { ...result, alreadyClipped: { ...known, uses } };
}

/** Reads the target tab once and lets the editor confirm the clip. */
export function CapturePanel(props: CapturePanelProps) {
  const { t } = useLocale();
  const [state, setState] = useState<CaptureState>({ phase: 'reading' });
  const [notice, setNotice] = useState<{ tone: NoticeTone; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(true);

  // The page is read once per popup.
  useEffect(() => {
    let cancelled = false;
    props
      .capture()
      .then((result) => withEntries(props.db, result))
      .then((result) => {
        if (cancelled) return;
        setState(stateFrom(result, props.defaultSectionId, props.currentWeekId));
        // A tab that is no page (a new tab, the browser's settings) has nothing to clip: the form
        // folds away so the week stays in view; the editor can still open it to enter a source by hand.
        if (!result.ok && (result.reason === 'restricted' || result.reason === 'no-tab')) setOpen(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const story =
    state.phase === 'reading'
      ? undefined
      : sameStoryItem(state.draft.title, state.draft.canonicalUrl, props.items ?? []);

  /** Saves the clip; with `into`, as another source of that item (one story). */
  const save = async (into?: WeekItem) => {
    if (state.phase === 'reading') return;
    setBusy(true);
    try {
      // Writing code (and the words for its outcome) load when the editor saves, not when the popup opens.
      const [writes, { describeOutcome }] = await Promise.all([itemWrites(), import('./save-outcome')]);
      const draft = into ? { ...state.draft, sectionId: into.sectionId } : state.draft;
      const outcome = await writes.saveClip(props.db, draft, {
        now: props.now(),
        weekId: props.otherWeek?.id ?? props.currentWeekId,
        newId: props.newId,
        defaultSectionId: props.defaultSectionId,
        confirmedByEditor: true,
      });
      if (into && outcome.item && outcome.item.id !== into.id) {
        await writes.joinItems(props.db, into.id, outcome.item.id, props.now());
        setNotice({ tone: 'success', text: t('addedToStory', { title: into.sources[0]?.title ?? '' }) });
        return;
      }
      const text = describeOutcome(outcome, props.sections, t, props.otherWeek?.label);
      setNotice({ tone: 'success', text });
      // What the editor corrected is learned for the site, after the save (it never holds the save up).
      const corrections = state.phase === 'ready' && state.read ? correctionsOf(state.read, draft) : [];
      if (corrections.length > 0 && props.learn) {
        void props.learn(draft.pageUrl, corrections).then(
          (fields) => {
            if (fields.length === 0) return;
            const names = fields.map((field) => t(field === 'publishedAt' ? 'published' : field)).join(', ');
            setNotice({ tone: 'success', text: `${text} ${t('learnedFields', { fields: names })}` });
          },
          () => undefined,
        );
      }
    } catch (error) {
      setNotice({ tone: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <details class="capture" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('clipThisPage')}
          {state.phase === 'manual' && !open ? (
            <span class="summary-title"> — {t('manualFolded')}</span>
          ) : (
            state.phase !== 'reading' && state.draft.title && <span class="summary-title"> — {state.draft.title}</span>
          )}
        </summary>
        {state.phase === 'reading' && <p class="reading">{t('readingPage')}</p>}
        {state.phase === 'manual' && (
          <Notice tone="error">
            {describeProblem(t, state.problem)} {t('manualBelow')}
          </Notice>
        )}
        {state.phase === 'ready' && state.draft.origins?.title === 'pdf' && !state.already && (
          <Notice tone="info">{t('pdfNotice')}</Notice>
        )}
        {state.phase === 'ready' && state.already && (
          <Notice tone="info">
            {t('alreadyClipped', { week: state.already.weekId, count: state.already.quotes })}
            {state.already.issue && ` ${t('usedInIssue', { issue: state.already.issue })}`}
          </Notice>
        )}
        {state.phase !== 'reading' && props.otherWeek && (
          <p class="hint">{t('savesToWeek', { week: props.otherWeek.label })}</p>
        )}
        {story && (
          <p class="hint same-story">
            {t('sameStory', { title: story.sources[0]?.title ?? '' })}{' '}
            <button type="button" class="link-button" disabled={busy} onClick={() => void save(story)}>
              {t('addToStory')}
            </button>
          </p>
        )}
        {state.phase !== 'reading' && (
          <ClipForm
            draft={state.draft}
            sections={props.sections}
            tags={props.tags}
            busy={busy}
            now={props.now}
            onChange={(draft) => setState({ ...state, draft: withEntryOf(state, draft) })}
            onSave={() => void save()}
          />
        )}
      </details>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
    </>
  );
}
