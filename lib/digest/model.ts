import { compareByOrder } from '../order-key';
import type { Clip, DigestSettings, Section } from '../types';
import { civilDate, weekRange } from '../week';
import { DIGEST_LABELS, type DigestLabels } from './labels';
import { type FieldName, type FieldValue, fillTemplate } from './template-engine';
import { type CompiledTemplates, compileTemplates, type TemplateKey } from './templates';

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
  /** Templates that did not parse (the default was used); shown in the options page. */
  templateErrors: CompiledTemplates['errors'];
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

interface Context {
  labels: DigestLabels;
  templates: CompiledTemplates;
  timeZone?: string;
}

const runs = { text, literal };

function sourceLinks(story: Story, labels: DigestLabels): Inline[] {
  return story.flatMap((clip, i) => (i > 0 ? [literal(labels.listSeparator), sourceLink(clip)] : [sourceLink(clip)]));
}

function referenceDate(clip: Clip, timeZone: string | undefined): string {
  const published = /^\d{4}-\d{2}-\d{2}/.exec(clip.publishedAt ?? '');
  return published ? published[0] : civilDate(clip.createdAt, timeZone);
}

/** The values an item line's placeholders take, for a story (one clip or a group). */
function itemValues(story: Story, ctx: Context, n: number): Partial<Record<FieldName, FieldValue<Inline>>> {
  const lead = story[0] as Clip;
  const summary = storyText(story);
  // Chinese sentences end in full-width punctuation and need no space before 来源.
  const gap = summary === '' || /[。！？；：」』”）]$/.test(summary) ? ctx.labels.sourceSeparator : ' ';
  return {
    title: lead.title,
    summary,
    note: story
      .map((c) => c.note.trim())
      .filter((x) => x)
      .join(' '),
    source: lead.source,
    sourceLink: [sourceLink(lead)],
    sources: sourceLinks(story, ctx.labels),
    url: lead.canonicalUrl,
    link: [{ kind: 'link', text: lead.title || lead.canonicalUrl, url: lead.canonicalUrl }],
    date: referenceDate(lead, ctx.timeZone),
    tags: [...new Set(story.flatMap((c) => c.tags))].join(', '),
    n: String(n),
    gap,
  };
}

function line(ctx: Context, key: TemplateKey, story: Story, n = 1): Inline[] {
  return fillTemplate(ctx.templates.segments[key], itemValues(story, ctx, n), runs);
}

function analysisBlocks(stories: Story[], ctx: Context): Block[] {
  return stories.flatMap((story, index) => {
    const blocks: Block[] = [{ kind: 'heading', level: 3, content: line(ctx, 'analysis', story, index + 1) }];
    for (const clip of story) if (clip.note.trim()) blocks.push({ kind: 'prose', text: clip.note });
    for (const clip of story) {
      for (const quote of clip.quotes) {
        blocks.push({ kind: 'quote', text: quote.text, attribution: line(ctx, 'attribution', [clip]) });
      }
    }
    return blocks;
  });
}

function sectionBlocks(section: Section, own: Clip[], all: Clip[], ctx: Context): Block[] {
  const stories = storiesOf(own);
  switch (section.kind) {
    case 'references':
      if (all.length === 0) return [];
      return [
        {
          kind: 'references',
          items: all.map((clip) => ({
            content: line(ctx, 'reference', [clip]),
            quotes: clip.quotes.map((q) => q.text),
          })),
        },
      ];
    case 'analysis':
      return analysisBlocks(stories, ctx);
    case 'thoughts':
      return stories.length === 0
        ? []
        : [{ kind: 'bullets', items: stories.map((s, i) => line(ctx, 'thought', s, i + 1)) }];
    default:
      return stories.length === 0
        ? []
        : [{ kind: 'bullets', items: stories.map((s, i) => line(ctx, 'brief', s, i + 1)) }];
  }
}

const plain = (content: Inline[]) => content.map((r) => r.text).join('');

/** The week's draft as a document, in the published digest's shape (docs/digest-format.md). */
export function buildDigest(input: DigestInput): DigestDoc {
  const { settings, weekId } = input;
  const labels = DIGEST_LABELS[settings.language];
  const templates = compileTemplates(settings.language, settings.templates);
  const ctx: Context = { labels, templates, timeZone: input.timeZone };
  const range = weekRange(weekId);
  const weekValues = {
    name: settings.digestName.replace(/\s+/g, ' ').trim(),
    category: categorySlug(settings.category),
    weekStart: range.start,
    weekEnd: range.end,
  };
  const slug = categorySlug(plain(fillTemplate(templates.segments.slug, weekValues, runs)));
  const titleRuns = fillTemplate(templates.segments.title, weekValues, runs);
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
    const blocks = sectionBlocks(section, bySection.get(section.id) ?? [], clips, ctx);
    if (blocks.length === 0 && !settings.keepEmptySections) continue;
    body.push({ kind: 'heading', level: 2, content: [text(section.name)] });
    body.push(...(blocks.length > 0 ? blocks : [{ kind: 'paragraph' as const, content: [literal(labels.empty)] }]));
  }

  const head: Block[] = [{ kind: 'heading', level: 1, content: titleRuns }];
  if (input.lede?.trim()) head.push({ kind: 'prose', text: input.lede });
  head.push({ kind: 'paragraph', content: fillTemplate(templates.segments.meta, { ...weekValues, slug }, runs) });

  const tags = [...new Set(clips.flatMap((c) => c.tags))].sort();
  const title = plain(titleRuns);
  return {
    title,
    slug,
    category: settings.category,
    date: range.end,
    tags,
    labels,
    head,
    body,
    templateErrors: templates.errors,
  };
}

/** The week's draft as a document, in the published digest's shape (docs/digest-format.md). */

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
