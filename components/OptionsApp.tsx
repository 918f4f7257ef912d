import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ClipperDb } from '../lib/db';
import { resolveLocale, translator } from '../lib/i18n';
import { EN_MESSAGES } from '../lib/i18n-en';
import { OPTIONS_MESSAGES } from '../lib/i18n-options';
import { ZH_MESSAGES } from '../lib/i18n-zh';
import { formatOverrides, parseOverrides } from '../lib/publisher-overrides';
import { getLocalMeta, getSettings, listSections, updateSettings } from '../lib/settings-repository';
import type { DigestSettings } from '../lib/types';
import { weekIdFor, weekOptionsOf } from '../lib/week';
import { BackupPanel } from './BackupPanel';
import { LocaleContext } from './locale';
import { Notice } from './Notice';
import { SectionsEditor } from './SectionsEditor';
import { StoragePanel } from './StoragePanel';
import { TemplatesEditor } from './TemplatesEditor';
import { applyTheme } from './theme';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: ClipperDb;
  newId: () => string;
  browserLanguage: string;
  today: () => string;
  now: () => number;
  saveFile: (filename: string, text: string, mimeType: string) => Promise<void>;
}

const DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Every setting applies as soon as it changes; open popups follow through the database. */
export function OptionsApp({ db, newId, browserLanguage, today, now, saveFile }: Props) {
  const settings = useLiveQuery(() => getSettings(db), []);
  const sections = useLiveQuery(() => listSections(db), []);
  const meta = useLiveQuery(() => getLocalMeta(db), []);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [overridesText, setOverridesText] = useState<string | undefined>();
  const locale = resolveLocale(settings.value?.uiLanguage ?? 'auto', browserLanguage);
  const i18n = useMemo(
    () => ({ locale, t: translator(OPTIONS_MESSAGES[locale], locale === 'zh' ? ZH_MESSAGES : {}, EN_MESSAGES) }),
    [locale],
  );
  const { t } = i18n;
  useEffect(() => {
    if (settings.value) applyTheme(settings.value.theme);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = t('optionsTitle');
  }, [settings.value, locale, t]);

  if (!settings.value || !sections.value) return <main class="options" />;
  const current = settings.value;
  const save = (patch: Partial<DigestSettings>) =>
    updateSettings(db, patch).then(
      () => setMessage({ tone: 'success', text: t('settingsSaved') }),
      (e: unknown) => setMessage({ tone: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  const text = (key: 'digestName' | 'category' | 'timeZone', label: string, hint?: string) => (
    <label>
      <span>{label}</span>
      <input name={key} value={current[key]} onChange={(e) => void save({ [key]: e.currentTarget.value.trim() })} />
      {hint && <small>{hint}</small>}
    </label>
  );
  const check = (key: 'frontMatter' | 'keepEmptySections' | 'askWhereToSave', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        name={key}
        checked={current[key]}
        onChange={(e) => void save({ [key]: e.currentTarget.checked })}
      />
      <span>{label}</span>
    </label>
  );
  const choice = <K extends 'language' | 'uiLanguage' | 'theme'>(
    key: K,
    label: string,
    options: [DigestSettings[K], string][],
  ) => (
    <label>
      <span>{label}</span>
      <select
        name={key}
        value={current[key]}
        onChange={(e) => void save({ [key]: e.currentTarget.value as DigestSettings[K] })}
      >
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  const dayName = (d: number) =>
    new Date(Date.UTC(2026, 1, 1 + d)).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-US', {
      weekday: 'long',
      timeZone: 'UTC',
    });

  return (
    <LocaleContext.Provider value={i18n}>
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        {message && <Notice tone={message.tone}>{message.text}</Notice>}

        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">{t('sectionsHeading')}</h2>
          <p class="hint">{t('sectionsHint')}</p>
          <SectionsEditor
            db={db}
            sections={sections.value}
            newId={newId}
            onError={(text) => setMessage({ tone: 'error', text })}
          />
        </section>

        <section aria-labelledby="digest-heading" class="fields">
          <h2 id="digest-heading">{t('digestHeading')}</h2>
          {text('digestName', t('digestName'))}
          {text('category', t('category'))}
          {choice('language', t('digestLanguage'), [
            ['zh', '中文'],
            ['en', 'English'],
          ])}
          <label>
            <span>{t('defaultSection')}</span>
            <select
              name="defaultSectionId"
              value={current.defaultSectionId}
              onChange={(e) => void save({ defaultSectionId: e.currentTarget.value })}
            >
              {sections.value.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {check('frontMatter', t('frontMatter'))}
          {check('keepEmptySections', t('keepEmpty'))}
          {check('askWhereToSave', t('askWhereToSave'))}
        </section>

        <section aria-labelledby="week-heading" class="fields">
          <h2 id="week-heading">{t('weekHeading')}</h2>
          <label>
            <span>{t('weekStart')}</span>
            <select
              name="weekStartsOn"
              value={current.weekStartsOn}
              onChange={(e) => void save({ weekStartsOn: Number(e.currentTarget.value) })}
            >
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {dayName(d)}
                </option>
              ))}
            </select>
          </label>
          {text(
            'timeZone',
            t('timeZone'),
            t('timeZoneHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
          )}
        </section>

        <section aria-labelledby="templates-heading" class="fields">
          <h2 id="templates-heading">{t('templatesHeading')}</h2>
          <TemplatesEditor db={db} settings={current} weekId={weekIdFor(now(), weekOptionsOf(current))} save={save} />
        </section>

        <section aria-labelledby="publishers-heading" class="fields">
          <h2 id="publishers-heading">{t('publishersHeading')}</h2>
          <label>
            <span>{t('publishersHint')}</span>
            <textarea
              name="publisherOverrides"
              rows={4}
              value={overridesText ?? formatOverrides(current.publisherOverrides)}
              onInput={(e) => setOverridesText(e.currentTarget.value)}
              onBlur={() => {
                if (overridesText === undefined) return;
                const { overrides, errors } = parseOverrides(overridesText);
                if (errors.length > 0) setMessage({ tone: 'error', text: errors.join(' ') });
                else void save({ publisherOverrides: overrides }).then(() => setOverridesText(undefined));
              }}
            />
          </label>
        </section>

        <section aria-labelledby="backup-heading" class="fields">
          <h2 id="backup-heading">{t('backupHeading')}</h2>
          <BackupPanel db={db} today={today} now={now} saveFile={saveFile} />
          <h3>{t('storageHeading')}</h3>
          <StoragePanel meta={meta.value ?? {}} />
          <label>
            <span>{t('reminderDays')}</span>
            <input
              name="backupReminderDays"
              type="number"
              min={0}
              max={365}
              value={current.backupReminderDays}
              onChange={(e) =>
                void save({
                  backupReminderDays: Math.max(0, Math.min(365, Math.round(Number(e.currentTarget.value) || 0))),
                })
              }
            />
          </label>
        </section>

        <section aria-labelledby="appearance-heading" class="fields">
          <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
          {choice('uiLanguage', t('uiLanguage'), [
            ['auto', t('auto')],
            ['zh', '中文'],
            ['en', 'English'],
          ])}
          {choice('theme', t('theme'), [
            ['auto', t('auto')],
            ['light', t('light')],
            ['dark', t('dark')],
          ])}
        </section>
      </main>
    </LocaleContext.Provider>
  );
}
