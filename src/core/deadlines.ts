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
 * - result missing: a selected enterprise with no recorded result is due by the end of the plan's window
 */
export interface DeadlineSettings {
  reportDays: number;
  feedbackDays: number;
  resultDays: number;
  monthlyDays: number;
  objectionReviewDays: number;
  objectionAnswerDays: number;
}

export interface ResultState {
  checkDate: string;
  reportDate: string | null;
  feedbackDate: string | null;
  publishedAt: string | null;
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
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  /** 'overdue' when the deadline is before today; 'due' when it falls between today and the horizon. */
  status: 'overdue' | 'due';
  due: string;
  /** The date the count starts from (check, report, receipt, review, window end, or the checks' month). */
  from: string;
  /** Working days overdue (status overdue) or left (status due; 0 = due today). */
  workdays: number;
  planId: string | null;
  uscc: string | null;
  name: string | null;
  objectionId: number | null;
  /** For the monthly list: 'YYYY-MM' and how many of that month's results are not published yet. */
  month: string | null;
  pending: number | null;
}

export interface DueReport {
  today: string;
  /** The last day counted as "due soon": `horizonDays` working days after today. */
  horizon: string;
  overdue: DueItem[];
  due: DueItem[];
}

type Candidate = Pick<DueItem, 'kind' | 'due' | 'from'> &
  Partial<Pick<DueItem, 'planId' | 'uscc' | 'name' | 'objectionId' | 'month' | 'pending'>>;

/** Every open deadline of the given plans (done ones are not listed). */
export function openDeadlines(cal: WorkCalendar, plans: readonly PlanState[], s: DeadlineSettings): Candidate[] {
  const out: Candidate[] = [];
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
      const reportDue = addWorkdays(cal, r.checkDate, s.reportDays);
      if (!r.reportDate) out.push({ kind: 'report', from: r.checkDate, due: reportDue, ...who });
      if (!r.feedbackDate) {
        const from = r.reportDate ?? reportDue;
        out.push({ kind: 'feedback', from, due: addWorkdays(cal, from, s.feedbackDays), ...who });
      }
      if (!r.publishedAt)
        out.push({ kind: 'publication', from: r.checkDate, due: addWorkdays(cal, r.checkDate, resultDays), ...who });
      const month = r.checkDate.slice(0, 7);
      const m = months.get(month) ?? { pending: 0, plans: new Set() };
      if (!r.publishedAt) m.pending++;
      m.plans.add(p.planId);
      months.set(month, m);
    }
    for (const o of p.objections) {
      const who = { planId: p.planId, uscc: o.uscc, name: o.name, objectionId: o.id };
      if (!o.reviewedAt)
        out.push({
          kind: 'objection-review',
          from: o.received,
          due: addWorkdays(cal, o.received, s.objectionReviewDays),
          ...who,
        });
      else if (!o.answeredAt)
        out.push({
          kind: 'objection-answer',
          from: o.reviewedAt,
          due: addWorkdays(cal, o.reviewedAt, s.objectionAnswerDays),
          ...who,
        });
    }
  }
  for (const [month, m] of months) {
    if (m.pending === 0) continue;
    const [y, mo] = month.split('-').map(Number) as [number, number];
    const next = mo === 12 ? [y + 1, 1] : [y, mo + 1];
    const due = nthWorkdayOfMonth(cal, next[0]!, next[1]!, s.monthlyDays);
    out.push({
      kind: 'monthly',
      from: `${month}-01`,
      due,
      month,
      pending: m.pending,
      planId: m.plans.size === 1 ? [...m.plans][0]! : null,
    });
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
  const horizon = addWorkdays(cal, today, horizonDays);
  const overdue: DueItem[] = [];
  const due: DueItem[] = [];
  for (const c of openDeadlines(cal, plans, s)) {
    const base = { planId: null, uscc: null, name: null, objectionId: null, month: null, pending: null, ...c };
    if (c.due < today) overdue.push({ ...base, status: 'overdue', workdays: workdaysBetween(cal, c.due, today) });
    else if (c.due <= horizon) due.push({ ...base, status: 'due', workdays: workdaysBetween(cal, today, c.due) });
  }
  return { today, horizon, overdue: overdue.sort(byDue), due: due.sort(byDue) };
}

/** Code-point order, not locale order: the same list on every machine. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byDue(a: DueItem, b: DueItem): number {
  return (
    cmp(a.due, b.due) ||
    DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind) ||
    cmp(a.planId ?? '', b.planId ?? '') ||
    cmp(a.uscc ?? '', b.uscc ?? '') ||
    (a.objectionId ?? 0) - (b.objectionId ?? 0)
  );
}
