import { CalendarError } from './errors.js';
import { beijingDateTime, parseIsoDate } from '../domain/dates.js';

/**
 * Chinese working days (DESIGN.md "Working days"). Pure: the calendar comes in as an argument, built elsewhere
 * (src/db/calendar.ts) from the official holiday data and the office's own additions.
 *
 * A day is a working day when it is an official make-up workday (调休上班, often a Saturday or Sunday),
 * or a Monday to Friday that is not an official holiday. Outside the covered years nobody knows the
 * arrangement yet, so every function refuses such a date rather than guessing Monday to Friday.
 *
 * Dates are 'YYYY-MM-DD' strings; arithmetic uses UTC Date objects built from explicit parts, never the clock.
 */
export interface WorkCalendar {
  /** First and last year (inclusive) whose official arrangement is known. */
  coveredYears: readonly [number, number];
  /** Official (or office-added) days off that would otherwise be working days. */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休) that would otherwise be weekend days. */
  workdays: ReadonlySet<string>;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
}

/** A holiday or make-up workday the office added (`ssj calendar import`), stored in calendar_days. */
export interface OfficeDay extends CalendarDay {
  name: string;
}

const DAY_MS = 86_400_000;

function formatUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function mustParse(date: string): number {
  const t = parseIsoDate(date);
  if (t === undefined) throw new CalendarError('error.badDate', { field: 'date', value: date });
  return t;
}

/** The calendar date in China (Asia/Shanghai, UTC+8 all year, no summer time) at an ISO instant. */
export function dateInShanghai(isoTime: string): string {
  const b = beijingDateTime(isoTime);
  if (b === undefined) throw new CalendarError('error.badNow', { value: isoTime });
  return b.date;
}

/** The day after (n = 1) or before (n = -1) a date, by calendar days. */
export function addDays(date: string, n: number): string {
  return formatUtc(mustParse(date) + n * DAY_MS);
}

function assertCovered(cal: WorkCalendar, date: string): void {
  const year = Number(date.slice(0, 4));
  const [from, to] = cal.coveredYears;
  if (year < from || year > to) throw new CalendarError('calendar.notCovered', { date, year, from, to });
}

export function isWorkday(cal: WorkCalendar, date: string): boolean {
  const t = mustParse(date);
  assertCovered(cal, date);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(t).getUTCDay(); // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

/**
 * The n-th working day after `date` (the day itself not counted): the deadline of "within n working days
 * after". n = 0 gives `date` itself. Negative n counts backwards.
 */
export function addWorkdays(cal: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new CalendarError('calendar.badCount', { value: n });
  let d = date;
  mustParse(d);
  assertCovered(cal, d);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkday(cal, d)) left--;
  }
  return d;
}

/** The n-th working day (from 1) of a month: the end of "the first n working days of the month". */
export function nthWorkdayOfMonth(cal: WorkCalendar, year: number, month: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new CalendarError('calendar.badCount', { value: n });
  const first = formatUtc(Date.UTC(year, month - 1, 1));
  return isWorkday(cal, first) ? addWorkdays(cal, first, n - 1) : addWorkdays(cal, first, n);
}

/**
 * Working days in (from, to]: how many working days `to` lies after `from`. Negative when `to` is earlier,
 * so workdaysBetween(due, today) > 0 means "overdue by that many working days".
 */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const a = mustParse(from);
  const b = mustParse(to);
  if (a > b) return -workdaysBetween(cal, to, from);
  assertCovered(cal, from);
  let count = 0;
  for (let t = a + DAY_MS; t <= b; t += DAY_MS) if (isWorkday(cal, formatUtc(t))) count++;
  return count;
}

/**
 * Add the office's own days to a base calendar. Office entries win over the official data for the same date
 * (a local arrangement), and a year after the base coverage becomes covered once the office lists at least one
 * holiday in it (the official arrangement of a year always has some), year by year without gaps.
 */
export function withOfficeDays(base: WorkCalendar, days: readonly CalendarDay[]): WorkCalendar {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  const holidayYears = new Set<number>();
  for (const d of days) {
    mustParse(d.date);
    (d.kind === 'holiday' ? holidays : workdays).add(d.date);
    (d.kind === 'holiday' ? workdays : holidays).delete(d.date);
    if (d.kind === 'holiday') holidayYears.add(Number(d.date.slice(0, 4)));
  }
  let [from, to] = base.coveredYears;
  while (holidayYears.has(to + 1)) to++;
  while (holidayYears.has(from - 1)) from--;
  return { coveredYears: [from, to], holidays, workdays };
}
