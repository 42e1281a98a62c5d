import { checkArrangement, FESTIVAL_ZH, type ArrangementProblem } from '../core/arrangement.js';
import type { CalendarDay, WorkCalendar } from '../core/workdays.js';
import { officialCalendar, officialVersion, statutoryDays } from '../io/calendar.js';

/**
 * The calendar at the year end (issue 18): a year the bundled data does not cover is taken from a file only when
 * the file holds that year's whole official arrangement, and the office is told when the bundled data is older
 * than the current year.
 */

/** Problems of every year in `days` that the bundled official data does not cover (covered years are local additions). */
export function arrangementProblems(days: readonly CalendarDay[]): ArrangementProblem[] {
  const [from, to] = officialCalendar().coveredYears;
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].filter((y) => y < from || y > to).sort();
  return years.flatMap((y) => checkArrangement(y, days, statutoryDays(y)));
}

/** Message parameters of one problem (the festival in Chinese in both languages: it is the notice's word). */
export function problemParams(p: ArrangementProblem): Record<string, unknown> {
  return p.kind === 'statutory-missing' ? { ...p, festival: FESTIVAL_ZH[p.festival], dates: p.dates.join('、') } : p;
}

/**
 * When the current year lies after the bundled data and the office has not imported it either: what to say
 * (calendar.packageOld). Null when the calendar in use covers the current year.
 */
export function packageDataNotice(
  cal: WorkCalendar,
  today: string,
): { version: string; to: number; year: number } | null {
  const year = Number(today.slice(0, 4));
  const to = officialCalendar().coveredYears[1];
  if (year <= to || year <= cal.coveredYears[1]) return null;
  return { version: officialVersion(), to, year };
}
