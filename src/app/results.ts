import { RESULT_TABLES } from '../db/table-digest.js';
import { appendAudit } from '../audit/log.js';
import { dateInShanghai } from '../core/workdays.js';
import type { Db } from '../db/open.js';
import {
  checkDateOrder,
  drawnPlan,
  getResult,
  insertResult,
  publishPlan,
  requireResult,
  requireSelected,
  resultAuditRow,
  correctionAuditRow,
  updateResult,
  validateResultRows,
  writeResults,
  type ResultRow,
} from '../db/results.js';
import type { RowProblem } from '../domain/problem.js';
import type { FollowUpCode, OutcomeCode } from '../domain/outcomes.js';
import type { ResultInputRow } from '../domain/results.js';
import { inputError } from '../errors.js';
import { checkResultDates, resultRowDateProblems } from './result-dates.js';

/**
 * The use cases of `ssj result`: each one transaction (BEGIN IMMEDIATE) with its audit entry. `who.at` is the one
 * clock read of the command: the stored time, the audit entry and "today" all come from it.
 */
export interface Who {
  /** ISO time of the command (ctx.now(), read once). */
  at: string;
  operator: string;
}

export interface Target {
  planId: string;
  uscc: string;
}

/** Change something about an existing result in one transaction with its audit entry; returns what `write` returns. */
export function onResult<T>(
  db: Db,
  who: Who,
  t: Target,
  action: string,
  write: (db: Db, r: ResultRow) => { value: T; payload: object },
): T {
  return db
    .transaction(() => {
      drawnPlan(db, t.planId);
      const { value, payload } = write(db, requireResult(db, t.planId, t.uscc));
      appendAudit(db, { at: who.at, operator: who.operator, action, planId: t.planId, payload, tables: RESULT_TABLES });
      return value;
    })
    .immediate();
}

/** A check cannot be in the future (Beijing date); one outside the plan's window is allowed (checks slip) but said. */
function checkDateAgainstPlan(
  at: string,
  plan: { window: { start: string; end: string } },
  checkDate: string,
  warn: (code: string, params: Record<string, unknown>) => void,
): void {
  const today = dateInShanghai(at);
  if (checkDate > today) throw inputError('result.futureDate', { date: checkDate, today });
  if (checkDate < plan.window.start || checkDate > plan.window.end)
    warn('result.outsideWindow', { date: checkDate, start: plan.window.start, end: plan.window.end });
}

export interface RecordResult extends Target {
  outcome: OutcomeCode;
  followUp: FollowUpCode | undefined;
  checkDate: string;
  reportDate: string | null;
  feedbackDate: string | null;
  note: string | undefined;
}

/** `ssj result record`: record (or, before publication, re-record) the result of one check. */
export function recordResult(
  db: Db,
  who: Who,
  o: RecordResult,
  warn: (code: string, params: Record<string, unknown>) => void,
): { updated: boolean; name: string; row: ResultRow } {
  const { planId, uscc } = o;
  return db
    .transaction(() => {
      const drawn = drawnPlan(db, planId);
      const e = requireSelected(drawn, uscc);
      const old = getResult(db, planId, uscc);
      const fields = {
        outcome: o.outcome,
        check_date: o.checkDate,
        follow_up: o.followUp ?? old?.follow_up ?? '',
        note: o.note ?? old?.note ?? '',
        report_date: o.reportDate ?? old?.report_date ?? null,
        feedback_date: o.feedbackDate ?? old?.feedback_date ?? null,
      };
      const order = checkDateOrder(fields);
      if (order) throw inputError(order[0], order[1]);
      // From the draw to today (issue 13 part 8): 1900-01-01 or 2099-01-01 is a typo, refused before it is stored.
      checkResultDates(db, planId, who.at, { check: o.checkDate, report: o.reportDate, feedback: o.feedbackDate });
      checkDateAgainstPlan(
        who.at,
        JSON.parse(drawn.plan.json) as { window: { start: string; end: string } },
        o.checkDate,
        warn,
      );
      const row = old
        ? updateResult(db, old, fields, who.at, who.operator)
        : insertResult(db, planId, uscc, fields, who.at, who.operator);
      appendAudit(db, {
        at: who.at,
        operator: who.operator,
        action: old ? 'result.update' : 'result.record',
        tables: RESULT_TABLES,
        planId,
        payload: { results: [resultAuditRow(row)], ...(old ? { previous: resultAuditRow(old) } : {}) },
      });
      return { updated: Boolean(old), name: e.name, row };
    })
    .immediate();
}

/** `ssj result import`: all rows or none; `refuse` throws the error that lists the bad rows. */
export function importResults(
  db: Db,
  who: Who,
  file: { name: string; sha256: string; rows: ResultInputRow[] },
  refuse: (problems: readonly RowProblem[]) => never,
): { inserted: number; updated: number; unchanged: number } {
  return db
    .transaction(() => {
      const { valid, problems } = validateResultRows(db, file.rows);
      problems.push(...resultRowDateProblems(db, valid, who.at));
      if (problems.length) refuse(problems);
      const w = writeResults(db, valid, who.at, who.operator);
      if (w.written.length) {
        appendAudit(db, {
          at: who.at,
          operator: who.operator,
          action: 'result.import',
          tables: RESULT_TABLES,
          payload: {
            file: file.name,
            sha256: file.sha256,
            results: w.written.map(resultAuditRow),
            previous: w.previous.map(resultAuditRow),
          },
        });
      }
      return { inserted: w.inserted, updated: w.updated, unchanged: w.unchanged };
    })
    .immediate();
}

/** `ssj result publish`: every unpublished result and correction of a plan, published at `who.at`. */
export function publishResults(db: Db, who: Who, planId: string): ReturnType<typeof publishPlan> {
  return db
    .transaction(() => {
      drawnPlan(db, planId);
      const p = publishPlan(db, planId, who.at);
      if (p.results.length + p.corrections.length > 0) {
        appendAudit(db, {
          at: who.at,
          operator: who.operator,
          action: 'result.publish',
          tables: RESULT_TABLES,
          planId,
          payload: { results: p.results.map(resultAuditRow), corrections: p.corrections.map(correctionAuditRow) },
        });
      }
      return p;
    })
    .immediate();
}
