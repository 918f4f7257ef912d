/**
 * How long each kind of value may be: the one definition lib/record-rules.ts enforces, and the
 * forms read to warn before saving (kept apart so the popup's start-up script can read it alone).
 */
export const RECORD_LIMITS = {
  id: 200,
  /** Links (page and canonical). */
  url: 8_000,
  title: 500,
  /** Publisher, author, summary, excerpt: one line. */
  line: 2_000,
  /** Notes, lede, closing: Markdown the editor writes. */
  note: 200_000,
  /** One quote: a whole long article fits. */
  quote: 5_000_000,
  quotes: 5_000,
  tag: 60,
  tags: 200,
  sourceIds: 1_000,
  /** Open conflicts one record keeps (the newest): a merge and the backup reader hold to it alike. */
  conflicts: 100,
  /** Quotes ticked to show under one item. */
  shownQuotes: 1_000,
  /** Drafted texts one item marks (its summary and note, and a translation of each). */
  drafted: 4,
  /** A publication date as ISO 8601 text. */
  date: 64,
  /** A BCP 47 language tag. */
  lang: 35,
  sectionName: 200,
  sections: 200,
  order: 1_000,
} as const;
