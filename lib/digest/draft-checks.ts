import type { Clip, Section } from '../types';
import { addDays, weekRange } from '../week';

export type CheckKind = 'no-summary' | 'no-source' | 'duplicate-url' | 'used-before' | 'outside-week' | 'empty-section';

export interface DraftCheck {
  kind: CheckKind;
  /** The clip to open when the editor clicks the warning. */
  clipId?: string;
  sectionId?: string;
  /** What the message names: a clip title, a section name, a week. */
  subject: string;
  detail?: string;
}

export interface CheckInput {
  weekId: string;
  clips: readonly Clip[];
  sections: readonly Section[];
  /** Clips of earlier weeks with the same canonical URL as a clip of this week. */
  earlier: readonly Pick<Clip, 'canonicalUrl' | 'weekId'>[];
}

/** Warnings before export; they never block it. Pure, in a stable order. */
export function checkDraft({ weekId, clips, sections, earlier }: CheckInput): DraftCheck[] {
  const checks: DraftCheck[] = [];
  const { start, end } = weekRange(weekId);
  const kinds = new Map(sections.map((s) => [s.id, s.kind]));
  const seen = new Map<string, Clip>();
  for (const clip of clips) {
    const kind = kinds.get(clip.sectionId);
    if (kind && kind !== 'references' && !clip.summary.trim()) {
      const inStory = clip.storyId && clips.some((c) => c.storyId === clip.storyId && c.summary.trim());
      if (!inStory) checks.push({ kind: 'no-summary', clipId: clip.id, subject: clip.title });
    }
    if (!clip.source.trim()) checks.push({ kind: 'no-source', clipId: clip.id, subject: clip.title });
    const first = seen.get(clip.canonicalUrl);
    if (first) checks.push({ kind: 'duplicate-url', clipId: clip.id, subject: clip.title, detail: first.title });
    else seen.set(clip.canonicalUrl, clip);
    const before = earlier.find((e) => e.canonicalUrl === clip.canonicalUrl && e.weekId < weekId);
    if (before) checks.push({ kind: 'used-before', clipId: clip.id, subject: clip.title, detail: before.weekId });
    const published = /^\d{4}-\d{2}-\d{2}/.exec(clip.publishedAt ?? '')?.[0];
    // A week's digest covers news from that week; a day's slack allows for time zones.
    if (published && (published < addDays(start, -1) || published > addDays(end, 1))) {
      checks.push({ kind: 'outside-week', clipId: clip.id, subject: clip.title, detail: published });
    }
  }
  for (const section of [...sections].sort((a, b) => a.order - b.order)) {
    if (section.kind !== 'references' && !clips.some((c) => c.sectionId === section.id)) {
      checks.push({ kind: 'empty-section', sectionId: section.id, subject: section.name });
    }
  }
  return checks;
}
