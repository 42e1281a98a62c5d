/**
 * Typed errors with stable codes. Every failure a user can cause is an SsjError;
 * the CLI's single top-level handler turns it into a message (src/i18n) and an exit code.
 */

/** Exit codes, as documented in DESIGN.md and the README. */
export const Exit = {
  ok: 0,
  verifyFailed: 1,
  usage: 2,
  invalidInput: 3,
  notFound: 4,
  refused: 5,
  internal: 70,
  cancelled: 130,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export type ErrorKind = 'verifyFailed' | 'usage' | 'invalidInput' | 'notFound' | 'refused' | 'internal' | 'cancelled';

export type Details = Record<string, unknown>;

export class SsjError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Details;

  constructor(kind: ErrorKind, code: string, details: Details = {}, cause?: unknown) {
    super(`${code} ${JSON.stringify(details)}`, cause === undefined ? undefined : { cause });
    this.name = 'SsjError';
    this.code = code;
    this.kind = kind;
    this.details = details;
  }

  get exitCode(): ExitCode {
    return Exit[this.kind];
  }
}

export const usageError = (code: string, details?: Details) => new SsjError('usage', code, details);
export const inputError = (code: string, details?: Details) => new SsjError('invalidInput', code, details);
export const notFound = (code: string, details?: Details) => new SsjError('notFound', code, details);
export const refused = (code: string, details?: Details) => new SsjError('refused', code, details);
export const verifyFailed = (code: string, details?: Details) => new SsjError('verifyFailed', code, details);
