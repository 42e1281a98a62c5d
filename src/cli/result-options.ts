import type { Command } from 'commander';
import type { Context } from './context.js';
import type { Db } from '../db/open.js';
import { onResult as changeResult, type Target, type Who } from '../app/results.js';
import { addWorkdays, type WorkCalendar } from '../core/workdays.js';
import { requireIsoDate } from '../domain/dates.js';
import { tryCalendar, type DeadlineSettings } from '../core/deadlines.js';
import { arrangementProblems, problemParams } from '../app/calendar-year.js';
import { getNumberSetting } from '../db/settings.js';
import type { ResultRow } from '../db/results.js';
import type { RowProblem } from '../domain/problem.js';
import { inputError } from '../errors.js';
import { normaliseCode } from '../domain/rosters.js';
import { readHolidaysFile } from '../io/results-csv.js';

/** Options and steps shared by `ssj result`, `ssj objection`, `ssj due` and `ssj calendar`. */

export const str = (v: unknown) => (v === undefined ? undefined : String(v));
export const optDate = (v: unknown, field: string) => (v === undefined ? null : requireIsoDate(String(v), field));

/** Settings keys of the deadlines, read once per command. */
export function deadlineSettings(ctx: Context): DeadlineSettings {
  const db = ctx.db();
  return {
    reportDays: getNumberSetting(db, 'deadline.reportDays'),
    feedbackDays: getNumberSetting(db, 'deadline.feedbackDays'),
    resultDays: getNumberSetting(db, 'deadline.resultDays'),
    monthlyDays: getNumberSetting(db, 'deadline.monthlyDays'),
    objectionReviewDays: getNumberSetting(db, 'deadline.objectionReviewDays'),
    objectionAnswerDays: getNumberSetting(db, 'deadline.objectionAnswerDays'),
    opinionDays: getNumberSetting(db, 'deadline.opinionDays'),
  };
}

/** A deadline for a confirmation message, or what to say when its year is not in the calendar yet (never "?"). */
export function deadlineText(
  ctx: Context,
  cal: WorkCalendar,
  from: string,
  days: number,
): { due: string | null; text: string } {
  const r = tryCalendar(() => addWorkdays(cal, from, days));
  return r.year === undefined
    ? { due: r.value, text: r.value }
    : { due: null, text: ctx.out.msg('calendar.dueUncovered', { year: r.year }) };
}

/**
 * Refuse a file with bad rows (exit 3), listing every one with its line, column (as headed in the file) and
 * reason, in the user's language. Nothing has been written: the caller's transaction rolls back.
 */
export function failOnProblems(
  ctx: Context,
  code: string,
  file: string,
  problems: readonly RowProblem[],
  headerOf: Record<string, string>,
): never {
  const rows = problems
    .map(
      (p) =>
        `  ${ctx.out.msg('result.rowProblem', { line: p.line, field: headerOf[p.field] ?? p.field, reason: ctx.out.msg(p.code, p.params) })}`,
    )
    .join('\n');
  throw inputError(code, { file, count: new Set(problems.map((p) => p.line)).size, rows });
}

export async function holidaysFrom(ctx: Context, file: string, encoding: string | undefined) {
  const { days, problems, table } = await readHolidaysFile(ctx.path(file), encoding, file);
  if (table.unknown.length) ctx.out.warn('result.unknownColumns', { file, columns: table.unknown.join(', ') });
  if (problems.length) failOnProblems(ctx, 'calendar.fileInvalid', file, problems, table.headerOf);
  const missing = arrangementProblems(days);
  if (missing.length)
    throw inputError('calendar.incomplete', {
      file,
      years: [...new Set(missing.map((p) => p.year))].join('、'),
      problems: missing.map((p) => `  ${ctx.out.msg(`calendar.problem.${p.kind}`, problemParams(p))}`).join('\n'),
      missing,
    });
  return days;
}

/** --plan and --enterprise, the two options that name one check. */
export function withTarget(cmd: Command): Command {
  return cmd
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', '统一社会信用代码 of a selected enterprise');
}

export function targetOf(opts: Record<string, unknown>): { planId: string; uscc: string } {
  return { planId: String(opts.plan), uscc: normaliseCode(String(opts.enterprise)) };
}

/** Who runs the command and when: the one clock read of a use case. */
export const who = (ctx: Context): Who => ({ at: ctx.now(), operator: ctx.operator });

/** Change something about an existing result in one transaction with its audit entry (src/app/results.ts). */
export function onResult<T>(
  ctx: Context,
  t: Target,
  action: string,
  write: (db: Db, r: ResultRow) => { value: T; payload: object },
): T {
  return changeResult(ctx.db(), who(ctx), t, action, write);
}
