import type { Problem } from './errors';
import type { LearnedField, PageCapture, Source, TeamStatus } from './types';

/**
 * The one message protocol between the popup, the background and the injected clipper.
 * Each request type maps to its payload and its answer; `parseRequest` is the only way a
 * message from outside becomes a typed request.
 */

/** `wechat`: the HTML the 公众号 editor takes (inline styles, links as numbered markers). */
export type ExportFormat = 'markdown' | 'html' | 'wechat';

export type CaptureFailureReason = 'no-tab' | 'restricted' | 'loading' | 'injection-failed' | 'timeout';

export type CaptureResult =
  | {
      ok: true;
      capture: PageCapture;
      /**
       * Set when this page is already a source: the form shows the stored fields (with the
       * editor's corrections), and where the page is cited.
       */
      /** Each item citing the page: where, and what the editor wrote there (the form shows it, so a save never replaces it unseen). */
      alreadyClipped?: {
        source: Source;
        uses: { weekId: string; sectionId: string; summary?: string; tags?: string[]; issue?: string }[];
      };
    }
  | {
      ok: false;
      reason: CaptureFailureReason;
      /** What went wrong, for the UI to word in its language. */
      problem: Problem;
      /** What the browser still knows of the tab, to prefill manual entry. */
      tab?: { title: string; url: string };
    };

/** One tab of a batch clip, saved (with where it went) or not (and why). */
export type TabClipResult = { ok: true; title: string; sectionName: string } | { ok: false; problem: Problem };

export interface Protocol {
  captureTab: { request: { tabId: number }; response: CaptureResult };
  clipTab: { request: { tabId: number; sectionId: string }; response: TabClipResult };
  exportWeek: { request: { weekId: string; format: ExportFormat }; response: { filename: string } };
  /** Signs in to a team database and starts syncing (the password goes to the server once, never kept). */
  teamConnect: { request: { url: string; db: string; user: string; password: string }; response: TeamStatus };
  /** Stops syncing and signs out; local data stays, nothing is deleted on the server. */
  teamDisconnect: { request: { full?: never }; response: TeamStatus };
  /** A sync round now (after a restore or a settings change: `full` looks at every record). */
  teamSyncNow: { request: { full: boolean }; response: TeamStatus };
  /** The editor corrected these fields of the page in the tab: learn where they are on its site (lib/capture/learned.ts). */
  learnCorrections: {
    request: { tabId: number; pageUrl: string; corrections: { field: LearnedField; value: string }[] };
    response: LearnedField[];
  };
}

/** The port a week page (popup, side panel) holds open while team sync should be live (lib/browser/team-sync.ts). */
export const LIVE_PORT = 'team-live';

export type RequestType = keyof Protocol;
export type RequestOf<K extends RequestType> = { type: K } & Protocol[K]['request'];
export type AnyRequest = { [K in RequestType]: RequestOf<K> }[RequestType];

/** Every answer is wrapped so a thrown error reaches the caller as a message, not a hang. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export type Handlers = { [K in RequestType]: (request: RequestOf<K>) => Promise<Protocol[K]['response']> };
