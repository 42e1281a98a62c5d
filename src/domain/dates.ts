import { DomainError } from './problem.js';

/**
 * Dates as people type them, one parser for every place a date comes in: options (--date, --received, --today),
 * result and holiday files, rosters. Pure: "today" is never read here.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a 'YYYY-MM-DD' string into a UTC midnight time, or undefined when it is not a real date. */
export function parseIsoDate(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s ? t : undefined;
}

export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && parseIsoDate(s) !== undefined;

/** Check a date the user typed; `field` names the option or column in the error message. */
/** A date as typed: YYYY-MM-DD, or 2024/3/1, 2024-3-1 and 2024.3.1 (as Chinese offices write them), normalised. */
export function requireIsoDate(value: string, field: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.normalize('NFKC').trim());
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
  if (!isIsoDate(iso)) throw new DomainError('error.badDate', { field, value });
  return iso;
}
