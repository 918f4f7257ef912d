import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n/keys';
import type { DigestLanguage } from '../lib/types';
import {
  DEFAULT_PROMPTS,
  DEFAULT_STYLE,
  WRITING_TASKS,
  type WritingEngine,
  type WritingSettings,
} from '../lib/writing/settings';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { OptionsSection } from './option-fields';

/** What the options page can do with the writing help (lib/browser/writing-help.ts): each runs in the click. */
export interface WritingOptionsActions {
  load: () => Promise<{ settings: WritingSettings; hasKey: boolean }>;
  /** `apiKey`: a new key, `''` to forget it, undefined to keep it. Asks for the endpoint's origin in the click. */
  save: (settings: WritingSettings, apiKey: string | undefined) => Promise<WritingSettings>;
  /** What the browser's own model can do for the digest's language. */
  deviceStatus: (language: DigestLanguage) => Promise<'unavailable' | 'downloadable' | 'downloading' | 'available'>;
}

const ENGINES: readonly WritingEngine[] = ['off', 'device', 'endpoint'];
const ENGINE_LABELS = { off: 'writingOff', device: 'writingDevice', endpoint: 'writingEndpoint' } as const;
const PROMPT_LABELS = {
  summary: 'writingPromptSummary',
  keyPoints: 'writingPromptKeyPoints',
  translate: 'writingPromptTranslate',
} as const;
const DEVICE_STATES = {
  available: 'writingDeviceAvailable',
  downloadable: 'writingDeviceDownloadable',
  downloading: 'writingDeviceDownloading',
  unavailable: 'writingDeviceUnavailable',
} as const;

/**
 * Options → Writing help: off (the default), the browser's own model, or the editor's OpenAI-compatible
 * endpoint (address, model, key); the house style per digest language and the instructions, editable.
 */
export function WritingOptions({ actions, language }: { actions: WritingOptionsActions; language: DigestLanguage }) {
  const { t } = useLocale();
  const [settings, setSettings] = useState<WritingSettings>();
  const [hasKey, setHasKey] = useState(false);
  const [key, setKey] = useState('');
  const [device, setDevice] = useState<keyof typeof DEVICE_STATES>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: (tr: Translate) => string }>();
  useEffect(() => {
    void actions.load().then((loaded) => {
      setSettings(loaded.settings);
      setHasKey(loaded.hasKey);
    });
  }, [actions]);
  useEffect(() => {
    if (settings?.engine === 'device')
      void actions.deviceStatus(language).then(setDevice, () => setDevice('unavailable'));
  }, [actions, language, settings?.engine]);
  if (!settings) return null;
  const change = (patch: Partial<WritingSettings>) => setSettings({ ...settings, ...patch });
  const save = (apiKey: string | undefined) => {
    setBusy(true);
    setMessage(undefined);
    // Called in the click: the browser grants the endpoint's origin only there.
    actions
      .save(settings, apiKey)
      .then(
        (saved) => {
          setSettings(saved);
          if (apiKey !== undefined) setHasKey(apiKey.trim() !== '');
          setKey('');
          setMessage({ tone: 'success', text: (tr) => tr('writingSaved') });
        },
        (error: unknown) => setMessage({ tone: 'error', text: (tr) => describeError(tr, error) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <OptionsSection id="writing" title={t('writingHeading')} hint={t('writingHint')} fields={false}>
      {message && <Notice tone={message.tone}>{message.text(t)}</Notice>}
      <form
        class="fields writing-form"
        onSubmit={(e) => {
          e.preventDefault();
          save(key ? key : undefined);
        }}
      >
        <fieldset class="choices">
          <legend>{t('writingEngine')}</legend>
          {ENGINES.map((engine) => (
            <label key={engine} class="check">
              <input
                type="radio"
                name="writing-engine"
                value={engine}
                checked={settings.engine === engine}
                onChange={() => change({ engine })}
              />
              <span>{t(ENGINE_LABELS[engine])}</span>
            </label>
          ))}
        </fieldset>
        {settings.engine === 'device' && device && (
          <p class="hint" data-testid="device-status" data-state={device}>
            {t(DEVICE_STATES[device])}
          </p>
        )}
        {settings.engine === 'endpoint' && (
          <>
            <label>
              <span>{t('writingBaseUrl')}</span>
              <input
                name="writing-url"
                type="url"
                required
                value={settings.baseUrl}
                placeholder="https://api.example.com/v1"
                onInput={(e) => change({ baseUrl: e.currentTarget.value })}
              />
              <small>{t('writingBaseUrlHint')}</small>
            </label>
            <label>
              <span>{t('writingModel')}</span>
              <input
                name="writing-model"
                required
                value={settings.model}
                onInput={(e) => change({ model: e.currentTarget.value })}
              />
            </label>
            <label>
              <span>{t('writingKey')}</span>
              <input
                name="writing-key"
                type="password"
                autocomplete="off"
                value={key}
                placeholder={hasKey ? t('writingKeyStored') : ''}
                onInput={(e) => setKey(e.currentTarget.value)}
              />
              <small>{t('writingKeyHint')}</small>
            </label>
          </>
        )}
        {settings.engine !== 'off' && (
          <details class="writing-prompts">
            <summary>{t('writingPrompts')}</summary>
            <p class="hint">{t('writingPromptsHint')}</p>
            {(['zh', 'en'] as const).map((lang) => (
              <label key={lang}>
                <span>{t(lang === 'zh' ? 'writingStyleZh' : 'writingStyleEn')}</span>
                <textarea
                  name={`writing-style-${lang}`}
                  rows={2}
                  value={settings.style[lang]}
                  onInput={(e) => change({ style: { ...settings.style, [lang]: e.currentTarget.value } })}
                />
              </label>
            ))}
            {WRITING_TASKS.map((task) => (
              <label key={task}>
                <span>{t(PROMPT_LABELS[task])}</span>
                <textarea
                  name={`writing-prompt-${task}`}
                  rows={4}
                  value={settings.prompts[task]}
                  onInput={(e) => change({ prompts: { ...settings.prompts, [task]: e.currentTarget.value } })}
                />
              </label>
            ))}
            <button
              type="button"
              onClick={() => change({ style: { ...DEFAULT_STYLE }, prompts: { ...DEFAULT_PROMPTS } })}
            >
              {t('writingRestoreDefaults')}
            </button>
          </details>
        )}
        <p class="actions">
          <button type="submit" disabled={busy}>
            {t('writingSave')}
          </button>{' '}
          {hasKey && (
            <button type="button" disabled={busy} onClick={() => save('')}>
              {t('writingForgetKey')}
            </button>
          )}
        </p>
      </form>
    </OptionsSection>
  );
}
