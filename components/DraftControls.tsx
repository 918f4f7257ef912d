import { useEffect, useRef, useState } from 'preact/hooks';
import type { DigestLanguage } from '../lib/types';
import type { WritingHelp } from '../lib/writing/draft';
import type { DraftShape } from '../lib/writing/draft-text';
import type { DraftMaterial } from '../lib/writing/prompts';
import type { WritingTask } from '../lib/writing/settings';
import { describeError, useLocale } from './locale';

export interface DraftFieldProps {
  help: WritingHelp;
  language: DigestLanguage;
  /** The field's text now. */
  value: string;
  /** The drafted text not yet accepted, if the field holds one. */
  pending: string | undefined;
  /**
   * Puts text in the field with its drafted mark, at once: the draft as it streams (no mark yet), the
   * finished draft (marked), what was there before on Undo, the same text unmarked on Accept.
   */
  onDraft: (text: string, pending: string | undefined) => void;
  /** What a draft is written from (read at the click). */
  material: () => DraftMaterial;
  /** The field, for its keys: Enter (Ctrl+Enter in a note) accepts, Ctrl+Z brings back what was there. */
  field: () => HTMLInputElement | HTMLTextAreaElement | null | undefined;
  shape: DraftShape;
  /** The tasks offered beside the field: a summary or key points, and a translation of what it holds. */
  tasks: readonly WritingTask[];
}

const LABELS = { summary: 'draftSummary', keyPoints: 'draftKeyPoints', translate: 'translateText' } as const;

/**
 * The writing help beside one field: a draft streams into it, can be stopped, and stays a suggestion
 * (badge, Accept, Undo) until the editor accepts or edits it. Never writes without a click.
 */
export function DraftControls(props: DraftFieldProps) {
  const { help, language, value, pending, field, shape, tasks } = props;
  // A draft streams over many renders: its callbacks reach the form as it is now, not as it was at the click.
  const latest = useRef(props);
  latest.current = props;
  const put = (text: string, mark: string | undefined) => latest.current.onDraft(text, mark);
  const { t } = useLocale();
  const [running, setRunning] = useState<AbortController>();
  const [progress, setProgress] = useState<number>();
  const [message, setMessage] = useState<string>();
  // What the field held before the last draft: Undo and Ctrl+Z bring it back.
  const before = useRef<string>();
  const untouched = pending !== undefined && value === pending;

  const undo = () => {
    put(before.current ?? latest.current.value, undefined);
    before.current = undefined;
  };
  const accept = () => {
    before.current = undefined;
    put(latest.current.value, undefined);
  };

  useEffect(() => {
    const el = field();
    if (!el || !untouched) return;
    const onKey = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Enter' && (mod || shape === 'line')) {
        e.preventDefault();
        e.stopPropagation();
        accept();
      } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      }
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  });

  const run = (task: WritingTask) => {
    const stop = new AbortController();
    const was = value;
    let last = '';
    setRunning(stop);
    setMessage(undefined);
    setProgress(undefined);
    before.current = was;
    const source = task === 'translate' ? { text: was } : latest.current.material();
    help
      .draft({
        task,
        language,
        material: source,
        shape,
        signal: stop.signal,
        onText: (text) => {
          last = text;
          setProgress(undefined);
          put(text, undefined);
        },
        onProgress: setProgress,
      })
      .then(
        (result) => {
          const text = result.stopped ? last : result.text;
          if (!text) return undo();
          put(text, text);
          if (result.cut) setMessage(t('draftCut'));
        },
        (error: unknown) => {
          setMessage(describeError(t, error));
          // What arrived stays as a draft (the message says so); nothing arrived: the field as it was.
          if (last) put(last, last);
          else undo();
        },
      )
      .finally(() => {
        setRunning(undefined);
        setProgress(undefined);
        field()?.focus();
      });
  };

  return (
    <div class="draft-controls" data-engine={help.engine}>
      {running ? (
        <>
          <button type="button" class="link-button" onClick={() => running.abort()}>
            {t('draftStop')}
          </button>
          <span class="hint" role="status">
            {progress !== undefined
              ? t('draftDownloading', { percent: Math.round(progress * 100) })
              : t('drafting', { engine: t(help.engine === 'device' ? 'draftEngineDevice' : 'draftEngineEndpoint') })}
          </span>
        </>
      ) : (
        tasks.map((task) => (
          <button
            key={task}
            type="button"
            class="link-button"
            disabled={task === 'translate' && !value.trim()}
            onClick={() => run(task)}
          >
            {t(LABELS[task])}
          </button>
        ))
      )}
      {untouched && !running && (
        <span class="drafted-state">
          <span class="drafted-badge">{t('draftedBadge')}</span>
          <span class="hint">{t(shape === 'line' ? 'draftedHint' : 'draftedHintNote')}</span>
          <button type="button" class="link-button" onClick={accept}>
            {t('draftAccept')}
          </button>
          {before.current !== undefined && (
            <button type="button" class="link-button" onClick={undo}>
              {t('draftUndo')}
            </button>
          )}
        </span>
      )}
      {message && (
        <span class="hint draft-message" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
