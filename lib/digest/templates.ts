import type { Problem } from '../errors';
import type { DigestLanguage, TemplateKey } from '../types';
import {
  type FieldName,
  ITEM_FIELDS,
  parseTemplate,
  QUOTE_FIELDS,
  type Segment,
  TemplateError,
  WEEK_FIELDS,
} from './template-engine';

/** The lines of the draft an editor can reshape (options page, "Templates"; CLI --template). */
export type DigestTemplate = Record<TemplateKey, string>;
export type { TemplateKey };

/** The published digest's shape (docs/digest-format.md) in each draft language. */
export const DEFAULT_TEMPLATES: Record<DigestLanguage, DigestTemplate> = {
  zh: {
    title: '{{name}}({{weekStart}} 至 {{weekEnd}})',
    slug: '{{category}}-{{weekEnd}}',
    meta: '分类:{{category}} | slug:{{slug}} | 发布时间范围:近7天',
    brief: '{{summary}}{{gap}}来源:{{sources}}',
    thought: '{{summary}}',
    analysis: '{{n}}){{summary}}',
    attribution: '— {{sourceLink}}',
    reference: '{{link}} — {{source?, }}{{date}}',
  },
  en: {
    // The week as English newsletters write it: `AI Weekly (Jan 26 – Feb 1, 2026)`.
    title: '{{name}} ({{weekStart|MMM D}} – {{weekEnd|MMM D, YYYY}})',
    slug: '{{category}}-{{weekEnd}}',
    meta: 'Category: {{category}} | slug: {{slug}} | Range: last 7 days',
    brief: '{{summary}}{{gap}}{{sourceWord}}: {{sources}}',
    thought: '{{summary}}',
    // A plain heading: numbered `1) …` headings read as a Chinese digest's convention in an English newsletter.
    analysis: '{{summary}}',
    attribution: '— {{sourceLink}}',
    reference: '{{link}} — {{source?, }}{{date}}',
  },
};

const ALLOWED: Record<TemplateKey, readonly FieldName[]> = {
  title: ['name', 'category', 'weekStart', 'weekEnd'],
  slug: ['category', 'weekStart', 'weekEnd'],
  meta: WEEK_FIELDS,
  brief: ITEM_FIELDS,
  thought: ITEM_FIELDS,
  analysis: ITEM_FIELDS,
  attribution: [...ITEM_FIELDS, ...QUOTE_FIELDS],
  reference: ITEM_FIELDS,
};

export const TEMPLATE_KEYS = Object.keys(ALLOWED) as TemplateKey[];

export interface CompiledTemplates {
  segments: Record<TemplateKey, Segment[]>;
  /** Templates that did not parse, with where; the language's default was used for them. */
  errors: { key: TemplateKey; problem: Problem }[];
}

/** Parses the editor's templates over the defaults; a broken one falls back to its default. */
export function compileTemplates(language: DigestLanguage, custom: Partial<DigestTemplate> = {}): CompiledTemplates {
  const defaults = DEFAULT_TEMPLATES[language];
  const segments = {} as Record<TemplateKey, Segment[]>;
  const errors: CompiledTemplates['errors'] = [];
  for (const key of TEMPLATE_KEYS) {
    const text = custom[key];
    if (text !== undefined && text.trim() !== '') {
      try {
        segments[key] = parseTemplate(text, ALLOWED[key]);
        continue;
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        errors.push({ key, problem: error.problem });
      }
    }
    segments[key] = parseTemplate(defaults[key], ALLOWED[key]);
  }
  return { segments, errors };
}
