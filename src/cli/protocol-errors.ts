import { ProtocolError } from '../core/state.js';
import { SsjError, type ErrorKind } from '../errors.js';

/** How each protocol failure surfaces: a missing enterprise or inspector is "not found", the rest are refusals. */
const KIND: Record<string, ErrorKind> = {
  'event.notSelected': 'notFound',
  'event.notOnTeam': 'notFound',
  'draw.unknownStratum': 'invalidInput',
};

export function fromProtocol(e: unknown): unknown {
  if (e instanceof ProtocolError) return new SsjError(KIND[e.code] ?? 'refused', e.code, e.details, e);
  return e;
}

/** Run protocol code, turning its errors into user-facing ones. */
export function protocol<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw fromProtocol(e);
  }
}
