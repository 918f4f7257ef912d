import type { DigestLanguage } from '../types';

/** Draft labels that are not templates; they follow the digest's language, never the browser's. */
export interface DigestLabels {
  readingTime: (minutes: number) => string;
  /** Between the sources of a story of several clips. */
  listSeparator: string;
  /** The line under a section the editor keeps although it is empty. */
  empty: string;
}

export const DIGEST_LABELS: Record<DigestLanguage, DigestLabels> = {
  zh: {
    readingTime: (minutes) => `预计阅读时长 ${minutes} 分钟`,
    listSeparator: '、',
    empty: '(本周暂无)',
  },
  en: {
    readingTime: (minutes) => `Estimated reading time: ${minutes} min`,
    listSeparator: ', ',
    empty: '(Nothing this week.)',
  },
};
