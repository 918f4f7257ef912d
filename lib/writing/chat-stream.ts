import { ClipInputError } from '../errors';
import type { ChatMessage } from './prompts';

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ChatCall {
  fetch: Fetch;
  /** The API root (lib/writing/settings.ts `endpointOf`). */
  root: string;
  model: string;
  apiKey?: string;
  messages: ChatMessage[];
  /** The editor's Stop. */
  signal?: AbortSignal;
  /** The longest wait for the answer to start, and then between two pieces of it. */
  timeoutMs?: number;
  /** Reading stops here (a 2 MB answer to a one-line question is not read to its end). */
  maxChars: number;
  /** The answer so far, each time a piece arrives. */
  onText?: (text: string) => void;
}

export interface ChatAnswer {
  text: string;
  /** The answer was longer than `maxChars` and was cut there. */
  cut: boolean;
  /** The editor pressed Stop: `text` is what came before. */
  stopped: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Seconds to wait from a `Retry-After` header (seconds, or an HTTP date); 0 when it says nothing usable. */
export function retryAfterSeconds(header: string | null, now: number): number {
  if (!header) return 0;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The server's own words from an error body (`{"error":{"message":…}}`), short; else empty. */
async function serverReason(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message ?? '');
    return String(message).replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200);
  }
}

/** An answer that is not a success, as a problem the editor can act on. */
async function failure(response: Response, model: string): Promise<ClipInputError> {
  const reason = await serverReason(response);
  if (response.status === 401 || response.status === 403)
    return new ClipInputError('writing.unauthorized', { status: response.status });
  if (response.status === 404) return new ClipInputError('writing.no-model', { model });
  if (response.status === 429)
    return new ClipInputError('writing.rate-limited', {
      seconds: retryAfterSeconds(response.headers.get('retry-after'), Date.now()) || 60,
    });
  return new ClipInputError('writing.server-error', { status: response.status, reason: reason || '—' });
}

/** One server-sent event's data as the text it adds; a stream error as a problem. */
function deltaOf(data: string): string {
  let event: { choices?: { delta?: { content?: unknown }; message?: { content?: unknown } }[]; error?: unknown };
  try {
    event = JSON.parse(data);
  } catch {
    throw new ClipInputError('writing.bad-answer');
  }
  if (event.error) {
    const reason = typeof event.error === 'string' ? event.error : (event.error as { message?: unknown }).message;
    throw new ClipInputError('writing.server-error', { status: 200, reason: String(reason ?? '—').slice(0, 200) });
  }
  const choice = event.choices?.[0];
  const content = choice?.delta?.content ?? choice?.message?.content;
  return typeof content === 'string' ? content : '';
}

/**
 * Asks an OpenAI-compatible chat-completions endpoint for a streamed answer and reads it as server-sent
 * events, handing the text so far to `onText`. Every way it can fail is a problem code: the key refused
 * (401/403), the model unknown (404), too many requests (429, with the wait), the server's own error, no
 * answer in time, the connection lost, not an answer at all.
 */
export async function streamChat(call: ChatCall): Promise<ChatAnswer> {
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The clock restarts with every piece: a slow but steady answer is not cut off.
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
  };
  const stop = () => abort.abort();
  if (call.signal?.aborted) return { text: '', cut: false, stopped: true };
  call.signal?.addEventListener('abort', stop);
  let text = '';
  // The server answered: a failure after this is a broken connection, not an unreachable server.
  let answered = false;
  const outcome = (cut: boolean): ChatAnswer => ({ text, cut, stopped: call.signal?.aborted === true });
  try {
    arm();
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (call.apiKey) headers.authorization = `Bearer ${call.apiKey}`;
    const response = await call.fetch(`${call.root}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: call.model, messages: call.messages, stream: true, temperature: 0.2 }),
      signal: abort.signal,
      // The key goes to this endpoint only; no cookie of the browser's goes with it.
      credentials: 'omit',
    });
    answered = true;
    if (!response.ok) throw await failure(response, call.model);
    const type = response.headers.get('content-type') ?? '';
    // A server that ignores `stream` answers in one piece.
    if (!type.includes('text/event-stream')) {
      const body = await response.text();
      text = deltaOf(body).slice(0, call.maxChars);
      call.onText?.(text);
      return outcome(text.length >= call.maxChars);
    }
    if (!response.body) throw new ClipInputError('writing.bad-answer');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      pending += value;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') {
          call.onText?.(text);
          void reader.cancel().catch(() => undefined);
          return outcome(false);
        }
        text += deltaOf(data);
        if (text.length >= call.maxChars) {
          text = text.slice(0, call.maxChars);
          call.onText?.(text);
          void reader.cancel().catch(() => undefined);
          return outcome(true);
        }
      }
      call.onText?.(text);
    }
    // Closed without `[DONE]`: some servers end so; what arrived is the answer.
    if (!text) throw new ClipInputError('writing.bad-answer');
    return outcome(false);
  } catch (error) {
    if (call.signal?.aborted) return outcome(false);
    if (timedOut)
      throw new ClipInputError('writing.timeout', { seconds: Math.round(timeoutMs / 1000), got: text.length });
    if (error instanceof ClipInputError) throw error;
    // fetch's own failures: the server is not there, or the connection broke mid-answer.
    throw new ClipInputError(answered ? 'writing.dropped' : 'writing.unreachable', {
      url: call.root,
      got: text.length,
    });
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', stop);
  }
}
