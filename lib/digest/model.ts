import { compareByOrder } from '../order-key';
import { quoteKey } from '../record-rules';
import { draftSectionName } from '../section-name';
import type { DeepDiveQuotes, DigestLanguage, DigestSettings, Item, Quote, Section, Source, WeekItem } from '../types';
import { weekRange } from '../week';
import { type Block, type Inline, inlineText, type QuoteBlock } from './blocks';
import { foldSpace } from './fold-space';
import { DIGEST_LABELS, type DigestLabels } from './labels';
import { parseNote } from './note-markdown';
import { readingMinutes } from './reading-time';
import { type FieldName, type FieldValue, fillTemplate, type Segment } from './template-engine';
import { type CompiledTemplates, compileTemplates, type TemplateKey } from './templates';
import { quoteFragmentUrl } from './text-fragment';

export type { Block, Inline } from './blocks';

export interface DigestInput {
  weekId: string;
  /** The week's items (trash excluded), their sources read. */
  items: readonly WeekItem[];
  sections: readonly Section[];
  settings: DigestSettings;
  /** Markdown before the first section. */
  lede?: string;
  /** Markdown after the last section. */
  closing?: string;
}

export interface DigestDoc {
  title: string;
  slug: string;
  category: string;
  /** The week's last day: the draft's date. */
  date: string;
  tags: string[];
  labels: DigestLabels;
  /** Title, lede, meta line and reading time (each that the editor prints). */
  head: Block[];
  /** The sections, then the closing paragraph. */
  body: Block[];
  /** Templates that did not parse (the default was used); shown in the options page. */
  templateErrors: CompiledTemplates['errors'];
}

const text = (value: string): Inline => ({ kind: 'text', text: value });
const literal = (value: string): Inline => ({ kind: 'literal', text: value });
/** The source's name linked to its page (or to `url`, a place on it). */
const sourceLink = (source: Source, url = source.canonicalUrl): Inline => ({
  kind: 'link',
  text: source.source || source.title,
  url,
});

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

function itemText(item: WeekItem): string {
  const summary = item.summary.trim() || item.sources[0]?.title || '';
  return foldSpace(summary);
}

interface Context {
  labels: DigestLabels;
  /** The digest's language: month names in template dates. */
  language: DigestLanguage;
  templates: CompiledTemplates;
  /** Link each quote in the references to its place on the page. */
  quoteLinks: boolean;
  /** Which quotes a deep dive prints when its editor ticked none. */
  deepDiveQuotes: DeepDiveQuotes;
  /** The fields each template names. */
  fields: Record<TemplateKey, ReadonlySet<FieldName>>;
}

function fieldsOf(templates: CompiledTemplates): Record<TemplateKey, ReadonlySet<FieldName>> {
  const fields = {} as Record<TemplateKey, ReadonlySet<FieldName>>;
  for (const [key, segments] of Object.entries(templates.segments) as [TemplateKey, Segment[]][])
    fields[key] = new Set(segments.flatMap((s) => (s.kind === 'field' ? [s.name] : [])));
  return fields;
}

const runs = { text, literal };

type Token = Inline | { kind: 'mark'; mark: string };

/**
 * Emphasis an editor wrote in a template's own text (`**{{title}}**`, `*{{source}}*`) as emphasis
 * runs, so HTML, rich text and 公众号 show it bold or italic rather than asterisks. Only the
 * template's literal text is read this way: a field's value is always text. An unpaired mark
 * stays literal.
 */
export function templateEmphasis(content: readonly Inline[]): Inline[] {
  const tokens: Token[] = [];
  for (const run of content) {
    if (run.kind !== 'literal' || !run.text.includes('*')) {
      tokens.push(run);
      continue;
    }
    for (const part of run.text.split(/(\*\*|\*)/)) {
      if (part) tokens.push(part === '*' || part === '**' ? { kind: 'mark', mark: part } : literal(part));
    }
  }
  const build = (from: number, to: number): Inline[] => {
    const out: Inline[] = [];
    for (let i = from; i < to; i++) {
      const token = tokens[i] as Token;
      if (token.kind !== 'mark') {
        out.push(token);
        continue;
      }
      let close = -1;
      for (let j = i + 1; j < to; j++) {
        const other = tokens[j] as Token;
        if (other.kind === 'mark' && other.mark === token.mark) {
          close = j;
          break;
        }
      }
      if (close > i + 1) {
        out.push({ kind: 'emphasis', strong: token.mark === '**', content: build(i + 1, close) });
        i = close;
      } else {
        out.push(literal(token.mark));
      }
    }
    // Neighbouring literals joined again, as the writers expect of a template's text.
    return out.reduce<Inline[]>((joined, run) => {
      const last = joined[joined.length - 1];
      if (run.kind === 'literal' && last?.kind === 'literal') joined[joined.length - 1] = literal(last.text + run.text);
      else joined.push(run);
      return joined;
    }, []);
  };
  return build(0, tokens.length);
}

function fill(
  segments: readonly Segment[],
  values: Partial<Record<FieldName, FieldValue<Inline>>>,
  language: DigestLanguage,
): Inline[] {
  return templateEmphasis(fillTemplate(segments, values, runs, language));
}

function sourceLinks(item: WeekItem, labels: DigestLabels): Inline[] {
  return item.sources.flatMap((source, i) =>
    i > 0 ? [literal(labels.listSeparator), sourceLink(source)] : [sourceLink(source)],
  );
}

/** The day a source was published; none when the page gave none (the clip day would read as one). */
function referenceDate(source: Source): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(source.publishedAt ?? '')?.[0] ?? '';
}

// A sentence that ends in full-width punctuation needs no space before what follows, in any draft language.
const FULL_WIDTH_END = /[。！？；：，、」』”’）》】…]$/;

/**
 * The values an item line's placeholders take, computed only for the fields its template
 * names (a week of a thousand items fills thousands of lines); `only` is the source a
 * source-level line is about.
 */
function itemValues(
  item: WeekItem,
  ctx: Context,
  fields: ReadonlySet<FieldName>,
  n: number,
  only?: Source,
  quote?: string,
): Partial<Record<FieldName, FieldValue<Inline>>> {
  const lead = only ?? item.sources[0];
  const values: Partial<Record<FieldName, FieldValue<Inline>>> = {};
  const summary = fields.has('summary') || fields.has('gap') || !lead ? itemText(item) : '';
  for (const field of fields) {
    switch (field) {
      case 'title':
        values.title = lead?.title ?? summary;
        break;
      case 'summary':
        values.summary = summary;
        break;
      case 'note':
        values.note = foldSpace(item.note);
        break;
      case 'tags':
        values.tags = item.tags.join(', ');
        break;
      case 'n':
        values.n = String(n);
        break;
      case 'sourceWord':
        values.sourceWord = ctx.labels.sourceWord(only ? 1 : item.sources.length);
        break;
      case 'gap':
        values.gap = summary === '' || FULL_WIDTH_END.test(summary) ? '' : ' ';
        break;
      case 'quoteLink':
        // The source's name, linked to the quote's place on the page (a text fragment).
        if (lead && quote !== undefined)
          values.quoteLink = [sourceLink(lead, quoteFragmentUrl(lead.canonicalUrl, quote))];
        break;
      default:
        if (lead) values[field] = sourceValue(field, lead, item, ctx, only);
    }
  }
  return values;
}

/** A field about the line's source: the lead source, or the one a source-level line is about. */
function sourceValue(field: FieldName, lead: Source, item: WeekItem, ctx: Context, only?: Source): FieldValue<Inline> {
  switch (field) {
    case 'source':
      return lead.source;
    case 'sourceLink':
      return [sourceLink(lead)];
    case 'sources':
      return only ? [sourceLink(only)] : sourceLinks(item, ctx.labels);
    case 'url':
      return lead.canonicalUrl;
    case 'link':
      return [{ kind: 'link', text: lead.title || lead.canonicalUrl, url: lead.canonicalUrl }];
    case 'date':
      return referenceDate(lead);
    default:
      return '';
  }
}

function line(ctx: Context, key: TemplateKey, item: WeekItem, n = 1, only?: Source, quote?: string): Inline[] {
  // The editor's own items cite nothing: they take the thought line (no 来源), whatever the section.
  const template = item.sources.length === 0 && key === 'brief' ? 'thought' : key;
  return fill(
    ctx.templates.segments[template],
    itemValues(item, ctx, ctx.fields[template], n, only, quote),
    ctx.language,
  );
}

function analysisBlocks(items: readonly WeekItem[], ctx: Context): Block[] {
  return items.flatMap((item, index) => {
    const blocks: Block[] = [{ kind: 'heading', level: 3, content: line(ctx, 'analysis', item, index + 1) }];
    blocks.push(...parseNote(item.note, 3));
    for (const source of item.sources) {
      for (const quote of shownQuotes(item, source, ctx.deepDiveQuotes)) {
        blocks.push({
          kind: 'quote',
          ...quoteBlock(quote),
          attribution: line(ctx, 'attribution', item, 1, source, quote.text),
        });
      }
    }
    return blocks;
  });
}

// Quote Markdown past this size is printed as its text: parsing is linear, but a digest carries no such quote.
const QUOTE_MARKDOWN_LIMIT = 20_000;

/**
 * A quote as the draft prints it: the selection's Markdown (its links, emphasis, code and lists, escaped
 * and checked like a note's) when it carried any, else its text. Headings in it sit below the deep dive's.
 */
function quoteBlock(quote: Quote): QuoteBlock {
  const markdown = quote.markdown;
  if (!markdown || markdown.length > QUOTE_MARKDOWN_LIMIT || markdown === quote.text) return { text: quote.text };
  const blocks = parseNote(markdown, 4);
  return blocks.length > 0 ? { text: quote.text, blocks } : { text: quote.text };
}

/**
 * The quotes a deep dive prints under it: those the editor ticked on the item, else the digest's default
 * (none, as the published digest prints none; the first of each source; or all). The references keep them all.
 */
export function shownQuotes(item: Item, source: Source, fallback: DeepDiveQuotes = 'none'): Quote[] {
  if (item.shownQuotes) {
    const ticked = new Set(item.shownQuotes);
    return source.quotes.filter((q) => ticked.has(quoteKey(source.id, q)));
  }
  if (fallback === 'all') return source.quotes;
  return fallback === 'first' ? source.quotes.slice(0, 1) : [];
}

/** Every source the week's items cite, once, in the order the draft first cites them. */
function citedSources(items: readonly WeekItem[]): { source: Source; item: WeekItem }[] {
  const seen = new Map<string, { source: Source; item: WeekItem }>();
  for (const item of items)
    for (const source of item.sources) if (!seen.has(source.id)) seen.set(source.id, { source, item });
  return [...seen.values()];
}

/**
 * Briefs and thoughts: a bullet each, the item's note (if any) as paragraphs under its bullet, so a note
 * written on a brief reaches the draft (docs/digest-format.md, "Notes").
 */
function bulletBlocks(own: readonly WeekItem[], ctx: Context, key: 'brief' | 'thought'): Block[] {
  if (own.length === 0) return [];
  const notes = own.map((item) => (item.note.trim() ? parseNote(item.note, 3) : undefined));
  return [
    {
      kind: 'bullets',
      items: own.map((item, i) => line(ctx, key, item, i + 1)),
      ...(notes.some((n) => n && n.length > 0) ? { notes } : {}),
    },
  ];
}

function sectionBlocks(section: Section, own: WeekItem[], all: WeekItem[], ctx: Context): Block[] {
  switch (section.kind) {
    case 'references': {
      const cited = citedSources(all);
      // The editor's own notes filed under references stay as paragraphs after the list.
      const notes = own
        .filter((i) => i.sources.length === 0)
        .flatMap((item) => [
          ...(item.summary.trim() ? [{ kind: 'paragraph' as const, content: [text(item.summary)] }] : []),
          ...parseNote(item.note, 2),
        ]);
      if (cited.length === 0) return notes;
      return [
        {
          kind: 'references',
          numbered: !ctx.fields.reference.has('n'),
          items: cited.map(({ source, item }, i) => ({
            content: line(ctx, 'reference', item, i + 1, source),
            quotes: source.quotes.map((q) =>
              ctx.quoteLinks
                ? { ...quoteBlock(q), link: quoteFragmentUrl(source.canonicalUrl, q.text) }
                : quoteBlock(q),
            ),
          })),
        },
        ...notes,
      ];
    }
    case 'analysis':
      return analysisBlocks(own, ctx);
    case 'thoughts':
      return bulletBlocks(own, ctx, 'thought');
    default:
      return bulletBlocks(own, ctx, 'brief');
  }
}

/** The week's draft as a document, in the published digest's shape (docs/digest-format.md). */
export function buildDigest(input: DigestInput): DigestDoc {
  const { settings, weekId } = input;
  const labels = DIGEST_LABELS[settings.language];
  const templates = compileTemplates(settings.language, settings.templates);
  const ctx: Context = {
    labels,
    language: settings.language,
    templates,
    quoteLinks: input.settings.quoteLinks === true,
    deepDiveQuotes: input.settings.deepDiveQuotes ?? 'none',
    fields: fieldsOf(templates),
  };
  const range = weekRange(weekId);
  const name = settings.language === 'en' ? settings.digestNameEn || settings.digestName : settings.digestName;
  const weekValues = {
    name: foldSpace(name),
    category: categorySlug(settings.category),
    weekStart: range.start,
    weekEnd: range.end,
  };
  const slug = categorySlug(inlineText(fill(templates.segments.slug, weekValues, settings.language)));
  const titleRuns = fill(templates.segments.title, weekValues, settings.language);
  const sections = [...input.sections].sort((a, b) => a.order - b.order);
  const rank = new Map(sections.map((s, i) => [s.id, i]));
  const items = [...input.items].sort(
    (a, b) =>
      (rank.get(a.sectionId) ?? sections.length) - (rank.get(b.sectionId) ?? sections.length) || compareByOrder(a, b),
  );

  const bySection = new Map<string, WeekItem[]>();
  for (const item of items) {
    const list = bySection.get(item.sectionId);
    if (list) list.push(item);
    else bySection.set(item.sectionId, [item]);
  }
  const body: Block[] = [];
  for (const section of sections) {
    const blocks = sectionBlocks(section, bySection.get(section.id) ?? [], items, ctx);
    if (blocks.length === 0 && !settings.keepEmptySections) continue;
    const sectionName = draftSectionName(section, settings.language);
    body.push({ kind: 'heading', level: 2, content: [text(sectionName)] });
    body.push(...(blocks.length > 0 ? blocks : [{ kind: 'paragraph' as const, content: [literal(labels.empty)] }]));
  }

  const head: Block[] = settings.titleInBody === false ? [] : [{ kind: 'heading', level: 1, content: titleRuns }];
  if (input.lede?.trim()) head.push(...parseNote(input.lede, 1));
  if (input.closing?.trim()) body.push(...parseNote(input.closing, 1));
  // Lines the editor can turn off (options): a newsletter tool may want neither.
  if (settings.metaLine !== false)
    head.push({
      kind: 'paragraph',
      content: fill(templates.segments.meta, { ...weekValues, slug }, settings.language),
    });
  if (settings.readingTimeLine !== false)
    head.push({ kind: 'paragraph', content: [literal(labels.readingTime(readingMinutesOf([...head, ...body])))] });

  const tags = [...new Set(items.flatMap((c) => c.tags))].sort();
  const title = inlineText(titleRuns);
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

/** A piece's runs as the reader reads them, joined; a break ends a line. */
function pushRuns(out: string[], content: readonly Inline[]): void {
  for (const run of content) {
    if (run.kind === 'break') out.push('\n');
    else if (run.kind === 'emphasis') pushRuns(out, run.content);
    else out.push(run.text);
  }
}

/**
 * Minutes to read the text a reader reads in some blocks (runs, link labels and quotes). The
 * pieces are joined once, a line break between two, and counted in one pass: one long flat
 * string is counted several times faster than thousands of short ones of mixed kinds.
 */
export function readingMinutesOf(blocks: readonly Block[]): number {
  const out: string[] = [];
  collectText(blocks, out);
  return readingMinutes(out.join(''));
}

/** The text a reader reads in some blocks, appended to `out` piece by piece, a line break after each. */
function collectText(blocks: readonly Block[], out: string[]): void {
  const piece = (content: readonly Inline[]) => {
    pushRuns(out, content);
    out.push('\n');
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        piece(b.content);
        break;
      case 'bullets':
        for (const item of b.items) piece(item);
        for (const note of b.notes ?? []) if (note) collectText(note, out);
        break;
      case 'list':
        for (const item of b.items) piece(item);
        for (const children of b.children ?? []) if (children) collectText(children, out);
        break;
      case 'quote':
        out.push(b.text, '\n');
        piece(b.attribution ?? []);
        break;
      case 'references':
        for (const item of b.items) {
          piece(item.content);
          for (const q of item.quotes) out.push(q.text, '\n');
        }
    }
  }
}
