import { useState } from 'preact/hooks';
import type { MessageKey } from '../lib/i18n/translate';
import type { Section, SectionKind } from '../lib/types';
import { describeError, useLocale } from './locale';
import { type ClipperDb, sectionWrites } from './store';

const KINDS: [SectionKind, MessageKey][] = [
  ['briefs', 'kindBriefs'],
  ['analysis', 'kindAnalysis'],
  ['thoughts', 'kindThoughts'],
  ['references', 'kindReferences'],
];

interface Props {
  db: ClipperDb;
  sections: Section[];
  newId: () => string;
  now: () => number;
  /** The drafts' language: which of the two names they print is said above the list. */
  draftLanguage?: 'zh' | 'en';
  onError: (message: string) => void;
}

/** Add, rename, reorder and delete sections; a deleted section's clips move, never vanish. */
export function SectionsEditor({ db, sections, newId, now, draftLanguage, onError }: Props) {
  const { t } = useLocale();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<string | undefined>();
  const [moveTo, setMoveTo] = useState('');
  const run = (work: Promise<unknown>) => work.catch((e: unknown) => onError(describeError(t, e)));
  // The value is read while the event is live: after the writes' code loads, the event's target is gone.
  const update = (id: string, changes: Partial<Pick<Section, 'name' | 'nameEn' | 'kind'>>) =>
    void run(sectionWrites().then((w) => w.updateSection(db, id, changes, Date.now())));
  const swap = (index: number, by: -1 | 1) => {
    const ids = sections.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    if (id) ids.splice(index + by, 0, id);
    void run(sectionWrites().then((w) => w.reorderSections(db, ids, Date.now())));
  };

  return (
    <div class="sections-editor">
      <p class="hint sections-head">
        {t('sectionNamesHead')}{' '}
        <strong>
          {t('usedByDraftsSections', {
            language: t(draftLanguage === 'en' ? 'englishNames' : 'chineseNames'),
            which: t(draftLanguage === 'en' ? 'englishNames' : 'chineseNames'),
          })}
        </strong>
      </p>
      <ol>
        {sections.map((section, i) => (
          <li key={section.id} data-section-id={section.id}>
            <input
              aria-label={`${t('sectionName')} ${i + 1}`}
              title={t('sectionName')}
              class={draftLanguage === 'en' ? undefined : 'used'}
              value={section.name}
              onChange={(e) => update(section.id, { name: e.currentTarget.value })}
            />
            <input
              aria-label={`${t('sectionNameEn')}: ${section.name}`}
              placeholder={t('sectionNameEn')}
              title={t('sectionNameEn')}
              class={draftLanguage === 'en' ? 'used' : undefined}
              value={section.nameEn ?? ''}
              onChange={(e) => update(section.id, { nameEn: e.currentTarget.value.trim() })}
            />
            <select
              aria-label={`${t('sectionKind')}: ${section.name}`}
              value={section.kind}
              onChange={(e) => update(section.id, { kind: e.currentTarget.value as SectionKind })}
            >
              {KINDS.map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {t(label)}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-label={`${t('moveUp')}: ${section.name}`}
              disabled={i === 0}
              onClick={() => swap(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`${t('moveDown')}: ${section.name}`}
              disabled={i === sections.length - 1}
              onClick={() => swap(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              class="danger"
              aria-label={`${t('deleteSection')}: ${section.name}`}
              disabled={sections.length < 2}
              onClick={() => {
                setDeleting(section.id);
                setMoveTo(sections.find((s) => s.id !== section.id)?.id ?? '');
              }}
            >
              {t('delete')}
            </button>
            {deleting === section.id && (
              <span class="confirm">
                <label>
                  {t('moveClipsTo')}{' '}
                  <select value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)}>
                    {sections
                      .filter((s) => s.id !== section.id)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </select>
                </label>
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    void run(sectionWrites().then((w) => w.deleteSection(db, section.id, moveTo, now()))).then(() =>
                      setDeleting(undefined),
                    )
                  }
                >
                  {t('confirmDelete')}
                </button>
                <button type="button" onClick={() => setDeleting(undefined)}>
                  {t('cancel')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <form
        class="add-section"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            sectionWrites()
              .then((w) => w.addSection(db, name, 'briefs', newId, Date.now()))
              .then(() => setName('')),
          );
        }}
      >
        <input
          aria-label={t('newSectionName')}
          placeholder={t('newSectionName')}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit">{t('addSection')}</button>
      </form>
    </div>
  );
}
