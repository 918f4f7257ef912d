import { compareByOrder } from '../lib/order-key';
import type { Clip, Section } from '../lib/types';

interface Props {
  clips: Clip[];
  sections: Section[];
}

/** The week's clips under their sections, in the editor's order. */
export function WeekList({ clips, sections }: Props) {
  if (clips.length === 0) {
    return <p class="empty">No clips this week yet. Clip a page to start the digest.</p>;
  }
  const known = new Set(sections.map((s) => s.id));
  const groups = [
    ...sections.map((s) => ({ id: s.id, name: s.name, clips: clips.filter((c) => c.sectionId === s.id) })),
    { id: '_unsorted', name: 'Unsorted', clips: clips.filter((c) => !known.has(c.sectionId)) },
  ].filter((g) => g.clips.length > 0);
  return (
    <div class="week-list">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`section-${group.id}`} data-section={group.id}>
          <h3 id={`section-${group.id}`}>
            {group.name} <span class="count">{group.clips.length}</span>
          </h3>
          <ul>
            {[...group.clips].sort(compareByOrder).map((clip) => (
              <li key={clip.id} class="clip" data-clip-id={clip.id}>
                <a href={clip.canonicalUrl} target="_blank" rel="noreferrer noopener" class="clip-title">
                  {clip.title}
                </a>
                <span class="meta">
                  {clip.source}
                  {clip.quotes.length > 0 && ` · ${clip.quotes.length} quote${clip.quotes.length > 1 ? 's' : ''}`}
                </span>
                {clip.summary && <span class="summary">{clip.summary}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
