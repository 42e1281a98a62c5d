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

/** Dates as Excel and people write them: 2024-01-05, 2024/1/5, 2024-1-5, 2024.1.5, 2024年1月5日, with an optional midnight time. */
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+0{1,2}:00(?::00)?)?$/;

export function normaliseDate(v: string): string | undefined {
  const m = DATE.exec(v.normalize('NFKC').trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * A date the user typed (an option such as --date, --received, --today), in any form normaliseDate accepts, as
 * YYYY-MM-DD; `field` names the option in the error message. The same parser reads dates in files, so
 * `result record --date 2024年3月1日` and a results file with 2024年3月1日 mean the same day.
 */
export function requireIsoDate(value: string, field: string): string {
  const iso = normaliseDate(value);
  if (iso === undefined) throw new DomainError('error.badDate', { field, value });
  return iso;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000; // China Standard Time, UTC+8 all year (no daylight saving since 1991)

/**
 * The one UTC+8 formatter: the Beijing calendar date and wall-clock time (to the minute) at an ISO instant, or
 * undefined when the text is not a time. China has one time zone, so this is the same on every machine.
 */
export function beijingDateTime(isoTime: string): { date: string; time: string } | undefined {
  const local = beijingIso(isoTime);
  return local === undefined ? undefined : { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** The instant as Beijing wall-clock time in ISO form ("2024-01-10T10:00:00.000Z", the Z meaning nothing here). */
export function beijingIso(isoTime: string): string | undefined {
  const ms = Date.parse(isoTime);
  return Number.isNaN(ms) ? undefined : new Date(ms + BEIJING_OFFSET_MS).toISOString();
}
