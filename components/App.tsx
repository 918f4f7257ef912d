import { useEffect, useState } from 'preact/hooks';
import { type ClipDraft, listWeek, saveClip } from '../lib/clip-repository';
import type { ClipperDb } from '../lib/db';
import { ClipInputError } from '../lib/errors';
import type { CaptureResult, Protocol, RequestOf, RequestType } from '../lib/messages';
import { getSettings, listSections } from '../lib/settings-repository';
import { weekIdFor, weekRange } from '../lib/week';
import { ClipForm } from './ClipForm';
import { Notice, type NoticeTone } from './Notice';
import { useLiveQuery } from './useLiveQuery';
import { WeekList } from './WeekList';

export interface AppProps {
  db: ClipperDb;
  now: () => number;
  newId: () => string;
  resolveTab: () => Promise<number | undefined>;
  send: <K extends RequestType>(request: RequestOf<K>) => Promise<Protocol[K]['response']>;
}

type CaptureState =
  | { phase: 'reading' }
  | { phase: 'ready'; draft: ClipDraft; already?: string }
  | { phase: 'manual'; draft: ClipDraft; reason: string };

function draftFrom(result: CaptureResult, sectionId: string): CaptureState {
  if (result.ok) {
    const known = result.alreadyClipped;
    const already = known
      ? `You clipped this page in the week of ${known.weekId} (${known.quotes} quote${known.quotes === 1 ? '' : 's'}). Saving adds this quote to that clip.`
      : undefined;
    return { phase: 'ready', draft: { ...result.capture, sectionId }, already };
  }
  const url = result.tab?.url ?? '';
  return {
    phase: 'manual',
    reason: result.message,
    draft: {
      pageUrl: url,
      canonicalUrl: /^https?:/.test(url) ? url : '',
      title: result.tab?.title ?? '',
      source: '',
      sectionId,
    },
  };
}

export function describeError(error: unknown): string {
  if (error instanceof ClipInputError) return error.message;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) {
    return 'The browser refused to store more data (the disk is full). Nothing already saved was changed; free some space and save again.';
  }
  return `Could not save the clip: ${error instanceof Error ? error.message : String(error)}. Nothing already saved was changed.`;
}

export function App({ db, now, newId, resolveTab, send }: AppProps) {
  const [weekId] = useState(() => weekIdFor(now()));
  const [capture, setCapture] = useState<CaptureState>({ phase: 'reading' });
  const [notice, setNotice] = useState<{ tone: NoticeTone; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const sections = useLiveQuery(() => listSections(db), []);
  const clips = useLiveQuery(() => listWeek(db, weekId), [weekId]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const settings = await getSettings(db);
      const tabId = await resolveTab();
      const result: CaptureResult =
        tabId === undefined
          ? { ok: false, reason: 'no-tab', message: 'There is no tab to clip. Open a page and try again.' }
          : await send({ type: 'captureTab', tabId }).catch((error: unknown) => ({
              ok: false as const,
              reason: 'injection-failed' as const,
              message: `Could not read the page: ${error instanceof Error ? error.message : String(error)}`,
            }));
      if (!cancelled) setCapture(draftFrom(result, settings.defaultSectionId));
    })();
    return () => {
      cancelled = true;
    };
  }, [db, resolveTab, send]);

  const save = async () => {
    if (capture.phase === 'reading') return;
    setBusy(true);
    try {
      const outcome = await saveClip(db, capture.draft, { now: now(), weekId, newId });
      const text = !outcome.merged
        ? 'Saved to this week.'
        : outcome.duplicateQuote
          ? 'This page is already clipped, and that quote is already on it.'
          : 'This page was already clipped: the quote was added to the existing clip.';
      setNotice({ tone: 'success', text });
    } catch (error) {
      setNotice({ tone: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportDraft = async () => {
    setBusy(true);
    try {
      const { filename } = await send({ type: 'exportWeek', weekId });
      setNotice({ tone: 'success', text: `Downloaded ${filename}.` });
    } catch (error) {
      setNotice({ tone: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const range = weekRange(weekId);
  const loadError = sections.error ?? clips.error;
  return (
    <main class="popup">
      <header class="bar">
        <h1>Digest Clipper</h1>
        <span class="week" title="This week">
          {range.start} – {range.end}
        </span>
      </header>
      {capture.phase === 'reading' && <p class="reading">Reading the page…</p>}
      {capture.phase === 'manual' && <Notice tone="error">{capture.reason}</Notice>}
      {capture.phase === 'ready' && capture.already && <Notice tone="info">{capture.already}</Notice>}
      {capture.phase !== 'reading' && sections.value && (
        <ClipForm
          draft={capture.draft}
          sections={sections.value}
          busy={busy}
          onChange={(draft) => setCapture({ ...capture, draft })}
          onSave={save}
        />
      )}
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      {loadError && <Notice tone="error">Could not read your clips: {loadError}</Notice>}
      <div class="week-head">
        <h2>This week</h2>
        <button type="button" onClick={exportDraft} disabled={busy || !clips.value?.length}>
          Export draft
        </button>
      </div>
      {clips.value && sections.value && <WeekList clips={clips.value} sections={sections.value} />}
    </main>
  );
}
