import { RESULT_TABLES } from '../db/table-digest.js';
import { appendAudit } from '../audit/log.js';
import type { Db } from '../db/open.js';
import {
  answerObjection as storeAnswer,
  getObjection,
  objectionAuditRow,
  resolveObjection as storeDecision,
  resultTarget,
  type ObjectionRow,
} from '../db/results.js';
import type { DecisionCode } from '../domain/outcomes.js';
import type { Who } from './results.js';

/** The use cases of `ssj objection` (高青 9.2) that change an objection: each one transaction with its audit entry. */

export interface ResolveObjection {
  id: number;
  decision: DecisionCode;
  text: string;
  date: string;
  answered: string | null;
}

/** `ssj objection resolve`: the review decision. */
export function resolveObjection(
  db: Db,
  who: Who,
  o: ResolveObjection,
): { row: ObjectionRow; plan_id: string; uscc: string } {
  return db
    .transaction(() => {
      const row = storeDecision(db, getObjection(db, o.id), o.decision, o.text, o.date, o.answered);
      const r = resultTarget(db, row.result_id);
      appendAudit(db, {
        at: who.at,
        operator: who.operator,
        action: 'objection.resolve',
        tables: RESULT_TABLES,
        planId: r.plan_id,
        payload: { objections: [objectionAuditRow(row)] },
      });
      return { row, ...r };
    })
    .immediate();
}

/** `ssj objection answer`: the day the review outcome was sent to the enterprise. */
export function answerObjection(db: Db, who: Who, id: number, date: string): ObjectionRow {
  return db
    .transaction(() => {
      const row = storeAnswer(db, getObjection(db, id), date);
      appendAudit(db, {
        at: who.at,
        operator: who.operator,
        action: 'objection.answer',
        tables: RESULT_TABLES,
        planId: resultTarget(db, row.result_id).plan_id,
        payload: { objections: [objectionAuditRow(row)] },
      });
      return row;
    })
    .immediate();
}
