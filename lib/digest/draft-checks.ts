import { untouchedDrafts } from '../record-rules';
import type { Section, WeekItem } from '../types';
import { addDays, weekRange } from '../week';

export type CheckKind =
  | 'no-summary'
  | 'no-source'
  | 'duplicate-url'
  | 'used-before'
  | 'used-in-issue'
  | 'outside-week'
  | 'empty-section'
  | 'long-quote'
  | 'untouched-draft';

/**
 * A quote longer than a digest can carry (about two screens of reading): it is kept whole, but the
 * draft's references print all of it, so the checks say so before a 1 MB quote goes out.
 */
export const LONG_QUOTE_CHARS = 3_000;

export interface DraftCheck {
  kind: CheckKind;
  /** The item to open when the editor clicks the warning. */
  itemId?: string;
  sectionId?: string;
  /** What the message names: an item's title, a section name, a week. */
  subject: string;
  detail?: string;
}

export interface CheckInput {
  weekId: string;
  items: readonly WeekItem[];
  sections: readonly Section[];
  /** Other weeks' items citing a source of this week; `issue` names a week that was published. */
  earlier: readonly { sourceId: string; weekId: string; issue?: string }[];
}

const subjectOf = (item: WeekItem) => item.sources[0]?.title || item.summary;

/** Warnings before export; they never block it. Pure, in a stable order. */
export function checkDraft({ weekId, items, sections, earlier }: CheckInput): DraftCheck[] {
  const checks: DraftCheck[] = [];
  const { start, end } = weekRange(weekId);
  const kinds = new Map(sections.map((s) => [s.id, s.kind]));
  // The same page cited twice in one section is a slip; across sections it is the editor's choice.
  const seen = new Map<string, WeekItem>();
  const reported = new Set<string>();
  for (const item of items) {
    const kind = kinds.get(item.sectionId);
    const subject = subjectOf(item);
    if (kind && kind !== 'references' && !item.summary.trim())
      checks.push({ kind: 'no-summary', itemId: item.id, subject });
    // A machine draft nobody has read or accepted (lib/writing/): said before it goes out as the editor's.
    const drafted = untouchedDrafts(item);
    if (drafted.summary || drafted.note)
      checks.push({ kind: 'untouched-draft', itemId: item.id, subject, detail: drafted.summary ? 'summary' : 'note' });
    for (const source of item.sources) {
      if (!source.source.trim()) checks.push({ kind: 'no-source', itemId: item.id, subject: source.title });
      const key = `${item.sectionId}\u0000${source.canonicalUrl}`;
      const first = seen.get(key);
      if (first && first.id !== item.id)
        checks.push({ kind: 'duplicate-url', itemId: item.id, subject: source.title, detail: subjectOf(first) });
      else seen.set(key, item);
      const before = earlier.find((e) => e.sourceId === source.id && e.weekId < weekId);
      if (before && !reported.has(source.id)) {
        reported.add(source.id);
        checks.push(
          before.issue
            ? { kind: 'used-in-issue', itemId: item.id, subject: source.title, detail: before.issue }
            : { kind: 'used-before', itemId: item.id, subject: source.title, detail: before.weekId },
        );
      }
      const longest = Math.max(0, ...source.quotes.map((q) => q.text.length));
      if (longest > LONG_QUOTE_CHARS && !reported.has(`long:${source.id}`)) {
        reported.add(`long:${source.id}`);
        checks.push({
          kind: 'long-quote',
          itemId: item.id,
          subject: source.title,
          detail: String(longest),
        });
      }
      const published = /^\d{4}-\d{2}-\d{2}/.exec(source.publishedAt ?? '')?.[0];
      // A week's digest covers news from that week; a day's slack allows for time zones.
      if (published && (published < addDays(start, -1) || published > addDays(end, 1))) {
        checks.push({ kind: 'outside-week', itemId: item.id, subject: source.title, detail: published });
      }
    }
  }
  for (const section of [...sections].sort((a, b) => a.order - b.order)) {
    if (section.kind !== 'references' && !items.some((c) => c.sectionId === section.id)) {
      checks.push({ kind: 'empty-section', sectionId: section.id, subject: section.name });
    }
  }
  return checks;
}
