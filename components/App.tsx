import { useEffect, useMemo, useState } from 'preact/hooks';
import { allTags, listTrash, listWeek, weeksWithCounts } from '../lib/clip-repository';
import type { ClipperDb } from '../lib/db';
import { type Dictionary, type Locale, loadMessages, resolveLocale, translator, weekLabel } from '../lib/i18n';
import type { CaptureResult, ExportFormat } from '../lib/messages';
import { backupOverdue, getLocalMeta, getSettings, listSections } from '../lib/settings-repository';
import { addDays, weekIdFor, weekOptionsOf, weekRange } from '../lib/week';
import { CapturePanel } from './CapturePanel';
import { lazyComponent } from './lazy';
import { LocaleContext } from './locale';
import { Notice } from './Notice';
import { applyTheme } from './theme';
import { useLiveQuery } from './useLiveQuery';
import { WeekView } from './WeekView';

const SearchPanel = lazyComponent(() => import('./SearchPanel').then((m) => m.SearchPanel));
const ExportBar = lazyComponent(() => import('./ExportBar').then((m) => m.ExportBar));
const TrashView = lazyComponent(() => import('./TrashView').then((m) => m.TrashView));

export interface AppProps {
  db: ClipperDb;
  now: () => number;
  newId: () => string;
  browserLanguage: string;
  capture: () => Promise<CaptureResult>;
  exportWeek: (weekId: string, format: ExportFormat) => Promise<{ filename: string }>;
  openOptions: () => void;
}

type View = 'week' | 'trash';

export function App({ db, now, newId, browserLanguage, capture, exportWeek, openOptions }: AppProps) {
  const settings = useLiveQuery(() => getSettings(db), []);
  const sections = useLiveQuery(() => listSections(db), []);

  const weekOptions = settings.value ? weekOptionsOf(settings.value) : undefined;
  const currentWeekId = weekOptions ? weekIdFor(now(), weekOptions) : undefined;
  const [chosenWeek, setChosenWeek] = useState<string | undefined>();
  const weekId = chosenWeek ?? currentWeekId;
  const clips = useLiveQuery(() => (weekId ? listWeek(db, weekId) : Promise.resolve(undefined)), [weekId]);
  const lede = useLiveQuery(() => (weekId ? db.weeks.get(weekId) : Promise.resolve(undefined)), [weekId]);
  // Everything beyond the week itself reads across all weeks: it waits until the week is shown.
  const weekOnScreen = clips.value !== undefined;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // After the frame that paints the week, so these reads never delay it.
    if (!weekOnScreen || shown) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setShown(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [weekOnScreen, shown]);
  const later =
    <T,>(query: () => Promise<T>) =>
    () =>
      shown ? query() : Promise.resolve(undefined);
  const tags = useLiveQuery(
    later(() => allTags(db)),
    [shown],
  );
  const trash = useLiveQuery(
    later(() => listTrash(db)),
    [shown],
  );
  const weeks = useLiveQuery(
    later(() => weeksWithCounts(db)),
    [shown],
  );
  const backupDue = useLiveQuery(
    later(async () => {
      const [meta, config, oldest] = await Promise.all([
        getLocalMeta(db),
        getSettings(db),
        db.clips.orderBy('updatedAt').first(),
      ]);
      return backupOverdue(meta, config, oldest?.updatedAt, now());
    }),
    [shown],
  );
  const [view, setView] = useState<View>('week');
  const [query, setQuery] = useState('');
  const [focusClipId, setFocusClipId] = useState<string | undefined>();

  const locale = resolveLocale(settings.value?.uiLanguage ?? 'auto', browserLanguage);
  const [messages, setMessages] = useState<{ locale: Locale; dictionary: Dictionary } | undefined>();
  useEffect(() => {
    let live = true;
    void loadMessages(locale).then((dictionary) => {
      if (live) setMessages({ locale, dictionary });
    });
    return () => {
      live = false;
    };
  }, [locale]);
  const i18n = useMemo(() => ({ locale, t: translator(messages?.dictionary ?? {}) }), [locale, messages]);
  const { t } = i18n;
  useEffect(() => {
    if (settings.value) applyTheme(settings.value.theme);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [settings.value, locale]);

  if (!settings.value || !sections.value || !weekId || !currentWeekId || messages?.locale !== locale) {
    const loadError = settings.error ?? sections.error;
    return (
      <main class="popup">{loadError && <Notice tone="error">{t('couldNotRead', { error: loadError })}</Notice>}</main>
    );
  }

  const range = weekRange(weekId);
  const weekList = weeks.value ?? [];
  const knownWeeks = weekList.some((w) => w.weekId === weekId)
    ? weekList
    : [{ weekId, count: clips.value?.length ?? 0 }, ...weekList];
  const loadError = clips.error ?? trash.error;
  return (
    <LocaleContext.Provider value={i18n}>
      <main class="popup">
        <header class="bar">
          <h1>{t('appName')}</h1>
          <button type="button" class="icon" onClick={openOptions} aria-label={t('options')} title={t('options')}>
            ⚙
          </button>
        </header>
        {backupDue.value && (
          <p class="notice notice--info backup-due">
            {t('backupDue')}{' '}
            <button type="button" onClick={openOptions}>
              {t('backupNow')}
            </button>
          </p>
        )}
        <CapturePanel
          db={db}
          sections={sections.value}
          tags={tags.value ?? []}
          defaultSectionId={settings.value.defaultSectionId}
          currentWeekId={currentWeekId}
          now={now}
          newId={newId}
          capture={capture}
        />
        <nav class="week-nav" aria-label={t('pastWeeks')}>
          <button type="button" aria-label={t('previousWeek')} onClick={() => setChosenWeek(addDays(weekId, -7))}>
            ‹
          </button>
          <select
            aria-label={t('pastWeeks')}
            value={weekId}
            onChange={(e) => {
              setChosenWeek(e.currentTarget.value);
              setView('week');
            }}
          >
            {knownWeeks.map((w) => (
              <option key={w.weekId} value={w.weekId}>
                {t('weekOption', { range: weekLabel(w.weekId, weekRange(w.weekId).end, locale), count: w.count })}
              </option>
            ))}
          </select>
          <button type="button" aria-label={t('nextWeek')} onClick={() => setChosenWeek(addDays(weekId, 7))}>
            ›
          </button>
          <button type="button" disabled={weekId === currentWeekId} onClick={() => setChosenWeek(undefined)}>
            {t('thisWeek')}
          </button>
        </nav>
        <div class="week-head">
          <h2 id="week-label">{weekLabel(range.start, range.end, locale)}</h2>
          <button
            type="button"
            onClick={() => setView(view === 'trash' ? 'week' : 'trash')}
            aria-pressed={view === 'trash'}
          >
            {view === 'trash' ? t('backToWeek') : t('trash', { count: trash.value?.length ?? 0 })}
          </button>
        </div>
        {view === 'week' && clips.value && (
          <ExportBar
            db={db}
            weekId={weekId}
            clips={clips.value}
            sections={sections.value}
            exportWeek={exportWeek}
            onFocusClip={(id) => setFocusClipId(id)}
          />
        )}
        {loadError && <Notice tone="error">{t('couldNotRead', { error: loadError })}</Notice>}
        <input
          type="search"
          class="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        {query.trim() !== '' ? (
          <SearchPanel
            db={db}
            query={query}
            tags={tags.value ?? []}
            onOpen={(clip) => {
              setQuery('');
              setView('week');
              setChosenWeek(clip.weekId);
              setFocusClipId(clip.id);
            }}
          />
        ) : view === 'trash' ? (
          <TrashView db={db} trash={trash.value ?? []} now={now} />
        ) : (
          clips.value && (
            <WeekView
              db={db}
              weekId={weekId}
              clips={clips.value}
              sections={sections.value}
              tags={tags.value ?? []}
              lede={lede.value?.lede ?? ''}
              focusClipId={focusClipId}
              now={now}
              newId={newId}
            />
          )
        )}
      </main>
    </LocaleContext.Provider>
  );
}
