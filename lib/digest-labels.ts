import type { DigestLanguage } from './types';

/** Draft labels follow the digest's language, never the browser's. */
export interface DigestLabels {
  range: (start: string, end: string) => string;
  metaLine: (category: string, slug: string) => string;
  readingTime: (minutes: number) => string;
  source: string;
  sourceSeparator: string;
  listSeparator: string;
  numbered: (n: number, heading: string) => string;
  /** The line under a section the editor keeps although it is empty. */
  empty: string;
}

export const DIGEST_LABELS: Record<DigestLanguage, DigestLabels> = {
  zh: {
    range: (start, end) => `(${start} 至 ${end})`,
    metaLine: (category, slug) => `分类:${category} | slug:${slug} | 发布时间范围:近7天`,
    readingTime: (minutes) => `预计阅读时长 ${minutes} 分钟`,
    source: '来源:',
    sourceSeparator: '',
    listSeparator: '、',
    numbered: (n, heading) => `${n})${heading}`,
    empty: '(本周暂无)',
  },
  en: {
    range: (start, end) => ` (${start} to ${end})`,
    metaLine: (category, slug) => `Category: ${category} | slug: ${slug} | Range: last 7 days`,
    readingTime: (minutes) => `Estimated reading time: ${minutes} min`,
    source: 'Source: ',
    sourceSeparator: ' ',
    listSeparator: ', ',
    numbered: (n, heading) => `${n}) ${heading}`,
    empty: '(Nothing this week.)',
  },
};
