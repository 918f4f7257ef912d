import { ClipInputError } from '../errors';
import type { DigestLanguage } from '../types';
import type { DraftRequest, DraftResult } from '../writing/draft';
import { hasMaterial } from '../writing/draft';
import { shapeDraft } from '../writing/draft-text';
import { materialText } from '../writing/prompts';

/**
 * The browser's built-in models (Chrome 138+: Summarizer, Translator, LanguageDetector, running Gemini
 * Nano on this computer) behind one small module. Only the documented surface is used, so a stand-in
 * with the same shape runs the contract tests (tests/unit/browser/on-device-ai.test.ts): headless
 * Chromium has no model. Nothing here leaves the computer.
 */

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface Monitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded: number }) => void): void;
}
interface CreateCommon {
  monitor?: (monitor: Monitor) => void;
  signal?: AbortSignal;
}
type TextStream = ReadableStream<string> | AsyncIterable<string>;

export interface SummarizerOptions {
  type: 'tldr' | 'key-points' | 'teaser' | 'headline';
  format: 'plain-text' | 'markdown';
  length: 'short' | 'medium' | 'long';
  sharedContext?: string;
  expectedInputLanguages?: string[];
  outputLanguage?: string;
}
export interface TranslatorOptions {
  sourceLanguage: string;
  targetLanguage: string;
}

export interface OnDeviceApis {
  Summarizer?: {
    availability(options: SummarizerOptions): Promise<Availability>;
    create(options: SummarizerOptions & CreateCommon): Promise<{
      summarize(text: string, options?: { signal?: AbortSignal }): Promise<string>;
      summarizeStreaming?(text: string, options?: { signal?: AbortSignal }): TextStream;
      destroy?(): void;
    }>;
  };
  Translator?: {
    availability(options: TranslatorOptions): Promise<Availability>;
    create(options: TranslatorOptions & CreateCommon): Promise<{
      translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
      destroy?(): void;
    }>;
  };
  LanguageDetector?: {
    create(options?: CreateCommon): Promise<{
      detect(text: string): Promise<{ detectedLanguage: string; confidence: number }[]>;
      destroy?(): void;
    }>;
  };
}

/** The languages the summarizer writes (Chrome 138: English, Spanish, Japanese); others are translated into. */
const SUMMARY_LANGUAGES = new Set(['en', 'es', 'ja']);

/** The options a summary or key points are made with: availability() is asked with exactly these. */
export function summarizerOptions(task: 'summary' | 'keyPoints', language: DigestLanguage): SummarizerOptions {
  return {
    type: task === 'summary' ? 'tldr' : 'key-points',
    format: task === 'summary' ? 'plain-text' : 'markdown',
    length: 'short',
    sharedContext:
      task === 'summary' ? 'One factual sentence for a weekly news digest.' : 'Key points for a weekly news digest.',
    expectedInputLanguages: ['en', 'zh'],
    outputLanguage: SUMMARY_LANGUAGES.has(language) ? language : 'en',
  };
}

/** What this browser can do for a digest in `language`: write directly, after a download, or not at all. */
export async function deviceAvailability(apis: OnDeviceApis, language: DigestLanguage): Promise<Availability> {
  if (!apis.Summarizer) return 'unavailable';
  const summary = await apis.Summarizer.availability(summarizerOptions('summary', language)).catch(
    () => 'unavailable' as const,
  );
  if (summary === 'unavailable' || SUMMARY_LANGUAGES.has(language)) return summary;
  if (!apis.Translator) return 'unavailable';
  const translate = await apis.Translator.availability({ sourceLanguage: 'en', targetLanguage: language }).catch(
    () => 'unavailable' as const,
  );
  // Both must be there; the slower of the two says when.
  const rank: Availability[] = ['unavailable', 'downloadable', 'downloading', 'available'];
  return rank[Math.min(rank.indexOf(summary), rank.indexOf(translate))] ?? 'unavailable';
}

/** Reads a stream of text pieces: Chrome gives each new piece (earlier builds gave the whole text so far). */
async function readPieces(stream: TextStream, onText: (text: string) => void): Promise<string> {
  let text = '';
  const iterable: AsyncIterable<string> =
    Symbol.asyncIterator in stream
      ? (stream as AsyncIterable<string>)
      : {
          async *[Symbol.asyncIterator]() {
            const reader = (stream as ReadableStream<string>).getReader();
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              yield value;
            }
          },
        };
  for await (const piece of iterable) {
    text = piece.startsWith(text) && text !== '' ? piece : text + piece;
    onText(text);
  }
  return text;
}

/** The other digest language: what a summary or note is most likely written in when asked to translate. */
const otherLanguage = (language: DigestLanguage) => (language === 'zh' ? 'en' : 'zh');

/**
 * A draft from the browser's own models. A summary or key points in a language the summarizer cannot
 * write is made in English and translated; a translation detects its source language first.
 */
export async function draftOnDevice(apis: OnDeviceApis, request: DraftRequest): Promise<DraftResult> {
  const { task, language, material, signal, shape } = request;
  if (!hasMaterial(task, material)) throw new ClipInputError('writing.no-material');
  const monitor = (m: Monitor) =>
    m.addEventListener('downloadprogress', (event) => request.onProgress?.(Math.max(0, Math.min(1, event.loaded))));
  const show = (text: string) => request.onText(shapeDraft(text, shape));
  const translate = async (text: string, from: string) => {
    if (!apis.Translator) throw new ClipInputError('writing.device-language', { language });
    const options = { sourceLanguage: from, targetLanguage: language };
    if ((await apis.Translator.availability(options)) === 'unavailable')
      throw new ClipInputError('writing.device-language', { language });
    const translator = await apis.Translator.create({ ...options, monitor, signal });
    try {
      return await translator.translate(text, { signal });
    } finally {
      translator.destroy?.();
    }
  };
  const result = (text: string): DraftResult => ({
    text: shapeDraft(text, shape),
    cut: false,
    stopped: signal?.aborted === true,
    engine: 'device',
  });
  try {
    if (task === 'translate') {
      const text = material.text ?? '';
      let from: string = otherLanguage(language);
      if (apis.LanguageDetector) {
        const detector = await apis.LanguageDetector.create({ signal });
        const [best] = await detector.detect(text);
        detector.destroy?.();
        if (best && best.confidence > 0.5) from = best.detectedLanguage.split('-')[0] ?? from;
      }
      // Already in the digest's language: nothing to do.
      if (from === language) return result(text);
      const out = await translate(text, from);
      show(out);
      return result(out);
    }
    if (!apis.Summarizer) throw new ClipInputError('writing.device-unavailable', { reason: 'Summarizer' });
    const options = summarizerOptions(task, language);
    const availability = await apis.Summarizer.availability(options);
    if (availability === 'unavailable')
      throw new ClipInputError('writing.device-unavailable', { reason: 'Summarizer' });
    const summarizer = await apis.Summarizer.create({ ...options, monitor, signal });
    let text: string;
    try {
      const input = materialText(material);
      const direct = options.outputLanguage === language;
      text = summarizer.summarizeStreaming
        ? await readPieces(summarizer.summarizeStreaming(input, { signal }), direct ? show : () => undefined)
        : await summarizer.summarize(input, { signal });
    } finally {
      summarizer.destroy?.();
    }
    if (options.outputLanguage !== language) text = await translate(text, options.outputLanguage ?? 'en');
    show(text);
    return result(text);
  } catch (error) {
    if (signal?.aborted) return { text: '', cut: false, stopped: true, engine: 'device' };
    throw error;
  }
}
