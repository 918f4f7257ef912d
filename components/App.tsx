import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadMessages, weekLabel } from '../lib/i18n/translate';
import type { CaptureResult, ExportFormat } from '../lib/messages';
import { draftSectionName } from '../lib/section-name';
import type { LearnedField } from '../lib/types';
import { weekIdFor, weekOptionsOf, weekRange } from '../lib/week';
import type { TabClips } from './BatchClip';
import type { Correction } from './CapturePanel';
import { lazyComponent } from './lazy';
import { describeError, LocaleContext } from './locale';
import { Notice } from './Notice';
import type { PageCheckRunner } from './PageChecks';
import type { PanelTabAccess } from './PanelClip';
import {
  allTags,
  backupOverdue,
  type ClipperDb,
  getLocalMeta,
  getSettings,
  getTeamStatus,
  listSections,
  listTrash,
  listWeek,
  weeksWithCounts,
} from './store';
import { useLiveQuery } from './useLiveQuery';
import { useUiLocale } from './useUiLocale';
import { WeekNav } from './WeekNav';
import { WeekView } from './WeekView';
import { type WritingAccess, WritingContext } from './writing-context';

// The capture form loads beside the week, not before it: the clipper reads the page meanwhile.
const CapturePanel = lazyComponent(() => import('./CapturePanel').then((m) => m.CapturePanel));
const SearchPanel = lazyComponent(() => import('./SearchPanel').then((m) => m.SearchPanel));
const ExportBar = lazyComponent(() => import('./ExportBar').then((m) => m.ExportBar));
const TrashView = lazyComponent(() => import('./TrashView').then((m) => m.TrashView));
const BatchClip = lazyComponent(() => import('./BatchClip').then((m) => m.BatchClip));
// The side panel's clip form: loaded in the panel only, not in the popup's start-up script.
const PanelClip = lazyComponent(() => import('./PanelClip').then((m) => m.PanelClip));
const TeamIndicator = lazyComponent(() => import('./TeamIndicator').then((m) => m.TeamIndicator));

export interface AppProps {
  db: ClipperDb;
  now: () => number;
  newId: () => string;
  browserLanguage: string;
  capture: () => Promise<CaptureResult>;
  exportWeek: (weekId: string, format: ExportFormat) => Promise<{ filename: string }>;
  openOptions: () => void;
  /** The toolbar popup (a quick clip and a glance) or the side panel that stays open beside the page. */
  surface?: 'popup' | 'panel';
  /** Opens the side panel (and closes the popup), offered where the browser has one; rejects when it cannot. */
  openPanel?: () => Promise<void>;
  /** Clipping several tabs at once (components/BatchClip.tsx). */
  tabClips?: TabClips;
  /** Link and quote checks (components/PageChecks.tsx). */
  checkPages?: PageCheckRunner;
  /** *Clip this tab* in the side panel (components/PanelClip.tsx). */
  panelTab?: PanelTabAccess;
  /** Keeps team sync live while the week is shown; returns how to stop. */
  stayLive?: () => () => void;
  /**
   * Learns where the fields corrected in the popup's form stand on the page's site (the popup's tab; the
   * side panel gives its tab's access back right after reading it, so it teaches nothing).
   */
  learn?: (pageUrl: string, corrections: Correction[]) => Promise<LearnedField[]>;
  /** The writing help as set in options (lib/browser/writing-help.ts), loaded at a form's first use. */
  writing?: WritingAccess['load'];
}

type View = 'week' | 'trash';

export function App(props: AppProps) {
  const { db, now, newId, browserLanguage, capture, exportWeek, openOptions, openPanel } = props;
  const panel = props.surface === 'panel';
  const settings = useLiveQuery(() => getSettings(db), []);
  const stored = useLiveQuery(() => listSections(db), []);
  // Sections by the name the draft prints (an English digest shows its English names).
  const language = settings.value?.language;
  // One object while the language stays: a form loads the writing help once, not at every render.
  const writing = useMemo(
    () => (props.writing ? { load: props.writing, language: language ?? 'zh' } : undefined),
    [props.writing, language],
  );
  const sections = {
    error: stored.error,
    value: useMemo(
      () => (language ? stored.value?.map((s) => ({ ...s, name: draftSectionName(s, language) })) : undefined),
      [stored.value, language],
    ),
  };

  const weekOptions = settings.value ? weekOptionsOf(settings.value) : undefined;
  const currentWeekId = weekOptions ? weekIdFor(now(), weekOptions) : undefined;
  const [chosenWeek, setChosenWeek] = useState<string | undefined>();
  const weekId = chosenWeek ?? currentWeekId;
  const items = useLiveQuery(() => (weekId ? listWeek(db, weekId) : Promise.resolve(undefined)), [weekId]);
  const week = useLiveQuery(() => (weekId ? db.weeks.get(weekId) : Promise.resolve(undefined)), [weekId]);
  const team = useLiveQuery(() => getTeamStatus(db), []);
  const onTeam = team.value?.connection !== undefined;
  const { stayLive } = props;
  useEffect(() => (onTeam && stayLive ? stayLive() : undefined), [onTeam, stayLive]);
  // Everything beyond the week itself reads across all weeks: it waits until the week is shown.
  const weekOnScreen = items.value !== undefined;
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
        db.items.orderBy('updatedAt').first(),
      ]);
      return backupOverdue(meta, config, oldest?.updatedAt, now());
    }),
    [shown],
  );
  const [view, setView] = useState<View>('week');
  const [panelError, setPanelError] = useState<unknown>();
  const [query, setQuery] = useState('');
  const [focusItemId, setFocusItemId] = useState<string | undefined>();

  const i18n = useUiLocale(settings.value, browserLanguage, async (locale) => [await loadMessages(locale)]);
  const { t, locale } = i18n;

  if (!settings.value || !sections.value || !weekId || !currentWeekId || !i18n.ready) {
    const loadError = settings.error ?? sections.error;
    return (
      <main class="popup">
        {loadError !== undefined && (
          <Notice tone="error">{t('couldNotRead', { error: describeError(t, loadError) })}</Notice>
        )}
      </main>
    );
  }

  const range = weekRange(weekId);
  const weekList = weeks.value ?? [];
  const knownWeeks = weekList.some((w) => w.weekId === weekId)
    ? weekList
    : [{ weekId, count: items.value?.length ?? 0 }, ...weekList];
  const loadError = items.error ?? trash.error;
  // The clip form's inputs, the same in the popup and in the side panel's Clip this tab.
  const formProps = {
    db,
    sections: sections.value,
    tags: tags.value ?? [],
    defaultSectionId: settings.value.defaultSectionId,
    currentWeekId,
    otherWeek: weekId === currentWeekId ? undefined : { id: weekId, label: weekLabel(range.start, range.end, locale) },
    now,
    newId,
    items: items.value,
  };
  return (
    <LocaleContext.Provider value={i18n}>
      <WritingContext.Provider value={writing}>
        <main class={panel ? 'popup panel' : 'popup'}>
          <header class="bar">
            <h1>{t('appName')}</h1>
            {openPanel && (
              <button
                type="button"
                class="icon"
                onClick={() => openPanel().catch(setPanelError)}
                aria-label={t('openPanel')}
                title={t('openPanel')}
              >
                ◨
              </button>
            )}
            {onTeam && team.value && (
              <TeamIndicator
                status={team.value}
                conflicts={
                  (week.value?.conflicts?.length ?? 0) +
                  (items.value ?? []).reduce(
                    (n, i) =>
                      n + (i.conflicts?.length ?? 0) + i.sources.reduce((m, s) => m + (s.conflicts?.length ?? 0), 0),
                    0,
                  )
                }
                onOpen={openOptions}
              />
            )}
            <button type="button" class="icon" onClick={openOptions} aria-label={t('options')} title={t('options')}>
              ⚙
            </button>
          </header>
          {panelError !== undefined && (
            <Notice tone="error">{t('panelFailed', { error: describeError(t, panelError) })}</Notice>
          )}
          {backupDue.value && (
            <p class="notice notice--info backup-due">
              {t('backupDue')}{' '}
              <button type="button" onClick={openOptions}>
                {t('backupNow')}
              </button>
            </p>
          )}
          {/* The panel is not a click on the toolbar: it reads the tab beside it only when asked (Clip this
            tab, at that click); clips from the toolbar, the menu or the shortcut appear here as they land. */}
          {panel ? (
            props.panelTab ? (
              <PanelClip {...formProps} access={props.panelTab} />
            ) : (
              <p class="hint">{t('panelHint')}</p>
            )
          ) : (
            <CapturePanel {...formProps} capture={capture} learn={props.learn} />
          )}
          {props.tabClips && (
            <BatchClip
              sections={sections.value}
              defaultSectionId={settings.value.defaultSectionId}
              tabClips={props.tabClips}
            />
          )}
          <WeekNav
            weekId={weekId}
            currentWeekId={currentWeekId}
            weeks={knownWeeks}
            onChoose={(id) => {
              setChosenWeek(id);
              setView('week');
            }}
          />
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
          {view === 'week' && items.value && (
            <ExportBar
              db={db}
              weekId={weekId}
              items={items.value}
              sections={sections.value}
              exportWeek={exportWeek}
              onFocusItem={(id) => setFocusItemId(id)}
              checkPages={props.checkPages}
              folded={panel}
            />
          )}
          {loadError !== undefined && (
            <Notice tone="error">{t('couldNotRead', { error: describeError(t, loadError) })}</Notice>
          )}
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
              onOpen={(item) => {
                setQuery('');
                setView('week');
                setChosenWeek(item.weekId);
                setFocusItemId(item.id);
              }}
            />
          ) : view === 'trash' ? (
            <TrashView db={db} trash={trash.value ?? []} now={now} />
          ) : (
            items.value && (
              <WeekView
                db={db}
                weekId={weekId}
                items={items.value}
                sections={sections.value}
                tags={tags.value ?? []}
                week={week.value}
                focusItemId={focusItemId}
                deepDiveQuotes={settings.value.deepDiveQuotes}
                now={now}
                newId={newId}
              />
            )
          )}
        </main>
      </WritingContext.Provider>
    </LocaleContext.Provider>
  );
}
