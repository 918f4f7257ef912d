import type { ProblemCode } from '../errors';

export type ProblemMessages = { [K in ProblemCode as `problem.${K}`]: string };

/** A language's problem texts under their dictionary keys (`problem.<code>`). */
export function problemMessages(texts: Record<ProblemCode, string>): ProblemMessages {
  return Object.fromEntries(Object.entries(texts).map(([code, text]) => [`problem.${code}`, text])) as ProblemMessages;
}
