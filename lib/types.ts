/** One passage the editor selected on a page. */
export interface Quote {
  text: string;
  /** The same passage as Markdown, when the selection carried links or emphasis. */
  markdown?: string;
  createdAt: number;
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

export interface Clip extends PageFields {
  id: string;
  quotes: Quote[];
  summary: string;
  note: string;
  sectionId: string;
  tags: string[];
  /** Monday (or the configured first day) of the clip's week, `YYYY-MM-DD`. */
  weekId: string;
  /** Fractional ordering key within the section; compared as plain strings. */
  order: string;
  /** Clips sharing a story id render as one item citing all their sources. */
  storyId?: string;
  /** Set while the clip is in the trash; restoring clears it. */
  deletedAt?: number;
  /** Search keys derived from the clip's text (lib/store/search-terms.ts); never edited directly. */
  terms?: string[];
  createdAt: number;
  updatedAt: number;
}

/** How a section renders in the draft (see docs/digest-format.md). */
export type SectionKind = 'briefs' | 'analysis' | 'thoughts' | 'references';

export interface Section {
  id: string;
  name: string;
  kind: SectionKind;
  order: number;
}

export type DigestLanguage = 'zh' | 'en';

/** The draft lines an editor can reshape with a template (lib/digest/templates.ts). */
export type TemplateKey = 'title' | 'slug' | 'meta' | 'brief' | 'thought' | 'analysis' | 'attribution' | 'reference';

export type UiLanguage = 'auto' | 'zh' | 'en';
export type Theme = 'auto' | 'light' | 'dark';

export interface DigestSettings {
  digestName: string;
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
  /** Ask where to save each exported file instead of saving to the downloads folder. */
  askWhereToSave: boolean;
  /** Remind the editor to back up when the last backup is older than this many days; 0 turns it off. */
  backupReminderDays: number;
  /** The editor's own line templates (lib/digest/templates.ts); missing or empty ones use the default. */
  templates: Partial<Record<TemplateKey, string>>;
}

/** Per-week text the editor writes once (the lede of the draft). */
export interface WeekNote {
  id: string;
  lede: string;
  updatedAt: number;
}

/** What the injected clipper reads from a page; never touches storage. */
export interface PageCapture extends PageFields {
  selection?: { text: string; markdown?: string };
}

/** What the browser says of the extension's storage (read by lib/browser/storage.ts). */
export interface StorageState {
  persisted: boolean;
  usage?: number;
  quota?: number;
}
