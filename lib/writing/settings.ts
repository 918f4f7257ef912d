import { ClipInputError } from '../errors';
import type { DigestLanguage } from '../types';

/** Which engine drafts: none (the default), the browser's own model, or the editor's endpoint. */
export type WritingEngine = 'off' | 'device' | 'endpoint';

/**
 * Options → Writing help, kept in this browser's extension storage (never in a backup or the team's
 * database: an endpoint and its key belong to one editor's machine). The API key is stored apart.
 */
export interface WritingSettings {
  engine: WritingEngine;
  /** An OpenAI-compatible API root, `https://gateway.example.com/v1` or `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  model: string;
  /** The house style for each digest language: what a summary looks like. */
  style: Record<DigestLanguage, string>;
  /** The instructions for each task; `{language}` and `{style}` are filled in. */
  prompts: Record<WritingTask, string>;
}

export type WritingTask = 'summary' | 'keyPoints' | 'translate';

export const WRITING_TASKS: readonly WritingTask[] = ['summary', 'keyPoints', 'translate'];

/** The house style the issue describes; an editor rewrites it in options. */
export const DEFAULT_STYLE: Record<DigestLanguage, string> = {
  zh: '一句话，不超过约 60 个字；事实和数字在前；不加评论；不要用“本文”开头。',
  en: 'One sentence of at most about 30 words; facts and numbers first; no opinion.',
};

export const DEFAULT_PROMPTS: Record<WritingTask, string> = {
  summary:
    'You write the one-sentence summary of a news article for a weekly news digest. Write it in {language}, even when the article is in another language. House style: {style} Reply with the sentence only.',
  keyPoints:
    'You list the key points of a news article for a weekly news digest. Write three to five points in {language} as a Markdown list ("- " before each), one short line each, facts and numbers first, no opinion. Reply with the list only.',
  translate:
    'You translate a passage of a news digest into {language}. Keep names, numbers and Markdown links as they are. Reply with the translation only.',
};

export const DEFAULT_WRITING: WritingSettings = {
  engine: 'off',
  baseUrl: '',
  model: '',
  style: { ...DEFAULT_STYLE },
  prompts: { ...DEFAULT_PROMPTS },
};

const MAX_PROMPT = 4_000;

const text = (value: unknown, fallback: string, max = MAX_PROMPT) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : fallback;

/** Whatever storage held (an older shape, a hand edit), as settings: unknown parts fall back to defaults. */
export function readWritingSettings(stored: unknown): WritingSettings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const style = (raw.style ?? {}) as Record<string, unknown>;
  const prompts = (raw.prompts ?? {}) as Record<string, unknown>;
  const engine = raw.engine === 'device' || raw.engine === 'endpoint' ? raw.engine : 'off';
  return {
    engine,
    baseUrl: text(raw.baseUrl, '', 2_000),
    model: text(raw.model, '', 200),
    style: { zh: text(style.zh, DEFAULT_STYLE.zh), en: text(style.en, DEFAULT_STYLE.en) },
    prompts: {
      summary: text(prompts.summary, DEFAULT_PROMPTS.summary),
      keyPoints: text(prompts.keyPoints, DEFAULT_PROMPTS.keyPoints),
      translate: text(prompts.translate, DEFAULT_PROMPTS.translate),
    },
  };
}

/**
 * The endpoint's API root and the origin to ask access for (`http://127.0.0.1:8080/*`). A trailing
 * `/chat/completions` pasted from a service's docs is taken off; anything but http(s) is refused.
 */
export function endpointOf(baseUrl: string): { root: string; origin: string } {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new ClipInputError('writing.bad-address', { url: baseUrl.trim().slice(0, 80) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ClipInputError('writing.bad-address', { url: baseUrl.trim().slice(0, 80) });
  const path = url.pathname.replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  return { root: `${url.origin}${path}`, origin: `${url.protocol}//${url.hostname}/*` };
}

/** Settings ready to save: an endpoint engine needs an address and a model. */
export function checkedWritingSettings(settings: WritingSettings): WritingSettings {
  const out = readWritingSettings(settings);
  if (out.engine === 'endpoint') {
    out.baseUrl = endpointOf(out.baseUrl).root;
    if (!out.model) throw new ClipInputError('writing.no-model-name');
  }
  return out;
}
