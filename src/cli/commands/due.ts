import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { table } from '../output.js';
import { dateInShanghai } from '../../core/workdays.js';
import { requireIsoDate } from '../../domain/dates.js';
import { dueReport, type DueItem, type DueReport, type UncoveredItem } from '../../core/deadlines.js';
import { packageDataNotice } from '../../app/calendar-year.js';
import { loadCalendar } from '../../app/calendar.js';
import { drawnPlan, planStates } from '../../db/results.js';
import { refused } from '../../errors.js';
import { splitSuspectRows } from '../../app/due-rows.js';

import { str, deadlineSettings, holidaysFrom } from '../result-options.js';

/** `ssj due`: the deadlines that are open, in working days (高青 8.3, 9.1; 顺城 第十八、二十一条; 冷水滩 第十七条). */

/** The number of working days ahead that `ssj due` shows ("due in the next 5 working days"). */
const DUE_HORIZON = 5;

export const register: Register = (program, wrap) => {
  program
    .command('due')
    .description('what is overdue and what is due in the next 5 working days / 逾期与即将到期的事项')
    .option('--today <YYYY-MM-DD>', 'count from this day (default: today in China, from --now or the clock)')
    .option('--plan <id>', 'only this plan')
    .option('--holidays <file>', 'extra holidays / make-up workdays CSV (date,kind,name), for this run only')
    .option('--strict', 'exit 5 when a deadline falls in a year the calendar does not cover (for scripts)')
    .addHelpText(
      'after',
      `\nDeadlines (working days, office settings \`ssj config\`; a plan's publication.resultDays overrides):\n  report       deadline.reportDays after the check (顺城 第十七条)\n  feedback     deadline.feedbackDays after the report (第十八条)\n  publication  deadline.resultDays after the check (高青 9.1)\n  monthly      the deadline.monthlyDays-th working day of the next month (顺城 第二十一条)\n  objections   review deadline.objectionReviewDays after receipt, answer deadline.objectionAnswerDays after review (高青 9.2)\n  missing      a selected enterprise with no result by the end of the plan window\n  opinion      the enterprise's opinion, deadline.opinionDays after the written feedback (顺城 第二十条)\n\nA deadline in a year the calendar does not cover yet is listed apart ("日历未覆盖 2027 年") with the command that\nfixes it; the others are still shown and ssj due exits 0 with a warning (--strict: exit 5).\n\nExamples:\n  ssj due\n  ssj due --today 2024-02-19 --plan 2024Q1 --json`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const db = ctx.db({ mustExist: true });
        const today =
          opts.today === undefined ? dateInShanghai(ctx.now()) : requireIsoDate(String(opts.today), '--today');
        const extra = opts.holidays === undefined ? [] : await holidaysFrom(ctx, String(opts.holidays), undefined);
        const cal = loadCalendar(db, extra);
        const planId = str(opts.plan);
        if (planId !== undefined) drawnPlan(db, planId);
        // A row with a mistyped date is reported as that row, never as a calendar the whole office must fix.
        const { report, suspect } = splitSuspectRows(
          dueReport(cal, today, planStates(db, planId), deadlineSettings(ctx), DUE_HORIZON),
        );
        if (suspect.length) ctx.out.warn('due.suspectWarn', { count: suspect.length, first: suspect[0]!.from });
        const old = packageDataNotice(cal, today);
        if (old) ctx.out.warn('calendar.packageOld', old);
        const n = report.uncovered.length;
        if (n && opts.strict)
          throw refused('due.strictUncovered', {
            count: n,
            years: report.uncoveredYears.join('、'),
            first: report.uncoveredYears[0],
            uncovered: report.uncovered,
          });
        if (n) ctx.out.warn('due.uncoveredWarn', { count: n, years: report.uncoveredYears.join('、') });
        ctx.out.result(
          { ...report, suspect, horizonDays: DUE_HORIZON, calendar: { coveredYears: cal.coveredYears } },
          (r) => [...renderDue(ctx, r), ...renderSuspect(ctx, suspect)],
        );
      }),
    );
};

function dueWhat(ctx: Context, i: DueItem): string {
  return ctx.out.msg(`due.kind.${i.kind}`, { month: i.month, pending: i.pending, id: i.objectionId });
}

function renderDue(ctx: Context, r: DueReport): string[] {
  const m = (k: string, p: Record<string, unknown> = {}) => ctx.out.msg(k, p);
  const lines = [
    r.horizon === null
      ? m('due.headerNoHorizon', { today: r.today, days: DUE_HORIZON })
      : m('due.header', { today: r.today, horizon: r.horizon, days: DUE_HORIZON }),
  ];
  if (!r.overdue.length && !r.due.length && !r.uncovered.length) return [...lines, m('due.nothing')];
  if (!r.overdue.length && !r.due.length) lines.push(m('due.nothing'));
  const section = (title: string, items: DueItem[]) => {
    if (!items.length) return;
    const state = (i: DueItem) =>
      i.status === 'overdue'
        ? i.workdays === null
          ? m('due.overdueUncounted')
          : m('due.overdueBy', { n: i.workdays })
        : i.workdays === 0
          ? m('due.today')
          : m('due.left', { n: i.workdays });
    lines.push('', `${title} (${items.length})`);
    lines.push(
      table(
        [m('due.col.due'), m('due.col.state'), m('due.col.what'), m('due.col.plan'), m('due.col.enterprise')],
        items.map((i) => [
          i.due,
          state(i),
          dueWhat(ctx, i),
          i.planId ?? '-',
          i.uscc ? `${i.uscc} ${i.name ?? ''}`.trim() : '-',
        ]),
      ),
    );
  };
  section(m('due.overdue'), r.overdue);
  section(m('due.soon'), r.due);
  for (const year of r.uncoveredYears) {
    const items = r.uncovered.filter((u) => u.year === year);
    lines.push('', `${m('due.uncovered', { year })} (${items.length})`);
    lines.push(
      table(
        [m('due.col.from'), m('due.col.what'), m('due.col.plan'), m('due.col.enterprise')],
        items.map((i: UncoveredItem) => [
          i.from,
          ctx.out.msg(`due.kind.${i.kind}`, { month: i.month, pending: i.pending, id: i.objectionId }),
          i.planId ?? '-',
          i.uscc ? `${i.uscc} ${i.name ?? ''}`.trim() : '-',
        ]),
      ),
    );
    lines.push(m('due.uncoveredHint', { year }));
  }
  return lines;
}

/** Rows whose dates look mistyped (app/due-rows.ts), each with the command that corrects it. */
function renderSuspect(ctx: Context, rows: UncoveredItem[]): string[] {
  if (!rows.length) return [];
  const m = (k: string, p: Record<string, unknown> = {}) => ctx.out.msg(k, p);
  return [
    '',
    `${m('due.suspect')} (${rows.length})`,
    table(
      [m('due.col.from'), m('due.col.what'), m('due.col.plan'), m('due.col.enterprise')],
      rows.map((i) => [
        i.from,
        m(`due.kind.${i.kind}`, { month: i.month, pending: i.pending, id: i.objectionId }),
        i.planId ?? '-',
        i.uscc ? `${i.uscc} ${i.name ?? ''}`.trim() : '-',
      ]),
    ),
    m('due.suspectHint'),
  ];
}
