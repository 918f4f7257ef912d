import { useRef, useState } from 'preact/hooks';
import {
  BROKEN,
  type CheckTarget,
  checkTargets,
  type LinkCheck,
  type PageCheckReport,
} from '../lib/digest/page-checks';
import { accessPatterns } from '../lib/host-patterns';
import type { Section, WeekItem } from '../lib/types';
import { itemLabel } from './ItemCard';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { type ClipperDb, weekWrites } from './store';
import { useLiveQuery } from './useLiveQuery';

export type PageCheckRunner = (
  targets: CheckTarget[],
  origins: string[],
  run: {
    onProgress: (done: number, total: number) => void;
    signal: AbortSignal;
  },
) => Promise<PageCheckReport | undefined>;

interface Props {
  db: ClipperDb;
  weekId: string;
  items: WeekItem[];
  sections: Section[];
  checkPages: PageCheckRunner;
  onFocusItem: (id: string) => void;
}

const needsLook = (link: LinkCheck) =>
  link.status !== 'ok' || link.quotes.some((q) => !q.found) || (link.unchecked ?? 0) > 0;

/**
 * "Check links and quotes": fetches every page the week cites (with access asked for in the
 * click and given back after), and lists what a reader would hit and which quotes moved.
 */
export function PageChecks({ db, weekId, items, sections, checkPages, onFocusItem }: Props) {
  const { t, locale } = useLocale();
  const stored = useLiveQuery(() => db.settings.get(`checks:${weekId}`), [weekId]);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const running = useRef<AbortController | undefined>(undefined);
  const report = stored.value?.value as PageCheckReport | undefined;
  // In the order the week shows them, so the report reads top to bottom like the week.
  const rank = new Map(sections.map((section, i) => [section.id, i]));
  const inOrder = [...items].sort(
    (a, b) =>
      (rank.get(a.sectionId) ?? rank.size) - (rank.get(b.sectionId) ?? rank.size) ||
      (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
  );
  const targets = checkTargets(inOrder);

  const run = () => {
    const controller = new AbortController();
    running.current = controller;
    setProblem(undefined);
    setProgress({ done: 0, total: targets.length });
    checkPages(targets, accessPatterns(targets.map((target) => target.url)), {
      onProgress: (done, total) => setProgress({ done, total }),
      signal: controller.signal,
    })
      .then(async (result) => {
        if (!result) setProblem(t('linkCheckRefused'));
        else if (!controller.signal.aborted) await (await weekWrites()).savePageChecks(db, weekId, result);
      })
      .catch((error: unknown) => setProblem(t('linkCheckFailed', { error: describeError(t, error) })))
      .finally(() => {
        running.current = undefined;
        setProgress(undefined);
      });
  };

  const titleOf = (id: string) => {
    const item = items.find((i) => i.id === id);
    return (item && itemLabel(item)) || t('untitled');
  };
  // The report speaks of the week as it is now: links the editor removed or changed since the check
  // leave it (and its counts), and the hint below says how the week moved on.
  const cited = new Set(targets.map((target) => target.url));
  const current = report?.links.filter((l) => cited.has(l.url)) ?? [];
  const checked = new Set(report?.links.map((l) => l.url));
  const since = {
    gone: (report?.links.length ?? 0) - current.length,
    added: targets.filter((target) => !checked.has(target.url)).length,
  };
  const flagged = current.filter(needsLook);
  const broken = current.filter((l) => BROKEN.has(l.status)).length;
  const missing = current.reduce((n, l) => n + l.quotes.filter((q) => !q.found).length, 0);

  return (
    <div class="page-checks">
      {progress ? (
        <p class="actions">
          <progress value={progress.done} max={progress.total} aria-label={t('linkChecks')} />
          <span role="status">{t('linkCheckProgress', progress)}</span>
          <button type="button" onClick={() => running.current?.abort()}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={run} disabled={targets.length === 0} title={t('linkCheckWhy')}>
          {t('checkLinks')}
        </button>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {report && (
        <div class="check-report" data-testid="link-report">
          <p class="hint">
            {t('linkCheckSummary', {
              when: new Date(report.at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
              links: current.length,
              broken,
              look: flagged.filter((l) => !BROKEN.has(l.status) && l.status !== 'moved').length,
              missing,
            })}
          </p>
          {(since.gone > 0 || since.added > 0) && <p class="hint">{t('linkCheckSince', since)}</p>}
          <ul>
            {flagged.map((link) => (
              <li
                key={link.url}
                class={BROKEN.has(link.status) ? 'bad' : link.status === 'moved' ? 'info' : 'look'}
                data-status={link.status}
              >
                <button type="button" class="link-button" onClick={() => onFocusItem(link.itemIds[0] as string)}>
                  {titleOf(link.itemIds[0] as string)}
                </button>
                {': '}
                {t(`link.${link.status}`, {
                  code: link.httpStatus === 200 ? t('softError') : (link.httpStatus ?? ''),
                })}
                <span class="url">{link.finalUrl ?? link.url}</span>
                {link.quotes
                  .filter((q) => !q.found)
                  .map((q) => (
                    <p key={q.text} class="quote-check">
                      {t('quoteMissing', { quote: q.text })}{' '}
                      {q.closest ? t('quoteClosest', { passage: q.closest }) : t('quoteNowhere')}
                    </p>
                  ))}
                {link.unchecked ? (
                  <p class="quote-check">
                    {/* A page that answered yet gave no text to look in: a PDF, or words its script draws. */}
                    {t(
                      link.status === 'barrier'
                        ? 'quotesBehindBarrier'
                        : link.httpStatus !== undefined && link.httpStatus < 400
                          ? 'quotesNoText'
                          : 'quotesUnchecked',
                      { count: link.unchecked },
                    )}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
