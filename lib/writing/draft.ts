import { ClipInputError } from '../errors';
import type { DigestLanguage } from '../types';
import { type Fetch, streamChat } from './chat-stream';
import { DRAFT_LIMITS, type DraftShape, shapeDraft } from './draft-text';
import { type DraftMaterial, draftMessages } from './prompts';
import { endpointOf, type WritingEngine, type WritingSettings, type WritingTask } from './settings';

/** One draft the editor asked for. */
export interface DraftRequest {
  task: WritingTask;
  /** The digest's language: the draft is written in it whatever the page's. */
  language: DigestLanguage;
  material: DraftMaterial;
  /** The field it goes into. */
  shape: DraftShape;
  signal?: AbortSignal;
  /** The draft so far, shaped for its field. */
  onText: (text: string) => void;
  /** The on-device model's one-time download, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface DraftResult {
  text: string;
  cut: boolean;
  stopped: boolean;
  /** Which engine wrote it: the e2e and the editor's notice say so. */
  engine: 'device' | 'endpoint';
}

/** The writing help a week page uses (lib/browser/writing-help.ts): the engine chosen, and a draft from it. */
export interface WritingHelp {
  engine: Exclude<WritingEngine, 'off'>;
  draft: (request: DraftRequest) => Promise<DraftResult>;
}

/** Something to draft from: a translation needs its text, a summary a title or a passage at least. */
export function hasMaterial(task: WritingTask, material: DraftMaterial): boolean {
  if (task === 'translate') return Boolean(material.text?.trim());
  return [material.title, material.excerpt, material.lead, ...(material.quotes ?? [])].some((t) => t?.trim());
}

/**
 * A draft from the editor's own OpenAI-compatible endpoint: the task's instructions, the page quoted as
 * data, the answer streamed and shaped for its field as it arrives.
 */
export async function draftWithEndpoint(
  settings: WritingSettings,
  apiKey: string | undefined,
  fetch: Fetch,
  request: DraftRequest,
  timeoutMs?: number,
): Promise<DraftResult> {
  if (!hasMaterial(request.task, request.material)) throw new ClipInputError('writing.no-material');
  const { root } = endpointOf(settings.baseUrl);
  const answer = await streamChat({
    fetch,
    root,
    model: settings.model,
    apiKey,
    messages: draftMessages(settings, request.task, request.language, request.material),
    signal: request.signal,
    timeoutMs,
    // Room for a reasoning model's thinking, which is dropped, before the field's own limit.
    maxChars: DRAFT_LIMITS[request.shape] + 20_000,
    onText: (text) => request.onText(shapeDraft(text, request.shape)),
  });
  const text = shapeDraft(answer.text, request.shape);
  return { text, cut: answer.cut, stopped: answer.stopped, engine: 'endpoint' };
}
