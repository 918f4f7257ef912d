import { DIGEST_LABELS, type DigestLabels } from './digest-labels';
import { compareByOrder } from './order-key';
import type { Clip, DigestSettings, Section } from './types';
import { civilDate, weekRange } from './week';

/**
 * The draft as a document: blocks of inline runs, built once from the clips and written out
 * by the Markdown and HTML writers. Text runs are whatever the editor or a page wrote; the
 * writers escape them. `literal` runs are ours and need no escaping.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'link'; text: string; url: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  /** Paragraphs the editor typed (lede, notes), blank-line separated. */
  | { kind: 'prose'; text: string }
  | { kind: 'bullets'; items: Inline[][] }
  | { kind: 'quote'; text: string; attribution?: Inline[] }
  | { kind: 'references'; items: { content: Inline[]; quotes: string[] }[] };

export interface DigestInput {
  weekId: string;
  clips: readonly Clip[];
  sections: readonly Section[];
  settings: DigestSettings;
  lede?: string;
  /** Zone for dates of clips whose page gave none; passed in so rendering reads no clock or locale. */
  timeZone?: string;
}

export interface DigestDoc {
  title: string;
  slug: string;
  category: string;
  /** The week's last day: the draft's date. */
  date: string;
  tags: string[];
  labels: DigestLabels;
  /** Title, lede and meta line. */
  head: Block[];
  /** The sections. */
  body: Block[];
}

type Story = readonly Clip[];

const text = (value: string): Inline => ({ kind: 'text', text: value });
const literal = (value: string): Inline => ({ kind: 'literal', text: value });
const sourceLink = (clip: Clip): Inline => ({ kind: 'link', text: clip.source || clip.title, url: clip.canonicalUrl });

export function categorySlug(category: string): string {
  return (
    category
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'digest'
  );
}

export function digestSlug(category: string, weekId: string): string {
  return `${categorySlug(category)}-${weekRange(weekId).end}`;
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

function storyText(story: Story): string {
  const summary = story.map((c) => c.summary.trim()).find((s) => s !== '');
  return (summary ?? (story[0] as Clip).title).replace(/\s+/g, ' ').trim();
}

function withSources(story: Story, labels: DigestLabels): Inline[] {
  const line = storyText(story);
  // Chinese sentences end in full-width punctuation and need no space before 来源.
  const gap = line === '' || /[。！？；：」』”）]$/.test(line) ? labels.sourceSeparator : ' ';
  const out: Inline[] = [text(line), literal(`${gap}${labels.source}`)];
  story.forEach((clip, i) => {
    if (i > 0) out.push(literal(labels.listSeparator));
    out.push(sourceLink(clip));
  });
  return out;
}

function analysisBlocks(stories: Story[], labels: DigestLabels): Block[] {
  return stories.flatMap((story, index) => {
    const blocks: Block[] = [
      { kind: 'heading', level: 3, content: [literal(labels.numbered(index + 1, '')), text(storyText(story))] },
    ];
    for (const clip of story) if (clip.note.trim()) blocks.push({ kind: 'prose', text: clip.note });
    for (const clip of story) {
      for (const quote of clip.quotes)
        blocks.push({ kind: 'quote', text: quote.text, attribution: [sourceLink(clip)] });
    }
    return blocks;
  });
}

function referenceDate(clip: Clip, timeZone: string | undefined): string {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(clip.publishedAt ?? '');
  return published ? published[0] : civilDate(clip.createdAt, timeZone);
}

function sectionBlocks(section: Section, own: Clip[], all: Clip[], labels: DigestLabels, timeZone?: string): Block[] {
  switch (section.kind) {
    case 'references':
      return all.length === 0
        ? []
        : [
            {
              kind: 'references',
              items: all.map((clip) => ({
                content: [
                  { kind: 'link', text: clip.title || clip.canonicalUrl, url: clip.canonicalUrl },
                  literal(' — '),
                  ...(clip.source ? [text(clip.source), literal(', ')] : []),
                  literal(referenceDate(clip, timeZone)),
                ],
                quotes: clip.quotes.map((q) => q.text),
              })),
            },
          ];
    case 'analysis':
      return analysisBlocks(storiesOf(own), labels);
    case 'thoughts': {
      const stories = storiesOf(own);
      return stories.length === 0 ? [] : [{ kind: 'bullets', items: stories.map((story) => [text(storyText(story))]) }];
    }
    default: {
      const stories = storiesOf(own);
      return stories.length === 0
        ? []
        : [{ kind: 'bullets', items: stories.map((story) => withSources(story, labels)) }];
    }
  }
}

/** The week's draft as a document, in the published digest's shape (DIGEST-FORMAT.md). */
export function buildDigest(input: DigestInput): DigestDoc {
  const { settings, weekId } = input;
  const labels = DIGEST_LABELS[settings.language];
  const range = weekRange(weekId);
  const slug = digestSlug(settings.category, weekId);
  const title = `${settings.digestName.replace(/\s+/g, ' ').trim()}${labels.range(range.start, range.end)}`;
  const sections = [...input.sections].sort((a, b) => a.order - b.order);
  const rank = new Map(sections.map((s, i) => [s.id, i]));
  const clips = [...input.clips].sort(
    (a, b) =>
      (rank.get(a.sectionId) ?? sections.length) - (rank.get(b.sectionId) ?? sections.length) || compareByOrder(a, b),
  );

  const bySection = new Map<string, Clip[]>();
  for (const clip of clips) {
    const list = bySection.get(clip.sectionId);
    if (list) list.push(clip);
    else bySection.set(clip.sectionId, [clip]);
  }
  const body: Block[] = [];
  for (const section of sections) {
    const blocks = sectionBlocks(section, bySection.get(section.id) ?? [], clips, labels, input.timeZone);
    if (blocks.length === 0 && !settings.keepEmptySections) continue;
    body.push({ kind: 'heading', level: 2, content: [text(section.name)] });
    body.push(...(blocks.length > 0 ? blocks : [{ kind: 'paragraph' as const, content: [literal(labels.empty)] }]));
  }

  const head: Block[] = [{ kind: 'heading', level: 1, content: [text(title)] }];
  if (input.lede?.trim()) head.push({ kind: 'prose', text: input.lede });
  head.push({ kind: 'paragraph', content: [literal(labels.metaLine(categorySlug(settings.category), slug))] });

  const tags = [...new Set(clips.flatMap((c) => c.tags))].sort();
  return { title, slug, category: settings.category, date: range.end, tags, labels, head, body };
}

function blockTexts(b: Block): string[] {
  const runs = (content: Inline[]) => content.map((r) => r.text);
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return runs(b.content);
    case 'prose':
      return [b.text];
    case 'bullets':
      return b.items.flatMap(runs);
    case 'quote':
      return [b.text, ...runs(b.attribution ?? [])];
    case 'references':
      return b.items.flatMap((i) => [...runs(i.content), ...i.quotes]);
  }
}

/** The pieces of text a reader reads (runs and quotes), for the reading-time estimate. */
export function plainTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap(blockTexts);
}
