import { useEffect, useState } from 'preact/hooks';
import { checkDraft } from '../lib/digest/draft-checks';
import type { ExportFormat } from '../lib/messages';
import type { Section, WeekItem } from '../lib/types';
import { describeError, useLocale } from './locale';
import { Notice, type NoticeTone } from './Notice';
import { type PageCheckRunner, PageChecks } from './PageChecks';
import { type ClipperDb, citations, weekWrites } from './store';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: ClipperDb;
  weekId: string;
  items: WeekItem[];
  sections: Section[];
  exportWeek: (weekId: string, format: ExportFormat) => Promise<{ filename: string }>;
  onFocusItem: (id: string) => void;
  /** Link and quote checks; absent where the page cannot ask for site access. */
  checkPages?: PageCheckRunner;
  /** Folded into one line that opens on demand (the side panel: the week comes first). */
  folded?: boolean;
}

/** Export, copy and the draft checks for the week on screen. */
export function ExportBar({ db, weekId, items, sections, exportWeek, onFocusItem, checkPages, folded }: Props) {
  const { t, locale } = useLocale();
  const [notice, setNotice] = useState<{ tone: NoticeTone; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // The module loads first, so the live query itself awaits only the database (Dexie tracks its reads).
  const [cites, setCites] = useState<Awaited<ReturnType<typeof citations>>>();
  useEffect(() => void citations().then(setCites), []);
  const earlier = useLiveQuery(
    () => (cites ? cites.earlierUses(db, items) : Promise.resolve(undefined)),
    [items, cites],
  );
  const checks = checkDraft({ weekId, items, sections, earlier: earlier.value ?? [] });
  const empty = items.length === 0;
  const week = useLiveQuery(() => db.weeks.get(weekId), [weekId]);
  const published = week.value?.published;
  const publish = (on: boolean) =>
    attempt(async () => {
      const issue = await (await weekWrites()).setPublished(db, weekId, on, Date.now());
      return on ? t('publishedAs', { issue }) : t('unlocked', { issue });
    });

  const attempt = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice({ tone: 'success', text: await work() });
    } catch (error) {
      setNotice({
        tone: 'error',
        text: t('copyFailed', { error: describeError(t, error) }),
      });
    } finally {
      setBusy(false);
    }
  };
  const download = (format: ExportFormat) =>
    attempt(async () => {
      try {
        return t('downloaded', { file: (await exportWeek(weekId, format)).filename });
      } catch (error) {
        throw new Error(t('exportFailed', { error: describeError(t, error) }));
      }
    });
  const copy = (kind: 'markdown' | 'rich' | 'wechat') =>
    attempt(async () => {
      // The renderers load on first copy: they are not needed to open the popup.
      const { renderForClipboard } = await import('../lib/export-week');
      const { text, html } = await renderForClipboard(db, weekId, kind === 'wechat');
      if (kind === 'markdown') {
        await navigator.clipboard.writeText(text);
      } else {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([text], { type: 'text/plain' }),
          }),
        ]);
      }
      return t('copied', { format: kind === 'markdown' ? 'Markdown' : kind === 'rich' ? 'HTML' : t('wechat') });
    });

  const content = (
    <>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void download('markdown')} disabled={busy || empty}>
          {t('exportDraft')}
        </button>
        <button type="button" onClick={() => void copy('markdown')} disabled={busy || empty}>
          {t('copyMarkdown')}
        </button>
        <button type="button" onClick={() => void copy('rich')} disabled={busy || empty}>
          {t('copyRich')}
        </button>
        <button type="button" onClick={() => void download('html')} disabled={busy || empty}>
          {t('downloadHtml')}
        </button>
        <button type="button" onClick={() => void copy('wechat')} disabled={busy || empty}>
          {t('copyWechat')}
        </button>
        <button type="button" onClick={() => void download('wechat')} disabled={busy || empty}>
          {t('downloadWechat')}
        </button>
      </div>
      {published ? (
        <p class="hint published">
          {t('publishedAs', { issue: published.issue })}{' '}
          <button type="button" onClick={() => void publish(false)} disabled={busy}>
            {t('unlock')}
          </button>
        </p>
      ) : (
        !empty && (
          <button type="button" class="link-button" onClick={() => void publish(true)} disabled={busy}>
            {t('markPublished')}
          </button>
        )
      )}
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      {!empty && (
        <details class="checks">
          <summary>{t('checks', { count: checks.length })}</summary>
          {checks.length === 0 ? (
            <p class="hint">{t('checksNone')}</p>
          ) : (
            <ul>
              {checks.map((check, i) => {
                // A length reads with thousands separators in the UI's language (1,000,000 / 1,000,000).
                const detail =
                  check.kind === 'long-quote'
                    ? Number(check.detail).toLocaleString(locale)
                    : check.kind === 'untouched-draft'
                      ? t(check.detail === 'note' ? 'draftWhatNote' : 'draftWhatSummary')
                      : (check.detail ?? '');
                const text = t(`check.${check.kind}`, { subject: check.subject, detail });
                return (
                  <li key={`${check.kind}-${check.itemId ?? check.sectionId}-${i}`}>
                    {check.itemId ? (
                      <button type="button" class="link-button" onClick={() => onFocusItem(check.itemId as string)}>
                        {text}
                      </button>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </details>
      )}
      {!empty && checkPages && (
        <PageChecks
          db={db}
          weekId={weekId}
          items={items}
          sections={sections}
          checkPages={checkPages}
          onFocusItem={onFocusItem}
        />
      )}
    </>
  );
  if (!folded) return <div class="export-bar">{content}</div>;
  return (
    <details class="export-bar folded">
      <summary>
        {t('exportAndChecks')}
        {!empty && checks.length > 0 && <span class="count"> · {t('checksShort', { count: checks.length })}</span>}
        {published && <span class="count"> · {t('publishedShort')}</span>}
      </summary>
      {content}
    </details>
  );
}
