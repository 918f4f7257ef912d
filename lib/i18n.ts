import type { OptionsMessageKey } from './i18n-options';
import type { UiLanguage } from './types';

export type Locale = 'zh' | 'en';

const en = {
  appName: 'Digest Clipper',
  thisWeek: 'This week',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  pastWeeks: 'Weeks',
  weekOption: '{range} ({count})',
  readingPage: 'Reading the page…',
  clipThisPage: 'Clip this page',
  title: 'Title',
  source: 'Source',
  section: 'Section',
  link: 'Link',
  summary: 'Summary',
  summaryPlaceholder: 'One line for the digest',
  quote: 'Quote',
  quotePlaceholder: 'Select text on the page before clipping, or paste a quote here',
  longQuote: 'The quote is {count} characters long; all of it is kept.',
  tags: 'Tags',
  tagsPlaceholder: 'comma, separated',
  saveClip: 'Save clip',
  saved: 'Saved to this week.',
  merged: 'This page was already clipped: the quote was added to the existing clip.',
  duplicate: 'This page is already clipped, and that quote is already on it.',
  alreadyClipped:
    'You clipped this page in the week of {week} (quotes so far: {count}). Saving adds this quote to that clip.',
  exportDraft: 'Export draft',
  downloaded: 'Downloaded {file}.',
  exportFailed: 'Export failed: {error}',
  copyMarkdown: 'Copy Markdown',
  copyRich: 'Copy rich text',
  downloadHtml: 'Download HTML',
  copied: 'Copied the draft ({format}).',
  copyFailed: 'Could not copy: {error}',
  checks: 'Checks before export ({count})',
  checksNone: 'No warnings for this draft.',
  'check.no-summary': '“{subject}” has no summary.',
  'check.no-source': '“{subject}” has no source.',
  'check.duplicate-url': '“{subject}” links to the same page as “{detail}”.',
  'check.used-before': '“{subject}” was already in the digest of the week of {detail}.',
  'check.outside-week': '“{subject}” was published on {detail}, outside this week.',
  'check.empty-section': 'Section “{subject}” is empty.',
  noClips: 'No clips this week yet. Clip a page to start the digest.',
  unsorted: 'Unsorted',
  quotes: '{count} quotes',
  oneQuote: '1 quote',
  lede: 'Lede',
  ledePlaceholder: 'A sentence introducing this week’s digest',
  search: 'Search all weeks',
  searchPlaceholder: 'Search titles, summaries, quotes, sources, tags',
  allTags: 'All tags',
  filterTag: 'Filter by tag',
  filterSource: 'Filter by source',
  allSources: 'All sources',
  noResults: 'Nothing found.',
  openInWeek: 'Open in its week',
  trash: 'Trash ({count})',
  trashTitle: 'Trash',
  trashEmpty: 'The trash is empty.',
  restore: 'Restore',
  deleteForever: 'Delete forever',
  backToWeek: 'Back to the week',
  movedToTrash: 'Moved “{title}” to the trash.',
  undo: 'Undo',
  edit: 'Edit',
  delete: 'Delete',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveTo: 'Move to section',
  group: 'Group with the clip above',
  ungroup: 'Ungroup',
  story: 'Story of {count} sources',
  done: 'Done',
  cancel: 'Cancel',
  note: 'Note',
  author: 'Author',
  published: 'Published',
  removeQuote: 'Remove quote',
  cardHelp: 'Keys: 1–9 move to a section, Alt+↑/↓ reorder, Enter edit, Delete to trash',
  options: 'Options',
  couldNotRead: 'Could not read your clips: {error}',
  backupDue: 'Your clips have not been backed up for a while. Download a backup in the options.',
  backupNow: 'Back up now',
};

export type PopupMessageKey = keyof typeof en;
export type MessageKey = PopupMessageKey | OptionsMessageKey;

/**
 * English is built in; Chinese loads on demand (lib/i18n-zh.ts) so the popup carries one
 * language. The options page adds its own messages (lib/i18n-options.ts).
 */
export const EN_MESSAGES: Record<PopupMessageKey, string> = en;

export type Dictionary = Partial<Record<MessageKey, string>>;

/** The UI language: the editor's choice, else the browser's (Chinese for any zh-*). */
export function resolveLocale(choice: UiLanguage, browserLanguage: string): Locale {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export async function loadMessages(locale: Locale): Promise<Dictionary> {
  return locale === 'zh' ? (await import('./i18n-zh')).ZH_MESSAGES : EN_MESSAGES;
}

/** Looks messages up in the dictionaries given, the first that has the key winning; English last. */
export function translator(...dictionaries: Dictionary[]): Translate {
  const messages: Dictionary = Object.assign({}, EN_MESSAGES, ...[...dictionaries].reverse());
  return (key, params = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Week labels follow the language: `2026-01-26 至 2026-02-01` / `Jan 26 – Feb 1, 2026`. */
export function weekLabel(start: string, end: string, locale: Locale): string {
  if (locale === 'zh') return `${start} 至 ${end}`;
  const fmt = (d: string, withYear: boolean) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
      ...(withYear ? { year: 'numeric' } : {}),
    });
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${fmt(start, !sameYear)} – ${fmt(end, true)}`;
}
