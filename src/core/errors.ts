/**
 * Core's own errors: the protocol and the calendar report failures with a stable code and details, and know
 * nothing of exit codes or messages. src/app/errors.ts maps them to user errors (SsjError).
 */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown>,
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = new.target.name;
  }
}

/** A problem SSJ-1/SSJ-2 itself reports: infeasible teams, events that cannot apply. */
export class ProtocolError extends CoreError {}

/** A date the working-day calendar cannot answer for: not a real date, or outside the covered years. */
export class CalendarError extends CoreError {}
