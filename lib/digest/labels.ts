import type { DigestLanguage } from '../types';

/** Draft labels that are not templates; they follow the digest's language, never the browser's. */
export interface DigestLabels {
  readingTime: (minutes: number) => string;
  /** Between the sources of a story of several clips. */
  listSeparator: string;
  /** The line under a section the editor keeps although it is empty. */
  empty: string;
  /** Heading of the numbered link list that ends a 公众号 draft (links are not allowed in its text). */
  links: string;
  /** `{{sourceWord}}`: the word before an item's sources, by how many it cites (`Source:` / `Sources:`). */
  sourceWord: (count: number) => string;
}

export const DIGEST_LABELS: Record<DigestLanguage, DigestLabels> = {
  zh: {
    readingTime: (minutes) => `预计阅读时长 ${minutes} 分钟`,
    listSeparator: '、',
    empty: '(本周暂无)',
    links: '参考链接',
    sourceWord: () => '来源',
  },
  en: {
    readingTime: (minutes) => `Estimated reading time: ${minutes} min`,
    listSeparator: ', ',
    empty: '(Nothing this week.)',
    links: 'Links',
    sourceWord: (count) => (count > 1 ? 'Sources' : 'Source'),
  },
};
