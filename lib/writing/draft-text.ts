import { RECORD_LIMITS } from '../record-limits';
import { cleanBlock } from '../text';

/** Where a draft goes: a one-line field (a summary) or Markdown (a note). */
export type DraftShape = 'line' | 'markdown';

/** The most a draft may hold: what its field may hold. */
export const DRAFT_LIMITS: Record<DraftShape, number> = { line: RECORD_LIMITS.line, markdown: RECORD_LIMITS.note };

// A reasoning model's thinking, closed or still streaming, is not the answer.
const THINKING = /<think>[\s\S]*?(<\/think>|$)/gi;
// A label some models put first (`摘要：`, `Summary:`), and quotes around the whole sentence.
const LABEL = /^(摘要|总结|概要|译文|翻译|summary|translation|tl;dr)\s*[:：]\s*/i;
const WRAPPED = /^(["“「『'‘])([\s\S]*)(["”」』'’])$/;
const FENCED = /^```[\w-]*\n([\s\S]*?)\n?```$/;

/**
 * A model's answer as the field's text: its thinking dropped, a label or wrapping quotes taken off, a
 * summary on one line. Only text: whatever markup it holds stays characters, escaped by every export.
 */
export function shapeDraft(answer: string, shape: DraftShape): string {
  let text = answer.replace(THINKING, '').trim();
  if (shape === 'line') {
    text = text.replace(/\s+/g, ' ').replace(LABEL, '');
    const wrapped = WRAPPED.exec(text);
    if (wrapped?.[2] && !/["“”「」『』]/.test(wrapped[2])) text = wrapped[2].trim();
  } else {
    text = cleanBlock(FENCED.exec(text)?.[1] ?? text).trim();
  }
  const max = DRAFT_LIMITS[shape];
  return text.length > max ? text.slice(0, max) : text;
}
