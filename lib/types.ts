import type { Problem } from './errors';

/** One passage the editor selected on a page. */
export interface Quote {
  text: string;
  /** The same passage as Markdown, when the selection carried links or emphasis. */
  markdown?: string;
  createdAt: number;
}

/**
 * When a field last changed: `at` is `<time>@<browser>`, `base` the stamp of the value this
 * browser's run of changes started from (lib/store/field-clocks.ts, docs/data-safety.md).
 */
export interface FieldClock {
  at: string;
  base?: string;
  /**
   * The newest change of each browser this value follows (browser → time): it was made knowing them. Tells
   * "made after seeing it" from "made meanwhile" whatever the clocks say (absent on clocks written before).
   */
  seen?: Record<string, number>;
}

/** A value a conflicting copy held; `null` when that copy had none. */
export type ConflictValue = string | string[] | null;

/** A field changed both here and in another copy (a restored backup): their value, for the editor to choose. */
export interface FieldConflict {
  field: string;
  value: ConflictValue;
  /** Their change's stamp. */
  at: string;
}

/** A record merged field by field. */
export interface Clocked {
  createdAt?: number;
  updatedAt: number;
  /** Per-field clocks; absent on records written before they existed. */
  clocks?: Record<string, FieldClock>;
  /** Open conflicts, oldest first. */
  conflicts?: FieldConflict[];
}

/** What a page says about itself, as the clipper read it (and the editor corrected it). */
export interface PageFields {
  /** The address the editor was on when clipping. */
  pageUrl: string;
  /** The page's own canonical address, tracking parameters removed; the draft links here. */
  canonicalUrl: string;
  title: string;
  source: string;
  author?: string;
  /** ISO 8601 as the page gave it (offset kept). */
  publishedAt?: string;
  excerpt?: string;
  lang?: string;
}

/**
 * A page as captured: what was read (and what the editor corrected), with the passages they
 * selected. One source can be cited by several items, in any section or week.
 */
export interface Source extends PageFields, Clocked {
  id: string;
  quotes: Quote[];
  /**
   * Where each page field's value came from (the clipper's reading, or `editor` once corrected), so
   * the editor checks the guesses first. Follows its field through edits, re-clips and merges.
   */
  origins?: FieldOrigins;
  createdAt: number;
  updatedAt: number;
}

/**
 * The editor's entry in a section of a week: what they write (summary, Markdown note) and the
 * sources it cites — none (a thought), one, or several (a story).
 */
export interface Item extends Clocked {
  id: string;
  /** Monday (or the configured first day) of the item's week, `YYYY-MM-DD`. */
  weekId: string;
  sectionId: string;
  /** Fractional ordering key within the section; compared as plain strings. */
  order: string;
  summary: string;
  /** Markdown the editor writes (docs/digest-format.md, "Notes"). */
  note: string;
  tags: string[];
  /** The cited sources, in citing order; empty for the editor's own thoughts. */
  sourceIds: string[];
  /**
   * The quotes printed under this item in the draft (a deep dive), by `quoteKey`; absent, the digest's
   * default (`DigestSettings.deepDiveQuotes`). The references print every quote whatever this says.
   */
  shownQuotes?: string[];
  /**
   * Texts the writing help drafted (lib/writing/) that the summary or note still holds untouched: the
   * card shows them as drafted and the draft checks count them, so no machine sentence goes out unread.
   * Only texts the item holds are kept (lib/record-rules.ts `keptDrafts`); an edit ends the mark.
   */
  drafted?: string[];
  /** Set while the item is in the trash; restoring clears it. */
  deletedAt?: number;
  /** Search keys from the item's and its sources' text (lib/store/search-terms.ts); never edited directly. */
  terms?: string[];
  createdAt: number;
  updatedAt: number;
}

/**
 * What remains of a record deleted for good: enough for a merge to keep it deleted instead of
 * bringing it back from an older backup (docs/data-safety.md).
 */
export interface Tombstone {
  /** `item:<id>`, `source:<id>` or `section:<id>`. */
  id: string;
  kind: 'item' | 'source' | 'section';
  recordId: string;
  deletedAt: number;
}

/** An item with its sources read, as the popup shows it and the renderer draws it. */
export interface WeekItem extends Item {
  sources: Source[];
}

/**
 * A clip of schema versions 1–2 and backup version 1: page and entry in one record.
 * Only read, to upgrade (lib/store/legacy-clips.ts).
 */
export interface LegacyClip extends PageFields {
  id: string;
  quotes: Quote[];
  summary: string;
  note: string;
  sectionId: string;
  tags: string[];
  weekId: string;
  order: string;
  /** Clips sharing a story id rendered as one item citing all their sources. */
  storyId?: string;
  deletedAt?: number;
  terms?: string[];
  createdAt: number;
  updatedAt: number;
}

/** How a section renders in the draft (see docs/digest-format.md). */
export type SectionKind = 'briefs' | 'analysis' | 'thoughts' | 'references';

export interface Section {
  id: string;
  /** The name in the popup and in Chinese drafts. */
  name: string;
  /** The name in English drafts; `name` when empty. */
  nameEn?: string;
  kind: SectionKind;
  order: number;
  /** When the section was last added, renamed or moved here (team sync takes the later copy); absent on defaults. */
  updatedAt?: number;
}

export type DigestLanguage = 'zh' | 'en';

/** The draft lines an editor can reshape with a template (lib/digest/templates.ts). */
export type TemplateKey = 'title' | 'slug' | 'meta' | 'brief' | 'thought' | 'analysis' | 'attribution' | 'reference';

export type UiLanguage = 'auto' | 'zh' | 'en';
export type DeepDiveQuotes = 'none' | 'first' | 'all';
export type Theme = 'auto' | 'light' | 'dark';

export interface DigestSettings {
  /** The digest's name in Chinese drafts. */
  digestName: string;
  /** Its name in English drafts; `digestName` when empty. */
  digestNameEn: string;
  category: string;
  language: DigestLanguage;
  frontMatter: boolean;
  defaultSectionId: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  /** IANA zone; empty means the browser's own. */
  timeZone: string;
  uiLanguage: UiLanguage;
  theme: Theme;
  /** Editors' publisher names by domain (`github.com` → `GitHub 开源`). */
  publisherOverrides: Record<string, string>;
  /** Keep empty sections in the draft with a placeholder line instead of leaving them out. */
  keepEmptySections: boolean;
  /** Link each quote in the references to its place on the page (a text fragment, `#:~:text=`). */
  quoteLinks: boolean;
  /**
   * Which quotes a deep dive prints under it when the editor has not ticked its own: none (as the
   * published digest does), the first of each source, or all. Absent: none.
   */
  deepDiveQuotes?: DeepDiveQuotes;
  /**
   * Print the title as the draft's first heading. Off for editors whose publishing tool has a title field
   * of its own (a newsletter editor), where a heading in the body repeats it. Absent: on.
   */
  titleInBody?: boolean;
  /** Print the meta line (`分类:… | slug:…`) under the title. Absent: on. */
  metaLine?: boolean;
  /** Print the reading-time line (`预计阅读时长 N 分钟`). Absent: on. */
  readingTimeLine?: boolean;
  /** Ask where to save each exported file instead of saving to the downloads folder. */
  askWhereToSave: boolean;
  /** Remind the editor to back up when the last backup is older than this many days; 0 turns it off. */
  backupReminderDays: number;
  /** The editor's own line templates (lib/digest/templates.ts); missing or empty ones use the default. */
  templates: Partial<Record<TemplateKey, string>>;
  /**
   * Where each site's pages hold a field the clipper got wrong or left empty, learned from the editor's
   * corrections (lib/capture/learned.ts): read first on the next capture on that site. Data, never code.
   */
  learnedSites: LearnedRule[];
  /**
   * When a setting the team shares last changed here (lib/sync/docs.ts, SHARED_SETTINGS): team sync takes
   * the later settings. Absent until one changes; never in a backup.
   */
  sharedAt?: number;
}

/** The page fields a correction can teach the clipper. */
export type LearnedField = 'title' | 'source' | 'author' | 'publishedAt';

/** An element as a selector made only of checked names: a rule is data, it can select and read, nothing else. */
export interface LearnedSpot {
  tag: string;
  classes: string[];
  id?: string;
  /** The words before the value in the same element (`作者：`, `By`), which must be there again. */
  label?: string;
  /** The nearest ancestor with a stable class or id, when the element has none of its own. */
  parent?: { tag: string; classes: string[]; id?: string };
  /** A `<meta>` that declares the value (`name`/`property`), which outlives a redesign of the page's markup. */
  meta?: string;
}

/** One learned place: on `site` (a host, `www.` dropped), `field` is at `spot`; `example` is what was corrected. */
export interface LearnedRule {
  site: string;
  field: LearnedField;
  spot: LearnedSpot;
  example: string;
  learnedAt: number;
}

/** Per-week text the editor writes once: the lede and the closing paragraph, both Markdown. */
export interface WeekNote extends Clocked {
  id: string;
  lede: string;
  /** After the last section (a reply prompt, a sign-off). */
  closing?: string;
  /** Set when the editor marked the week published: its items are locked until unlocked. */
  published?: { at: number; issue: string };
  updatedAt: number;
}

/** What the injected clipper reads from a page; never touches storage. */
/**
 * Where the clipper read a field: what the page declares for machines (JSON-LD, OpenGraph, meta
 * tags), its `<title>`, its visible headline or byline, the address, the project's list of known
 * sites, the bare domain, or the editor (a value they typed or corrected, or their own name for the
 * site). `known-site` and `domain` are guesses.
 */
export type FieldOrigin =
  | 'declared'
  | 'page-title'
  | 'headline'
  | 'byline'
  | 'url'
  | 'known-site'
  /** The site's name as its header logo gives it (`<img alt="Parallels">`), when it names the domain. */
  | 'logo'
  /** Where the editor's correction on an earlier page of the site showed it to be (DigestSettings.learnedSites). */
  | 'learned'
  | 'domain'
  /** The browser's PDF viewer: the PDF's own title when it has one, else its file name. */
  | 'pdf'
  | 'editor';

export type FieldOrigins = Partial<Record<'title' | 'source' | 'author' | 'publishedAt', FieldOrigin>>;

export interface PageCapture extends PageFields {
  selection?: { text: string; markdown?: string };
  /** Where the clipper read each field (shown in the capture form, stored with the source). */
  origins?: FieldOrigins;
  /**
   * A Chinese page's lines that may credit its writer, as the clipper gathered them; read and
   * dropped once the capture has left the page (lib/capture/tidy-capture.ts), never stored.
   */
  credits?: string[];
  /**
   * The outlet a reprint credits (`来源：澎湃新闻` on a portal's copy): shown in the capture form as
   * where the story first ran. The source stays the site that serves the page the draft links to.
   */
  reprintOf?: string;
  /**
   * The page's `<title>` and its header logo's text when nothing on the page named its site; read
   * and dropped outside the page (lib/capture/tidy-capture.ts), never stored.
   */
  pageTitle?: string;
  logoAlt?: string;
  /**
   * The article's first paragraphs (lib/capture/capture.ts `leadOf`): what the writing help drafts a
   * summary from in the capture form, after the editor's selection. Never stored.
   */
  lead?: string;
  /** When each field read from a learned place was learned (the capture form says so); never stored. */
  learnedOn?: Partial<Record<LearnedField, number>>;
}

/** The team database this browser syncs with (lib/sync/): never the password, which is not kept. */
export interface TeamConnection {
  /** The server's origin and path, `https://couch.example.org` (no user, no trailing slash). */
  url: string;
  db: string;
  user: string;
}

/**
 * Team sync as the popup, the side panel and the options page show it (kept in this browser only,
 * never in a backup): connected or not, what is waiting, what went wrong last.
 */
export interface TeamStatus {
  connection?: TeamConnection;
  state: 'off' | 'syncing' | 'synced' | 'offline' | 'signed-out' | 'error';
  /** Changes made here not yet on the server. */
  pending: number;
  lastSyncAt?: number;
  lastError?: Problem & { at: number };
  /** Documents the last pulls could not read (skipped and listed, as a restore lists records), newest last. */
  skipped?: (Problem & { id: string; path?: string })[];
  /** Where this browser is in the team database's changes feed. */
  since?: string;
}

/** What the browser says of the extension's storage (read by lib/browser/storage.ts). */
export interface StorageState {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

/** A tab of the window, as clipping several tabs lists it (lib/browser/host-access.ts). */
export interface WindowTab {
  id: number;
  title: string;
  url: string;
  highlighted: boolean;
}
