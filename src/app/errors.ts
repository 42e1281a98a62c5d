import { CalendarError, CoreError } from '../core/errors.js';
import { DomainError } from '../domain/problem.js';
import { SsjError, type ErrorKind } from '../errors.js';

/**
 * How the pure layers' failures surface to the user. A missing enterprise or inspector is "not found", a bad value
 * is invalid input, a date outside the calendar and every other protocol failure are refusals.
 */
const KIND: Record<string, ErrorKind> = {
  'event.notSelected': 'notFound',
  'event.notOnTeam': 'notFound',
  'draw.unknownStratum': 'invalidInput',
  'error.badDate': 'invalidInput',
  'error.badNow': 'invalidInput',
  'calendar.badCount': 'invalidInput',
  'calendar.notCovered': 'refused',
};

/** A core or domain error as the user-facing SsjError (same code and details); anything else unchanged. */
export function toUserError(e: unknown): unknown {
  if (e instanceof DomainError) return new SsjError(KIND[e.code] ?? 'invalidInput', e.code, e.details, e);
  if (e instanceof CoreError)
    return new SsjError(
      KIND[e.code] ?? (e instanceof CalendarError ? 'invalidInput' : 'refused'),
      e.code,
      e.details,
      e,
    );
  return e;
}

/** Run core or domain code, turning its errors into user-facing ones. */
export function protocol<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toUserError(e);
  }
}

/** The error's code when it carries one (SsjError, CoreError, DomainError). */
export function errorCode(e: unknown): string | undefined {
  return e instanceof SsjError || e instanceof CoreError || e instanceof DomainError ? e.code : undefined;
}
