import type { Problem } from './problem.js';

/**
 * Dates of the work after a draw (issue 13 part 8): a check, its report, the feedback to the enterprise, the
 * enterprise's opinion and card, a correction's signature. Each happened after the plan was drawn (nobody checks
 * an enterprise before it is chosen) and not after today. A typo such as 1900-01-01 or 2099-01-01 was accepted
 * before, and then every deadline of that row fell in a year the calendar does not cover.
 *
 * Pure: the draw's date and today (both Beijing dates, YYYY-MM-DD) are arguments.
 */
export type ResultDateField = 'check' | 'report' | 'feedback' | 'opinion' | 'card' | 'approved';

export interface ResultDateBounds {
  /** Beijing date of the plan's active draw. */
  drawn: string;
  /** Beijing date of the command. */
  today: string;
}

/** Problem codes: result.dateBeforeDraw, result.dateAfterToday (src/i18n/messages/hygiene.ts). */
export function resultDateProblem(field: ResultDateField, date: string, b: ResultDateBounds): Problem | undefined {
  if (date < b.drawn) return { code: 'result.dateBeforeDraw', params: { field, date, drawn: b.drawn } };
  if (date > b.today) return { code: 'result.dateAfterToday', params: { field, date, today: b.today } };
  return undefined;
}

/** The years ssj works in (a plan's year is refused outside them too: domain/plan.ts). A calendar day outside is a typo. */
export const WORK_YEARS = { from: 2000, to: 2200 } as const;

export const inWorkYears = (isoDate: string): boolean => {
  const y = Number(isoDate.slice(0, 4));
  return y >= WORK_YEARS.from && y <= WORK_YEARS.to;
};
