import { problemOf } from './errors';
import type { AnyRequest, Envelope, Handlers } from './messages';
import type { LearnedField } from './types';

/**
 * The background's side of the protocol (lib/messages.ts): every message checked against the shapes it
 * knows before a handler sees it, and each handler's outcome wrapped. Kept apart from the protocol's types
 * so the popup's start-up script, which only sends, does not carry it.
 */

const WEEK_ID = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A typed request, or undefined for anything that is not exactly one of ours. */
export function parseRequest(message: unknown): AnyRequest | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'captureTab':
      return Number.isInteger(message.tabId) && (message.tabId as number) >= 0
        ? { type: 'captureTab', tabId: message.tabId as number }
        : undefined;
    case 'clipTab':
      return Number.isInteger(message.tabId) &&
        (message.tabId as number) >= 0 &&
        typeof message.sectionId === 'string' &&
        message.sectionId.length > 0 &&
        message.sectionId.length <= 100
        ? { type: 'clipTab', tabId: message.tabId as number, sectionId: message.sectionId }
        : undefined;
    case 'exportWeek':
      return typeof message.weekId === 'string' &&
        WEEK_ID.test(message.weekId) &&
        (message.format === 'markdown' || message.format === 'html' || message.format === 'wechat')
        ? { type: 'exportWeek', weekId: message.weekId, format: message.format }
        : undefined;
    case 'teamConnect': {
      const fields = [message.url, message.db, message.user, message.password];
      return fields.every((f) => typeof f === 'string' && f.length <= 2_000)
        ? {
            type: 'teamConnect',
            url: message.url as string,
            db: message.db as string,
            user: message.user as string,
            password: message.password as string,
          }
        : undefined;
    }
    case 'teamDisconnect':
      return { type: 'teamDisconnect' };
    case 'teamSyncNow':
      return { type: 'teamSyncNow', full: message.full === true };
    case 'learnCorrections': {
      const list = Array.isArray(message.corrections) ? (message.corrections as Record<string, unknown>[]) : [];
      const ok = (c: Record<string, unknown>) =>
        isRecord(c) &&
        /^(title|source|author|publishedAt)$/.test(String(c.field)) &&
        typeof c.value === 'string' &&
        c.value.length <= 500;
      return Number.isInteger(message.tabId) &&
        Array.isArray(message.corrections) &&
        typeof message.pageUrl === 'string' &&
        message.pageUrl.length <= 8_000 &&
        list.length <= 4 &&
        list.every(ok)
        ? {
            type: 'learnCorrections',
            tabId: message.tabId as number,
            pageUrl: message.pageUrl,
            corrections: list.map((c) => ({ field: c.field as LearnedField, value: c.value as string })),
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Runs the handler for a parsed request and wraps its outcome. */
export async function dispatch(handlers: Handlers, request: AnyRequest): Promise<Envelope<unknown>> {
  try {
    const handler = handlers[request.type] as (r: AnyRequest) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
