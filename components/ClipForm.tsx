import type { ClipDraft } from '../lib/clip-repository';
import type { Section } from '../lib/types';

interface Props {
  draft: ClipDraft;
  sections: Section[];
  busy: boolean;
  onChange: (draft: ClipDraft) => void;
  onSave: () => void;
}

const QUOTE_PREVIEW = 600;

/** The page as the clipper read it, every field editable before it is stored. */
export function ClipForm({ draft, sections, busy, onChange, onSave }: Props) {
  const set = (patch: Partial<ClipDraft>) => onChange({ ...draft, ...patch });
  const quote = draft.selection?.text ?? '';
  return (
    <form
      class="clip-form"
      aria-label="Clip this page"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label>
        <span>Title</span>
        <input name="title" value={draft.title} required onInput={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <div class="row">
        <label>
          <span>Source</span>
          <input name="source" value={draft.source} onInput={(e) => set({ source: e.currentTarget.value })} />
        </label>
        <label>
          <span>Section</span>
          <select name="section" value={draft.sectionId} onChange={(e) => set({ sectionId: e.currentTarget.value })}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        <span>Link</span>
        <input
          name="url"
          type="url"
          value={draft.canonicalUrl}
          required
          onInput={(e) => set({ canonicalUrl: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>Summary</span>
        <input
          name="summary"
          value={draft.summary ?? ''}
          placeholder="One line for the digest"
          onInput={(e) => set({ summary: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>Quote</span>
        <textarea
          name="quote"
          rows={3}
          value={quote}
          placeholder="Select text on the page before clipping, or paste a quote here"
          onInput={(e) => set({ selection: { text: e.currentTarget.value } })}
        />
      </label>
      {quote.length > QUOTE_PREVIEW && (
        <p class="hint">The quote is {quote.length.toLocaleString()} characters long; all of it is kept.</p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        Save clip
      </button>
    </form>
  );
}
