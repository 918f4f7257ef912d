import type { ComponentChildren } from 'preact';
import type { DigestSettings } from '../lib/types';

/** Saves a settings change; the options page reports success or failure once, above. */
export type SaveSettings = (patch: Partial<DigestSettings>) => Promise<void>;

type TextKey = 'digestName' | 'digestNameEn' | 'category' | 'timeZone';
type CheckKey =
  | 'frontMatter'
  | 'keepEmptySections'
  | 'askWhereToSave'
  | 'quoteLinks'
  | 'titleInBody'
  | 'metaLine'
  | 'readingTimeLine';
type ChoiceKey = 'language' | 'uiLanguage' | 'theme' | 'weekStartsOn' | 'defaultSectionId' | 'deepDiveQuotes';

export function TextField(props: {
  name: TextKey;
  label: string;
  hint?: string;
  settings: DigestSettings;
  save: SaveSettings;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <input
        name={props.name}
        value={props.settings[props.name]}
        onChange={(e) => void props.save({ [props.name]: e.currentTarget.value.trim() })}
      />
      {props.hint && <small>{props.hint}</small>}
    </label>
  );
}

export function CheckField(props: { name: CheckKey; label: string; settings: DigestSettings; save: SaveSettings }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.settings[props.name] ?? true}
        onChange={(e) => void props.save({ [props.name]: e.currentTarget.checked })}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A select over one setting; numbers stay numbers. */
export function ChoiceField<K extends ChoiceKey>(props: {
  name: K;
  label: string;
  options: readonly (readonly [DigestSettings[K], string])[];
  settings: DigestSettings;
  save: SaveSettings;
}) {
  const numeric = typeof props.settings[props.name] === 'number';
  return (
    <label>
      <span>{props.label}</span>
      <select
        name={props.name}
        value={String(props.settings[props.name] ?? props.options[0]?.[0])}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          void props.save({ [props.name]: numeric ? Number(raw) : raw } as Partial<DigestSettings>);
        }}
      >
        {props.options.map(([value, name]) => (
          <option key={String(value)} value={String(value)}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One titled part of the options page. */
export function OptionsSection(props: {
  id: string;
  title: string;
  children: ComponentChildren;
  hint?: string;
  /** Labelled fields in a column (most sections); off for the sections list. */
  fields?: boolean;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class={props.fields === false ? undefined : 'fields'}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
    </section>
  );
}
