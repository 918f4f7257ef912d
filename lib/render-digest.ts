import { DIGEST_LABELS, type DigestLabels } from './digest-labels';
import { blockquote, escapeInline, link, prose } from './markdown';
import { compareByOrder } from './order-key';
import { readingMinutes } from './reading-time';
import type { Clip, DigestSettings, Section } from './types';
import { civilDate, weekRange } from './week';

export interface DigestInput {
  weekId: string;
  clips: readonly Clip[];
  sections: readonly Section[];
  settings: DigestSettings;
  lede?: string;
  /** Zone for dates of clips whose page gave none; passed in so rendering reads no clock or locale. */
  timeZone?: string;
}

export interface RenderedDigest {
  title: string;
  slug: string;
  filename: string;
  markdown: string;
}

/** A story: one clip, or several grouped by the editor into one item. */
type Story = readonly Clip[];

export function digestSlug(category: string, weekId: string): string {
  const base =
    category
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'digest';
  return `${base}-${weekRange(weekId).end}`;
}

function storiesOf(clips: readonly Clip[]): Story[] {
  const stories: Clip[][] = [];
  const byStory = new Map<string, Clip[]>();
  for (const clip of clips) {
    const existing = clip.storyId ? byStory.get(clip.storyId) : undefined;
    if (existing) {
      existing.push(clip);
      continue;
    }
    const story = [clip];
    stories.push(story);
    if (clip.storyId) byStory.set(clip.storyId, story);
  }
  return stories;
}

function sources(story: Story, labels: DigestLabels): string {
  return story.map((clip) => link(clip.source || clip.title, clip.canonicalUrl)).join(labels.listSeparator);
}

function withSources(text: string, story: Story, labels: DigestLabels): string {
  // Chinese sentences end in full-width punctuation and need no space before 来源.
  const gap = text === '' || /[。！？；：」』”）]$/.test(text) ? labels.sourceSeparator : ' ';
  return `${text}${gap}${labels.source}${sources(story, labels)}`;
}

function storyText(story: Story): string {
  const lead = story[0] as Clip;
  const summary = story.map((c) => c.summary.trim()).find((s) => s !== '');
  return escapeInline(summary ?? lead.title);
}

function renderBriefs(stories: Story[], labels: DigestLabels): string[] {
  return stories.map((story) => `- ${withSources(storyText(story), story, labels)}`);
}

function renderThoughts(stories: Story[]): string[] {
  return stories.map((story) => `- ${storyText(story)}`);
}

function renderAnalysis(stories: Story[], labels: DigestLabels): string[] {
  const out: string[] = [];
  stories.forEach((story, index) => {
    if (index > 0) out.push('');
    out.push(`### ${labels.numbered(index + 1, storyText(story))}`);
    const notes = story.map((c) => c.note.trim()).filter((n) => n !== '');
    for (const note of notes) out.push('', ...prose(note));
    for (const clip of story) {
      for (const quote of clip.quotes) {
        out.push('', ...blockquote(quote.text), '>', `> — ${link(clip.source || clip.title, clip.canonicalUrl)}`);
      }
    }
  });
  return out;
}

function referenceDate(clip: Clip, timeZone: string | undefined): string {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(clip.publishedAt ?? '');
  return published ? published[0] : civilDate(clip.createdAt, timeZone);
}

function renderReferences(clips: readonly Clip[], timeZone: string | undefined): string[] {
  const out: string[] = [];
  clips.forEach((clip, index) => {
    const marker = `${index + 1}. `;
    const indent = ' '.repeat(marker.length);
    const source = clip.source ? `${escapeInline(clip.source)}, ` : '';
    out.push(
      `${marker}${link(clip.title || clip.canonicalUrl, clip.canonicalUrl)} — ${source}${referenceDate(clip, timeZone)}`,
    );
    for (const quote of clip.quotes) out.push(...blockquote(quote.text, indent));
  });
  return out;
}

function frontMatter(title: string, slug: string, date: string, category: string, tags: string[]): string[] {
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `slug: ${slug}`,
    `categories: [${JSON.stringify(category)}]`,
    `date: ${date}`,
  ];
  if (tags.length > 0) lines.push(`tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  lines.push('---', '');
  return lines;
}

/**
 * The week's draft in the published digest's shape (DIGEST-FORMAT.md). Pure: the same input
 * gives the same bytes.
 */
export function renderDigest(input: DigestInput): RenderedDigest {
  const { settings, weekId } = input;
  const labels = DIGEST_LABELS[settings.language];
  const range = weekRange(weekId);
  const slug = digestSlug(settings.category, weekId);
  const title = `${settings.digestName.replace(/\s+/g, ' ').trim()}${labels.range(range.start, range.end)}`;
  const sections = [...input.sections].sort((a, b) => a.order - b.order);
  const sectionRank = new Map(sections.map((s, i) => [s.id, i]));
  const clips = [...input.clips].sort(
    (a, b) =>
      (sectionRank.get(a.sectionId) ?? sections.length) - (sectionRank.get(b.sectionId) ?? sections.length) ||
      compareByOrder(a, b),
  );

  const body: string[] = [];
  for (const section of sections) {
    const own = clips.filter((c) => c.sectionId === section.id);
    let lines: string[];
    if (section.kind === 'references') lines = renderReferences(clips, input.timeZone);
    else if (section.kind === 'analysis') lines = renderAnalysis(storiesOf(own), labels);
    else if (section.kind === 'thoughts') lines = renderThoughts(storiesOf(own));
    else lines = renderBriefs(storiesOf(own), labels);
    if (lines.length === 0) continue;
    body.push(`## ${escapeInline(section.name)}`, '', ...lines, '');
  }

  const lede = prose(input.lede ?? '');
  const head = [`# ${escapeInline(title)}`, ''];
  if (lede.length > 0) head.push(...lede, '');
  head.push(labels.metaLine(escapeInline(settings.category), slug), '');
  const minutes = readingMinutes([...head, ...body].join('\n'));
  head.push(labels.readingTime(minutes), '');

  const tags = [...new Set(clips.flatMap((c) => c.tags))].sort();
  const top = settings.frontMatter ? frontMatter(title, slug, range.end, settings.category, tags) : [];
  const markdown = `${[...top, ...head, ...body].join('\n').replace(/\n+$/, '')}\n`;
  return { title, slug, filename: `${slug}.md`, markdown };
}
