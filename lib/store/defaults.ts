import type { DigestLanguage, DigestSettings, Section } from '../types';

/**
 * The digest's settings a team shares (lib/sync/docs.ts); the rest (UI language, theme, time zone, where
 * files are saved, the backup reminder) are each editor's own.
 */
export const SHARED_SETTINGS = [
  'digestName',
  'digestNameEn',
  'category',
  'language',
  'frontMatter',
  'defaultSectionId',
  'weekStartsOn',
  'publisherOverrides',
  'keepEmptySections',
  'quoteLinks',
  'deepDiveQuotes',
  'titleInBody',
  'metaLine',
  'readingTimeLine',
  'templates',
  'learnedSites',
] as const satisfies readonly (keyof DigestSettings)[];

/** The sections of the published digest, in its order (docs/digest-format.md). */
export const DEFAULT_SECTIONS: readonly Section[] = [
  { id: 'briefs', name: '本周要闻速览', nameEn: 'This Week in Brief', kind: 'briefs', order: 1 },
  { id: 'analysis', name: '深度解析', nameEn: 'Deep Dives', kind: 'analysis', order: 2 },
  { id: 'thoughts', name: '行业思考', nameEn: 'Industry Thoughts', kind: 'thoughts', order: 3 },
  { id: 'references', name: '参考资料与本地摘录', nameEn: 'References and Excerpts', kind: 'references', order: 4 },
];

export const DEFAULT_SETTINGS: DigestSettings = {
  digestName: 'AI 一周记',
  digestNameEn: 'AI Weekly',
  category: 'ai-weekly-info',
  language: 'zh',
  frontMatter: false,
  defaultSectionId: 'briefs',
  weekStartsOn: 1,
  timeZone: '',
  uiLanguage: 'auto',
  theme: 'auto',
  publisherOverrides: {},
  keepEmptySections: false,
  quoteLinks: false,
  deepDiveQuotes: 'none',
  titleInBody: true,
  metaLine: true,
  readingTimeLine: true,
  askWhereToSave: false,
  backupReminderDays: 7,
  templates: {},
  learnedSites: [],
};

/**
 * A new database's settings: the digest's language (and so its name and section names) follows
 * the browser's, so an editor in an English browser starts with an English digest.
 */
export function firstRunSettings(browserLanguage: string | undefined): DigestSettings {
  const language: DigestLanguage =
    browserLanguage === undefined || browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return { ...DEFAULT_SETTINGS, language };
}
