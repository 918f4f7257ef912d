import { describe, expect, it } from 'vitest';
import {
  type Availability,
  deviceAvailability,
  draftOnDevice,
  type OnDeviceApis,
  type SummarizerOptions,
} from '../../../lib/browser/on-device-ai';
import type { DraftRequest } from '../../../lib/writing/draft';

/**
 * The contract of lib/browser/on-device-ai.ts with Chrome's built-in AI (Summarizer, Translator,
 * LanguageDetector), run against a stand-in with the documented shape: headless Chromium has no model.
 * The stand-in records what it was asked, so the test holds the module to the documented use:
 * availability() with the same options as create(), download progress through `monitor`, streaming
 * pieces, a language the summarizer cannot write made in English and translated.
 */
function standIn(state: { summarizer?: Availability; translator?: Availability; pieces?: string[] } = {}) {
  const log: string[] = [];
  const availabilityOptions: SummarizerOptions[] = [];
  const createOptions: SummarizerOptions[] = [];
  const apis: OnDeviceApis = {
    Summarizer: {
      availability: async (options) => {
        availabilityOptions.push(options);
        // The documented three languages only.
        if (!['en', 'es', 'ja'].includes(options.outputLanguage ?? 'en')) return 'unavailable';
        return state.summarizer ?? 'available';
      },
      create: async ({ monitor, signal, ...options }) => {
        createOptions.push(options);
        if (state.summarizer === 'downloadable') {
          const listeners: ((e: { loaded: number }) => void)[] = [];
          monitor?.({ addEventListener: (_type, listener) => listeners.push(listener) });
          for (const loaded of [0, 0.5, 1]) for (const l of listeners) l({ loaded });
        }
        return {
          summarize: async (text) => `summary of ${text.length}`,
          summarizeStreaming: (_text, { signal: streamSignal } = {}) =>
            new ReadableStream<string>({
              async start(controller) {
                for (const piece of state.pieces ?? ['Layoffs ', 'hit ', '1,300.']) {
                  if (streamSignal?.aborted || signal?.aborted) break;
                  controller.enqueue(piece);
                  await new Promise((r) => setTimeout(r, 5));
                }
                controller.close();
              },
            }),
          destroy: () => log.push('summarizer destroyed'),
        };
      },
    },
    Translator: {
      availability: async ({ sourceLanguage, targetLanguage }) => {
        log.push(`translator? ${sourceLanguage}->${targetLanguage}`);
        return state.translator ?? 'available';
      },
      create: async ({ sourceLanguage, targetLanguage }) => ({
        translate: async (text) => `[${sourceLanguage}->${targetLanguage}] ${text}`,
        destroy: () => log.push('translator destroyed'),
      }),
    },
    LanguageDetector: {
      create: async () => ({
        detect: async (text) => [{ detectedLanguage: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en', confidence: 0.9 }],
      }),
    },
  };
  return { apis, log, availabilityOptions, createOptions };
}

const request = (extra: Partial<DraftRequest>): DraftRequest => ({
  task: 'summary',
  language: 'en',
  shape: 'line',
  material: { title: 'State Department lays off 1,300', quotes: ['The cuts began on Friday.'] },
  onText: () => undefined,
  ...extra,
});

describe('the on-device writing help (contract, with a stand-in for Chrome’s built-in AI)', () => {
  it('asks availability() with the same options it creates with, and streams the summary', async () => {
    const { apis, availabilityOptions, createOptions, log } = standIn();
    const shown: string[] = [];
    const result = await draftOnDevice(apis, request({ onText: (t) => shown.push(t) }));
    expect(result).toEqual({ text: 'Layoffs hit 1,300.', cut: false, stopped: false, engine: 'device' });
    expect(shown).toEqual(['Layoffs', 'Layoffs hit', 'Layoffs hit 1,300.', 'Layoffs hit 1,300.']);
    expect(availabilityOptions).toEqual(createOptions);
    expect(createOptions[0]).toMatchObject({
      type: 'tldr',
      format: 'plain-text',
      length: 'short',
      outputLanguage: 'en',
    });
    expect(log).toContain('summarizer destroyed');
  });

  it('summarizes in English and translates for a Chinese digest (the summarizer writes no Chinese)', async () => {
    const { apis, createOptions } = standIn();
    const result = await draftOnDevice(apis, request({ language: 'zh' }));
    expect(createOptions[0]?.outputLanguage).toBe('en');
    expect(result.text).toBe('[en->zh] Layoffs hit 1,300.');
    expect(await deviceAvailability(apis, 'zh')).toBe('available');
  });

  it('reports the one-time model download as it goes', async () => {
    const { apis } = standIn({ summarizer: 'downloadable' });
    const progress: number[] = [];
    await draftOnDevice(apis, request({ onProgress: (f) => progress.push(f) }));
    expect(progress).toEqual([0, 0.5, 1]);
    expect(await deviceAvailability(apis, 'en')).toBe('downloadable');
  });

  it('makes key points as a Markdown list', async () => {
    const { apis, createOptions } = standIn({ pieces: ['- one\n', '- two'] });
    const result = await draftOnDevice(apis, request({ task: 'keyPoints', shape: 'markdown' }));
    expect(createOptions[0]).toMatchObject({ type: 'key-points', format: 'markdown' });
    expect(result.text).toBe('- one\n- two');
  });

  it('translates from the language it detects, and leaves text already in the digest’s language', async () => {
    const { apis, log } = standIn();
    const toEnglish = await draftOnDevice(apis, request({ task: 'translate', material: { text: '美国国务院裁员。' } }));
    expect(toEnglish.text).toBe('[zh->en] 美国国务院裁员。');
    const same = await draftOnDevice(apis, request({ task: 'translate', material: { text: 'Already English.' } }));
    expect(same.text).toBe('Already English.');
    expect(log.filter((l) => l.startsWith('translator?'))).toEqual(['translator? zh->en']);
  });

  it('says plainly when this computer cannot run it (no API, as in Firefox; or no model)', async () => {
    await expect(draftOnDevice({}, request({}))).rejects.toThrow('writing.device-unavailable');
    expect(await deviceAvailability({}, 'en')).toBe('unavailable');
    const { apis } = standIn({ summarizer: 'unavailable' });
    await expect(draftOnDevice(apis, request({}))).rejects.toThrow('writing.device-unavailable');
    const noChinese = standIn({ translator: 'unavailable' });
    await expect(draftOnDevice(noChinese.apis, request({ language: 'zh' }))).rejects.toThrow('writing.device-language');
  });

  it('stops when the editor presses Stop', async () => {
    const { apis } = standIn({ pieces: ['a ', 'b ', 'c ', 'd'] });
    const stop = new AbortController();
    const result = await draftOnDevice(
      apis,
      request({ signal: stop.signal, onText: (t) => (t.startsWith('a b') ? stop.abort() : undefined) }),
    );
    expect(result.stopped).toBe(true);
  });

  it('uses the real APIs when this browser has them (availability() only; the stand-in otherwise)', async () => {
    const real = globalThis as unknown as OnDeviceApis;
    const availability = await deviceAvailability(real, 'en');
    // Node and headless Chromium have none; a Chrome with Gemini Nano says which state it is in.
    expect(['unavailable', 'downloadable', 'downloading', 'available']).toContain(availability);
  });
});
