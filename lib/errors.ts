/**
 * What can go wrong, as codes with parameters. `lib/` never words a message for the editor:
 * the UI looks each code up in its language (`problem.<code>` in lib/i18n/en.ts and zh.ts;
 * tests/unit/errors.test.ts walks every code through both dictionaries).
 */
export const PROBLEM_CODES = [
  // Reading a tab (lib/capture/clippable.ts, lib/browser/tabs.ts).
  'capture.no-address',
  'capture.bad-address',
  'capture.browser-page',
  'capture.store-page',
  'capture.scheme',
  'capture.pdf',
  'capture.crashed',
  'capture.blocked',
  'capture.no-tab',
  'capture.loading',
  'capture.empty',
  'capture.timeout',
  // Saving and editing clips, sections and settings (lib/store/).
  'clip.bad-link',
  'clip.duplicate-link',
  'clip.no-title',
  'clip.gone',
  'clip.not-in-section',
  'clip.group-needs-two',
  'clip.purge-not-trashed',
  'clip.link-too-long',
  'clip.bad-date',
  'clip.too-many-tags',
  'text.too-long',
  'item.empty',
  'item.one-source',
  'item.same',
  'week.published',
  'field.unknown-source',
  'section.no-name',
  'section.same-target',
  'section.target-missing',
  'settings.week-start',
  'settings.time-zone',
  'storage.full',
  'publishers.bad-line',
  // Clipping without the popup (lib/quick-clip.ts).
  'quick.no-sections',
  // Talking to the background (lib/browser/messaging.ts).
  'extension.no-answer',
  // Backup files (lib/store/backup-read.ts): the file as a whole, then one field at a path.
  'backup.not-json',
  'backup.not-backup',
  'backup.wrong-format',
  'backup.bad-version',
  'backup.newer-version',
  'restore.cancelled',
  'field.not-object',
  'field.forbidden-key',
  'field.not-string',
  'field.too-long',
  'field.empty',
  'field.not-timestamp',
  'field.not-web-address',
  'field.not-url',
  'field.not-list',
  'field.too-many',
  'field.not-one-of',
  'field.not-number',
  'field.not-boolean',
  'field.not-date',
  'field.not-order-key',
  'field.not-whole-days',
  'field.duplicate-id',
  'field.unknown-section',
  'field.not-language',
  'field.not-clock',
  'field.not-origin',
  'field.not-learned-rule',
  // Team sync (lib/sync/): a document that is not a record, then the server and the session.
  'field.unknown-field',
  'field.wrong-doc-id',
  'sync.unreachable',
  'sync.not-couchdb',
  'sync.wrong-password',
  'sync.not-member',
  'sync.no-database',
  'sync.signed-out',
  'sync.refused',
  'sync.server-error',
  'sync.bad-address',
  'sync.no-access',
  // Writing help (lib/writing/): the endpoint's answers, then the browser's own model.
  'writing.bad-address',
  'writing.no-model-name',
  'writing.no-access',
  'writing.unreachable',
  'writing.unauthorized',
  'writing.no-model',
  'writing.rate-limited',
  'writing.server-error',
  'writing.bad-answer',
  'writing.timeout',
  'writing.dropped',
  'writing.no-material',
  'writing.device-unavailable',
  'writing.device-language',
  // Templates (lib/digest/template-engine.ts): each also carries {line} and {column}.
  'template.unclosed',
  'template.not-placeholder',
  'template.unknown-field',
  'template.format-not-date',
  'template.bad-date-format',
  // Anything not foreseen: {detail} is the platform's own words.
  'unexpected',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params: ProblemParams;
}

export function problem(code: ProblemCode, params: ProblemParams = {}): Problem {
  return { code, params };
}

/** Input the editor can fix; the UI words it from its code. */
export class ClipInputError extends Error {
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  constructor(code: ProblemCode, params: ProblemParams = {}) {
    // The message is the code, so logs and tests name the problem without a dictionary.
    super(code);
    this.name = 'ClipInputError';
    this.code = code;
    this.params = params;
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  return /quota/i.test(name) || /quota/i.test(inner) || /QuotaExceeded/.test(String(error));
}

/** Any thrown value as a problem the UI can word. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ClipInputError) return { code: error.code, params: error.params };
  if (isQuotaError(error)) return problem('storage.full');
  if (isProblem(error)) return error;
  return problem('unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    // Shape only: checking against PROBLEM_CODES would pull the whole list into the popup's start-up bundle.
    /^([a-z]+\.[a-z-]+|unexpected)$/.test((value as Problem).code) &&
    typeof (value as Problem).params === 'object' &&
    (value as Problem).params !== null
  );
}
