import { useEffect, useState } from 'preact/hooks';
import { EN_MESSAGES } from '../lib/i18n/en';
import type { Translate } from '../lib/i18n/keys';
import { OPTIONS_MESSAGES } from '../lib/i18n/options';
import { ZH_MESSAGES } from '../lib/i18n/zh';
import type { DigestSettings, StorageState } from '../lib/types';
import { weekIdFor, weekOptionsOf } from '../lib/week';
import { AppearanceOptions } from './AppearanceOptions';
import { BackupOptions } from './BackupOptions';
import { DatabaseTrouble } from './DatabaseTrouble';
import { DigestOptions } from './DigestOptions';
import { LearnedSitesOptions } from './LearnedSitesOptions';
import { describeError, LocaleContext } from './locale';
import { Notice } from './Notice';
import { OptionsSection } from './option-fields';
import { PublisherOptions } from './PublisherOptions';
import { SectionsEditor } from './SectionsEditor';
import { type ClipperDb, getLocalMeta, getSettings, getTeamStatus, listSections, settingsWrites } from './store';
import { type TeamActions, TeamOptions } from './TeamOptions';
import { TemplatesEditor } from './TemplatesEditor';
import { useLiveQuery } from './useLiveQuery';
import { useUiLocale } from './useUiLocale';
import { WeekOptions } from './WeekOptions';
import { WritingOptions, type WritingOptionsActions } from './WritingOptions';

interface Props {
  db: ClipperDb;
  newId: () => string;
  browserLanguage: string;
  today: () => string;
  now: () => number;
  saveFile: (filename: string, content: string | Blob, mimeType: string) => Promise<string>;
  readStorage: () => Promise<StorageState>;
  /** Everything the database holds, read without the schema: the way out when it cannot open. */
  readRaw: () => Promise<string>;
  /** Team sync through the background (absent: the page offers no Team section). */
  team?: TeamActions & { syncAll: () => Promise<unknown> };
  /** Writing help's settings and key (absent: the page offers no Writing help section). */
  writing?: WritingOptionsActions;
}

// The options page carries both languages: it is opened rarely and must not flash untranslated.
const dictionaries = async (locale: 'zh' | 'en') => [
  OPTIONS_MESSAGES[locale],
  locale === 'zh' ? ZH_MESSAGES : {},
  EN_MESSAGES,
];

/** Every setting applies as soon as it changes; open popups follow through the database. */
export function OptionsApp(props: Props) {
  const { db, newId, browserLanguage, today, now, saveFile, readStorage, readRaw, team, writing } = props;
  const settings = useLiveQuery(() => getSettings(db), []);
  const sections = useLiveQuery(() => listSections(db), []);
  const meta = useLiveQuery(() => getLocalMeta(db), []);
  const teamStatus = useLiveQuery(() => getTeamStatus(db), []);
  const connected = teamStatus.value?.connection !== undefined;
  // Worded when shown, not when set: switching the interface language rewords the last message too
  // (it said `Saved.` in English right after switching to 中文).
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: (t: Translate) => string } | undefined>();
  // Live queries wait for a database that will not open; opening it once says why it will not.
  const [openFailure, setOpenFailure] = useState<unknown>();
  useEffect(() => {
    db.open().catch((error: unknown) => setOpenFailure(error ?? new Error('unknown')));
  }, [db]);
  const i18n = useUiLocale(settings.value, browserLanguage, dictionaries);
  const { t } = i18n;
  useEffect(() => {
    if (i18n.ready) document.title = t('optionsTitle');
  }, [i18n.ready, t]);

  const openError = openFailure ?? settings.error ?? sections.error;
  if (openError !== undefined)
    return (
      <LocaleContext.Provider value={i18n}>
        <DatabaseTrouble error={openError} today={today} saveFile={saveFile} readRaw={readRaw} />
      </LocaleContext.Provider>
    );
  if (!settings.value || !sections.value || !i18n.ready) return <main class="options" />;
  const current = settings.value;
  const save = (patch: Partial<DigestSettings>) =>
    settingsWrites()
      .then((m) => m.updateSettings(db, patch, now()))
      .then(
        () => {
          setMessage({ tone: 'success', text: (tr) => tr('settingsSaved') });
          // The digest's shared settings go to the team now, not at the next round.
          if (connected) void team?.syncNow().catch(() => undefined);
        },
        (e: unknown) => setMessage({ tone: 'error', text: (tr) => describeError(tr, e) }),
      );
  const onError = (text: string) => setMessage({ tone: 'error', text: () => text });

  return (
    <LocaleContext.Provider value={i18n}>
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        {message && <Notice tone={message.tone}>{message.text(t)}</Notice>}
        <OptionsSection id="sections" title={t('sectionsHeading')} hint={t('sectionsHint')} fields={false}>
          <SectionsEditor
            db={db}
            sections={sections.value}
            newId={newId}
            now={now}
            draftLanguage={current.language}
            onError={onError}
          />
        </OptionsSection>
        <DigestOptions settings={current} sections={sections.value} save={save} />
        <WeekOptions settings={current} save={save} />
        <OptionsSection id="templates" title={t('templatesHeading')}>
          <TemplatesEditor db={db} settings={current} weekId={weekIdFor(now(), weekOptionsOf(current))} save={save} />
        </OptionsSection>
        <PublisherOptions settings={current} save={save} onError={onError} />
        <LearnedSitesOptions
          rules={current.learnedSites ?? []}
          forget={(site, field) =>
            settingsWrites()
              .then((m) => m.forgetRule(db, site, field, now()))
              .then(
                () => {
                  if (connected) void team?.syncNow().catch(() => undefined);
                },
                (e: unknown) => setMessage({ tone: 'error', text: (tr) => describeError(tr, e) }),
              )
          }
        />
        <BackupOptions
          db={db}
          settings={current}
          meta={meta.value ?? {}}
          save={save}
          today={today}
          now={now}
          saveFile={saveFile}
          readStorage={readStorage}
          onRestored={connected ? () => void team?.syncAll().catch(() => undefined) : undefined}
        />
        {team && teamStatus.value && <TeamOptions status={teamStatus.value} actions={team} />}
        {writing && <WritingOptions actions={writing} language={current.language} />}
        <AppearanceOptions settings={current} save={save} />
      </main>
    </LocaleContext.Provider>
  );
}
