import type { LearnedField, LearnedRule } from '../lib/types';
import { useLocale } from './locale';
import { OptionsSection } from './option-fields';

const FIELD_WORDS = { title: 'title', source: 'source', author: 'author', publishedAt: 'published' } as const;

/**
 * Options → Learned sites: where each site's pages hold a field, learned from the editor's corrections
 * (lib/capture/learned.ts), with the corrected value as an example; each can be forgotten, and the general
 * rules read that field again.
 */
export function LearnedSitesOptions(props: {
  rules: readonly LearnedRule[];
  forget: (site: string, field: LearnedField) => Promise<void>;
}) {
  const { t } = useLocale();
  const sites = [...new Set(props.rules.map((rule) => rule.site))].sort();
  return (
    <OptionsSection id="learned" title={t('learnedHeading')} hint={t('learnedHint')} fields={false}>
      {sites.length === 0 ? (
        <p class="hint">{t('learnedNone')}</p>
      ) : (
        <ul class="learned-sites">
          {sites.map((site) => (
            <li key={site}>
              <strong>{site}</strong>
              <ul>
                {props.rules
                  .filter((rule) => rule.site === site)
                  .map((rule) => (
                    <li key={rule.field} data-field={rule.field}>
                      <span>
                        {t(FIELD_WORDS[rule.field])}: “{rule.example}” ·{' '}
                        {t('learnedWhere', { where: describe(rule), date: civil(rule.learnedAt) })}
                      </span>{' '}
                      <button
                        type="button"
                        aria-label={`${t('learnedForget')}: ${site} ${t(FIELD_WORDS[rule.field])}`}
                        onClick={() => void props.forget(site, rule.field)}
                      >
                        {t('learnedForget')}
                      </button>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </OptionsSection>
  );
}

const civil = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The place as a reader of HTML would name it: `meta author`, `span.byline after “By”`. */
function describe(rule: LearnedRule): string {
  const { spot } = rule;
  if (spot.meta) return `meta ${spot.meta}`;
  const part = (p: { tag: string; classes: string[]; id?: string }) =>
    `${p.tag}${p.id ? `#${p.id}` : ''}${p.classes.map((c) => `.${c}`).join('')}`;
  const where = spot.parent ? `${part(spot.parent)} ${part(spot)}` : part(spot);
  return spot.label ? `${where} “${spot.label}”` : where;
}
