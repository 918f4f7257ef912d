import { useState } from 'preact/hooks';
import { renderDigest } from '../lib/digest/markdown-writer';
import { compileTemplates, DEFAULT_TEMPLATES, TEMPLATE_KEYS, type TemplateKey } from '../lib/digest/templates';
import { loadDigestInput } from '../lib/export-week';
import { describeProblem } from '../lib/i18n/translate';
import type { DigestSettings } from '../lib/types';
import { useLocale } from './locale';
import type { ClipperDb } from './store';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: ClipperDb;
  settings: DigestSettings;
  weekId: string;
  save: (patch: Partial<DigestSettings>) => Promise<void>;
}

/** Every template line with its error (and position), and the week's draft as it would export. */
export function TemplatesEditor({ db, settings, weekId, save }: Props) {
  const { t } = useLocale();
  const [drafts, setDrafts] = useState<Partial<Record<TemplateKey, string>>>({});
  const templates = { ...settings.templates, ...drafts };
  const { errors } = compileTemplates(settings.language, templates);
  const preview = useLiveQuery(async () => {
    const input = await loadDigestInput(db, weekId);
    return renderDigest({ ...input, settings: { ...input.settings, templates } }).markdown;
  }, [weekId, JSON.stringify(templates), settings.language]);
  const defaults = DEFAULT_TEMPLATES[settings.language];

  return (
    <div class="templates">
      <p class="hint">{t('templatesHint')}</p>
      {TEMPLATE_KEYS.map((key) => {
        const found = errors.find((e) => e.key === key);
        const error = found && describeProblem(t, found.problem);
        return (
          <label key={key}>
            <span>{t(`template.${key}`)}</span>
            <input
              name={`template-${key}`}
              value={templates[key] ?? ''}
              placeholder={defaults[key]}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `template-${key}-error` : undefined}
              onInput={(e) => setDrafts({ ...drafts, [key]: e.currentTarget.value })}
              onChange={(e) => {
                const value = e.currentTarget.value;
                const next = { ...settings.templates, [key]: value };
                if (!value.trim()) delete next[key];
                void save({ templates: next });
              }}
            />
            {error && (
              <small id={`template-${key}-error`} class="error" role="alert">
                {error}
              </small>
            )}
          </label>
        );
      })}
      <h3>{t('preview', { week: weekId })}</h3>
      <pre
        class="preview"
        data-testid="template-preview"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a long preview scrolls, and a keyboard must reach it to scroll it.
        tabIndex={0}
      >
        {preview.value ?? ''}
      </pre>
    </div>
  );
}
