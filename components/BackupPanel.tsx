import { useRef, useState } from 'preact/hooks';
import { describeProblem } from '../lib/i18n/translate';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { type Backup, backupStore, type ClipperDb, type RestorePlan, recordBackup } from './store';

interface Props {
  db: ClipperDb;
  today: () => string;
  now: () => number;
  saveFile: (filename: string, content: string | Blob, mimeType: string) => Promise<string>;
  /** After a restore: its records go to the team (they keep their own change times, so a round looks at all). */
  onRestored?: () => void;
}

/** Download a backup; restore one after a dry run that says what it would change. */
export function BackupPanel({ db, today, now, saveFile, onRestored }: Props) {
  const { t } = useLocale();
  const [pending, setPending] = useState<
    { backup: Backup; plan: RestorePlan; issues: string[]; unlisted: number } | undefined
  >();
  // While a restore writes: how far it is, and the way to stop it before it commits.
  const [writing, setWriting] = useState<
    { done: number; total: number; stage: 'records' | 'index'; stop: AbortController } | undefined
  >();
  const [shown, setShown] = useState<
    { tone: 'success' | 'error' | 'info'; text: string; details?: string[] } | undefined
  >();
  // Each action's outcome is said only while it is the latest one: a download finishing late must
  // not cover the refusal of a file chosen meanwhile.
  const latest = useRef(0);
  const begin = () => {
    const id = ++latest.current;
    return (next: typeof shown) => {
      if (latest.current === id) setShown(next);
    };
  };

  const download = async () => {
    const setMessage = begin();
    try {
      const saved = await saveFile(
        `digest-clipper-backup-${today()}.json`,
        await (await backupStore()).createBackupBlob(db),
        'application/json',
      );
      await recordBackup(db, now());
      setMessage({ tone: 'success', text: t('backupSaved', { file: saved }) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(t, error) });
    }
  };

  const choose = async (file: File | undefined) => {
    const setMessage = begin();
    setPending(undefined);
    if (!file) return;
    const parsed = (await backupStore()).parseBackup(await file.text());
    if (!parsed.ok) {
      setMessage({
        tone: 'error',
        text: t('refused'),
        details: parsed.errors.slice(0, 20).map((issue) => describeProblem(t, issue)),
      });
      return;
    }
    setMessage(undefined);
    setPending({
      backup: parsed.backup,
      plan: await (await backupStore()).planRestore(db, parsed.backup, now()),
      issues: parsed.issues.map(
        (issue) => `${t(issue.effect === 'fixed' ? 'issueFixed' : 'issueSkipped')} ${describeProblem(t, issue)}`,
      ),
      unlisted: parsed.unlisted,
    });
  };

  const restore = async () => {
    const setMessage = begin();
    if (!pending) return;
    try {
      const stop = new AbortController();
      setWriting({ done: 0, total: 0, stage: 'records', stop });
      const done = await (await backupStore()).applyRestore(db, pending.backup, now(), {
        signal: stop.signal,
        onProgress: (written, total, stage) => setWriting({ done: written, total, stage, stop }),
      });
      onRestored?.();
      const skipped = pending.issues.length + pending.unlisted;
      setMessage({
        tone: 'success',
        text: `${t('restored', { added: done.added, updated: done.updated })}${skipped > 0 ? ` ${t('restoredWithIssues', { count: skipped })}` : ''}`,
        details: pending.issues.length > 0 ? pending.issues.slice(0, 20) : undefined,
      });
    } catch (error) {
      // The editor's own Cancel is no refusal: it says that nothing changed.
      const cancelled = (error as { code?: string }).code === 'restore.cancelled';
      setMessage(
        cancelled
          ? { tone: 'info', text: describeError(t, error) }
          : { tone: 'error', text: `${t('refused')} ${describeError(t, error)}` },
      );
    } finally {
      setWriting(undefined);
      setPending(undefined);
    }
  };

  return (
    <div class="backup">
      <p class="hint">{t('backupHint')}</p>
      <div class="actions">
        <button type="button" onClick={() => void download()}>
          {t('downloadBackup')}
        </button>
        <label class="file">
          <span>{t('restoreFrom')}</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const input = e.currentTarget;
              void choose(input.files?.[0]).finally(() => {
                // Cleared so that choosing the same file again (a second restore) is noticed.
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {pending && (
        <div class="plan" role="status">
          <p>
            {t('restorePlan', {
              added: pending.plan.added,
              updated: pending.plan.updated,
              unchanged: pending.plan.unchanged,
              conflicts: pending.plan.conflicts,
            })}
          </p>
          {pending.plan.replacesSettings && <p class="hint">{t('restoreReplaces')}</p>}
          {pending.plan.deletedHere + pending.plan.deletedThere + pending.plan.clamped + pending.plan.renamed > 0 && (
            <p class="hint">
              {t('restoreMerges', {
                deletedHere: pending.plan.deletedHere,
                deletedThere: pending.plan.deletedThere,
                clamped: pending.plan.clamped,
                renamed: pending.plan.renamed,
              })}
            </p>
          )}
          {pending.issues.length > 0 && (
            <>
              <p>{t('restoreIssues', { count: pending.issues.length + pending.unlisted })}</p>
              <ul class="errors" aria-label={t('restoreIssuesList')}>
                {pending.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
                {pending.unlisted > 0 && <li>{t('restoreIssuesMore', { count: pending.unlisted })}</li>}
              </ul>
            </>
          )}
          {writing ? (
            // Cancel rolls the whole restore back: it is one transaction until the last record.
            <div class="actions restore-progress">
              <progress
                value={writing.done}
                max={writing.total || 1}
                aria-label={t(writing.stage === 'index' ? 'restoreIndexing' : 'restoreWriting', {
                  done: writing.done,
                  total: writing.total,
                })}
              />
              <span role="status">
                {writing.total === 0
                  ? t('restorePreparing')
                  : t(writing.stage === 'index' ? 'restoreIndexing' : 'restoreWriting', {
                      done: writing.done.toLocaleString(),
                      total: writing.total.toLocaleString(),
                    })}
              </span>
              <button type="button" onClick={() => writing.stop.abort()}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <div class="actions">
              <button type="button" class="primary" onClick={() => void restore()}>
                {t('restoreNow')}
              </button>
              <button type="button" onClick={() => setPending(undefined)}>
                {t('cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {shown && (
        <Notice tone={shown.tone}>
          {shown.text}
          {shown.details && (
            <ul class="errors">
              {shown.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </div>
  );
}
