import { dateInShanghai } from '../core/workdays.js';
import { activeDraw } from '../db/draws.js';
import type { Db } from '../db/open.js';
import type { ResultFields } from '../db/results.js';
import type { RowProblem } from '../domain/problem.js';
import { resultDateProblem, type ResultDateBounds, type ResultDateField } from '../domain/result-dates.js';
import { inputError } from '../errors.js';

/**
 * The range a result's dates must fall in (domain/result-dates.ts): from the plan's draw to today. Called inside
 * the command's transaction, after the plan was found drawn.
 */
export function resultDateBounds(db: Db, planId: string, at: string): ResultDateBounds | undefined {
  const draw = activeDraw(db, planId);
  return draw ? { drawn: dateInShanghai(draw.drawnAt), today: dateInShanghai(at) } : undefined;
}

/** Refuse (exit 3) the first date out of range, naming the option or column it came from. */
export function checkResultDates(
  db: Db,
  planId: string,
  at: string,
  dates: Partial<Record<ResultDateField, string | null | undefined>>,
): void {
  const b = resultDateBounds(db, planId, at);
  if (!b) return;
  for (const [field, date] of Object.entries(dates) as [ResultDateField, string | null | undefined][]) {
    if (!date) continue;
    const p = resultDateProblem(field, date, b);
    if (p) throw inputError(p.code, { ...p.params, plan: planId });
  }
}

/** The same rule for every row of a results file: a problem per date out of range, naming the line and column. */
export function resultRowDateProblems(
  db: Db,
  rows: readonly { line: number; planId: string; fields: ResultFields }[],
  at: string,
): RowProblem[] {
  const bounds = new Map<string, ResultDateBounds | undefined>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    if (!bounds.has(r.planId)) bounds.set(r.planId, resultDateBounds(db, r.planId, at));
    const b = bounds.get(r.planId);
    if (!b) continue;
    const dates = [
      ['date', 'check', r.fields.check_date],
      ['reportDate', 'report', r.fields.report_date],
      ['feedbackDate', 'feedback', r.fields.feedback_date],
    ] as const;
    for (const [column, field, date] of dates) {
      const p = date ? resultDateProblem(field, date, b) : undefined;
      if (p)
        problems.push({
          line: r.line,
          field: column,
          value: date!,
          code: p.code,
          params: { ...p.params, plan: r.planId },
        });
    }
  }
  return problems;
}
