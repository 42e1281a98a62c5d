/**
 * What the pure layers (core, domain) report when input breaks a rule. They cannot import src/errors.ts (the
 * user-facing error with exit codes): app and cli map these to SsjError (src/app/errors.ts).
 */

/** One problem: a stable message code (src/i18n) and the values its text needs. */
export interface Problem {
  code: string;
  params: Record<string, unknown>;
}

/**
 * One invalid cell or row of a file (a roster, a results file, a holidays file): the line, the header as written
 * in the file ('' for a whole-row problem), the cell's value when the report shows it, and the Problem.
 */
export interface RowProblem extends Problem {
  line: number;
  field: string;
  value?: string;
}

/** A value that breaks a domain rule (an unknown outcome, a date that does not exist): invalid input to the user. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'DomainError';
  }
}
