import { CalendarError } from './errors.js';
import { addWorkdays, nthWorkdayOfMonth, workdaysBetween, type WorkCalendar } from './workdays.js';

/**
 * What is overdue and what falls due soon, in working days (`ssj due`). Pure: the calendar, today's date and
 * the state of every plan come in as arguments.
 *
 * Deadlines, each counted in working days with the numbers from the office settings (a plan may override the
 * publication days):
 * - report: reportDays after the check date (顺城 第十七条)
 * - feedback: feedbackDays after the report (or after the report deadline while no report is recorded) (第十八条)
 * - publication: resultDays after the check date (高青 9.1: 20; 冷水滩 第十七条: 7)
 * - monthly list: the monthlyDays-th working day of the month after a month with checks (顺城 第二十一条)
 * - objection review: objectionReviewDays after receipt; answer: objectionAnswerDays after the review (高青 9.2)
 * - opinion: the enterprise's opinion, opinionDays (3) after the written feedback (顺城 第二十条); the deadline is the
 *   enterprise's, listed so the officer records the opinion, or that none came, when it has passed
 * - result missing: a selected enterprise with no recorded result is due by the end of the plan's window
 *
 * A deadline that falls in a year the calendar does not cover yet (in December, next year's arrangement is often
 * not published or not imported) cannot be counted: it is listed apart with the year that is missing, and every
 * other deadline is still computed. One unknown year must not hide the rest of the office's work.
 */
export interface DeadlineSettings {
  reportDays: number;
  feedbackDays: number;
  resultDays: number;
  monthlyDays: number;
  objectionReviewDays: number;
  objectionAnswerDays: number;
  /** 顺城 第二十条: the enterprise's opinion within this many working days of the written feedback (default 3). */
  opinionDays?: number;
}

export interface ResultState {
  checkDate: string;
  reportDate: string | null;
  feedbackDate: string | null;
  publishedAt: string | null;
  /** The enterprise's opinion (or its absence) is recorded (ssj result feedback --opinion…). */
  opinionRecorded?: boolean;
}

export interface PlanState {
  planId: string;
  /** Last day of the plan's check window, when the plan file gives one. */
  windowEnd: string | null;
  /** The plan's own publication.resultDays, overriding the office setting. */
  resultDays: number | null;
  enterprises: { uscc: string; name: string; result: ResultState | null }[];
  objections: {
    id: number;
    uscc: string;
    name: string;
    received: string;
    reviewedAt: string | null;
    answeredAt: string | null;
  }[];
}

export const DUE_KINDS = [
  'result-missing',
  'report',
  'feedback',
  'publication',
  'monthly',
  'objection-review',
  'objection-answer',
  'opinion',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  /** 'overdue' when the deadline is before today; 'due' when it falls between today and the horizon. */
  status: 'overdue' | 'due';
  due: string;
  /** The date the count starts from (check, report, receipt, review, window end, or the checks' month). */
  from: string;
  /** Working days overdue (status overdue) or left (status due; 0 = due today); null when today is not covered. */
  workdays: number | null;
  planId: string | null;
  uscc: string | null;
  name: string | null;
  objectionId: number | null;
  /** For the monthly list: 'YYYY-MM' and how many of that month's results are not published yet. */
  month: string | null;
  pending: number | null;
}

/** A deadline that cannot be counted because its working days run into a year the calendar does not cover. */
export interface UncoveredItem {
  kind: DueKind;
  from: string;
  /** The first year the count needs and the calendar lacks. */
  year: number;
  planId: string | null;
  uscc: string | null;
  name: string | null;
  objectionId: number | null;
  month: string | null;
  pending: number | null;
}

export interface DueReport {
  today: string;
  /**
   * The last day counted as "due soon": `horizonDays` working days after today; null when that runs past the
   * covered years (then every countable deadline from today on is listed as due soon).
   */
  horizon: string | null;
  overdue: DueItem[];
  due: DueItem[];
  /** Deadlines that need a year the calendar lacks, and those years (ascending). */
  uncovered: UncoveredItem[];
  uncoveredYears: number[];
}

type Who = Partial<Pick<DueItem, 'planId' | 'uscc' | 'name' | 'objectionId' | 'month' | 'pending'>>;
type Candidate = Pick<DueItem, 'kind' | 'due' | 'from'> & Who;
/** An open deadline as openDeadlines finds it: its date, or the year that stops it being counted. */
export type OpenDeadline =
  | (Candidate & { uncoveredYear?: undefined })
  | (Omit<Candidate, 'due'> & { due: null; uncoveredYear: number });

/** Run a calendar computation; the year it lacks when the calendar does not cover it (other errors pass). */
export function tryCalendar<T>(f: () => T): { value: T; year?: undefined } | { value?: undefined; year: number } {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof CalendarError && e.code === 'calendar.notCovered') return { year: Number(e.details.year) };
    throw e;
  }
}

/** Every open deadline of the given plans (done ones are not listed). */
export function openDeadlines(cal: WorkCalendar, plans: readonly PlanState[], s: DeadlineSettings): OpenDeadline[] {
  const out: OpenDeadline[] = [];
  /** A deadline counted from `from`; one that needs an uncovered year is kept with that year instead of a date. */
  const push = (c: Omit<Candidate, 'due'>, due: () => string) => {
    const r = tryCalendar(due);
    out.push(r.year === undefined ? { ...c, due: r.value } : { ...c, due: null, uncoveredYear: r.year });
    return r.value ?? null;
  };
  const months = new Map<string, { pending: number; plans: Set<string> }>();
  for (const p of plans) {
    const resultDays = p.resultDays ?? s.resultDays;
    for (const e of p.enterprises) {
      const who = { planId: p.planId, uscc: e.uscc, name: e.name };
      const r = e.result;
      if (!r) {
        if (p.windowEnd) out.push({ kind: 'result-missing', from: p.windowEnd, due: p.windowEnd, ...who });
        continue;
      }
      const reportDue = tryCalendar(() => addWorkdays(cal, r.checkDate, s.reportDays));
      if (!r.reportDate)
        push({ kind: 'report', from: r.checkDate, ...who }, () => addWorkdays(cal, r.checkDate, s.reportDays));
      if (!r.feedbackDate) {
        // Without a report date the feedback counts from the report's deadline, which may itself be uncountable.
        const from = r.reportDate ?? reportDue.value ?? r.checkDate;
        push({ kind: 'feedback', from, ...who }, () => {
          if (!r.reportDate) addWorkdays(cal, r.checkDate, s.reportDays);
          return addWorkdays(cal, from, s.feedbackDays);
        });
      }
      const feedbackDate = r.feedbackDate;
      if (feedbackDate && !r.opinionRecorded)
        push({ kind: 'opinion', from: feedbackDate, ...who }, () => addWorkdays(cal, feedbackDate, s.opinionDays ?? 3));
      if (!r.publishedAt)
        push({ kind: 'publication', from: r.checkDate, ...who }, () => addWorkdays(cal, r.checkDate, resultDays));
      const month = r.checkDate.slice(0, 7);
      const m = months.get(month) ?? { pending: 0, plans: new Set() };
      if (!r.publishedAt) m.pending++;
      m.plans.add(p.planId);
      months.set(month, m);
    }
    for (const o of p.objections) {
      const who = { planId: p.planId, uscc: o.uscc, name: o.name, objectionId: o.id };
      const reviewedAt = o.reviewedAt;
      if (!reviewedAt)
        push({ kind: 'objection-review', from: o.received, ...who }, () =>
          addWorkdays(cal, o.received, s.objectionReviewDays),
        );
      else if (!o.answeredAt)
        push({ kind: 'objection-answer', from: reviewedAt, ...who }, () =>
          addWorkdays(cal, reviewedAt, s.objectionAnswerDays),
        );
    }
  }
  for (const [month, m] of months) {
    if (m.pending === 0) continue;
    const [y, mo] = month.split('-').map(Number) as [number, number];
    const next = mo === 12 ? [y + 1, 1] : [y, mo + 1];
    push(
      {
        kind: 'monthly',
        from: `${month}-01`,
        month,
        pending: m.pending,
        planId: m.plans.size === 1 ? [...m.plans][0]! : null,
      },
      () => nthWorkdayOfMonth(cal, next[0]!, next[1]!, s.monthlyDays),
    );
  }
  return out;
}

/** Split open deadlines into overdue and due within `horizonDays` working days of today; later ones are left out. */
export function dueReport(
  cal: WorkCalendar,
  today: string,
  plans: readonly PlanState[],
  s: DeadlineSettings,
  horizonDays = 5,
): DueReport {
  const horizon = tryCalendar(() => addWorkdays(cal, today, horizonDays)).value ?? null;
  const overdue: DueItem[] = [];
  const due: DueItem[] = [];
  const uncovered: UncoveredItem[] = [];
  for (const c of openDeadlines(cal, plans, s)) {
    const none = { planId: null, uscc: null, name: null, objectionId: null, month: null, pending: null };
    if (c.due === null) {
      const { uncoveredYear, due: _, ...rest } = c;
      uncovered.push({ ...none, ...rest, year: uncoveredYear });
      continue;
    }
    const base = { ...none, ...c };
    // When today itself lies in an uncovered year, an overdue item's lateness cannot be counted in working days.
    const late = (a: string, b: string) => tryCalendar(() => workdaysBetween(cal, a, b)).value ?? null;
    if (c.due < today) overdue.push({ ...base, status: 'overdue', workdays: late(c.due, today) });
    else if (horizon === null || c.due <= horizon) due.push({ ...base, status: 'due', workdays: late(today, c.due) });
  }
  const uncoveredYears = [...new Set(uncovered.map((u) => u.year))].sort((a, b) => a - b);
  return {
    today,
    horizon,
    overdue: overdue.sort(byDue),
    due: due.sort(byDue),
    uncovered: uncovered.sort(byDue),
    uncoveredYears,
  };
}

/** Code-point order, not locale order: the same list on every machine. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byDue(a: Omit<DueItem, 'due' | 'status' | 'workdays'> & { due?: string }, b: typeof a): number {
  return (
    cmp(a.due ?? '', b.due ?? '') ||
    DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind) ||
    cmp(a.planId ?? '', b.planId ?? '') ||
    cmp(a.uscc ?? '', b.uscc ?? '') ||
    (a.objectionId ?? 0) - (b.objectionId ?? 0) ||
    cmp(a.from, b.from)
  );
}
