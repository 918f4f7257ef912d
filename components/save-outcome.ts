import type { Translate } from '../lib/i18n/keys';
import type { Section } from '../lib/types';
import type { SaveOutcome } from './store';

/** Exactly what saving did, in the editor's words; `week` names the week it went to when that is not this one. */
export function describeOutcome(
  outcome: SaveOutcome,
  sections: readonly Section[],
  t: Translate,
  week?: string,
): string {
  const saved = week ? t('savedToWeek', { week }) : t('saved');
  if (outcome.sourceCreated) return outcome.quoteCut ? `${saved} ${t('outcomeQuoteCut')}` : saved;
  const section = sections.find((s) => s.id === outcome.item?.sectionId)?.name ?? '';
  const parts: string[] = [];
  if (outcome.quote === 'added') parts.push(t('outcomeQuoteAdded'));
  if (outcome.quote === 'duplicate') parts.push(t('outcomeQuoteKnown'));
  if (outcome.fieldsUpdated.length > 0)
    parts.push(t('outcomeFieldsUpdated', { fields: outcome.fieldsUpdated.map((f) => t(`field.${f}`)).join(', ') }));
  if (outcome.itemAction === 'created') parts.push(t('outcomeItemCreated', { section }));
  if (outcome.itemAction === 'updated') parts.push(t('outcomeItemUpdated', { section }));
  if (outcome.quoteCut) parts.push(t('outcomeQuoteCut'));
  if (week && outcome.itemAction !== 'unchanged') parts.push(t('inWeek', { week }));
  return parts.length > 0 ? parts.join(' ') : t('outcomeNothing', { section });
}
