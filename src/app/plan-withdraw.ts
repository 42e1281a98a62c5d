import { appendAudit } from '../audit/log.js';
import { voidActiveDraw } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan, setPlanStatus } from '../db/plans.js';
import { inWrite } from '../db/tx.js';
import { insertWithdrawal, resultCount, type Withdrawal } from '../db/withdrawals.js';
import { refused, usageError } from '../errors.js';
import type { Who } from './results.js';

/**
 * `ssj plan withdraw ID --reason` (#15, DESIGN.md "Nothing is chosen after the seed is known"): a frozen or drawn
 * plan is withdrawn; its draw, if any, becomes void with the same reason; the site lists the plan as withdrawn with
 * the reason and the date, instead of "已冻结，待抽取" for good. A draft has nothing published to withdraw; a plan
 * with recorded results has checks that happened, which a withdrawal cannot undo (correct the results instead).
 * One transaction with its audit entry; a refusal changes nothing.
 */
export function withdrawPlan(db: Db, who: Who, planId: string, reasonText: string): Withdrawal {
  const reason = reasonText.normalize('NFC').trim();
  if (!reason) throw usageError('plan.withdraw.emptyReason');
  return inWrite(db, () => {
    const { plan, status } = getPlan(db, planId);
    if (status === 'withdrawn') throw refused('plan.withdraw.already', { id: plan.id });
    if (status === 'draft') throw refused('plan.withdraw.draft', { id: plan.id });
    const results = resultCount(db, plan.id);
    if (results > 0) throw refused('plan.withdraw.hasResults', { id: plan.id, count: results });
    const drawId = voidActiveDraw(db, plan.id, reason, who.at) ?? null;
    const w: Withdrawal = {
      planId: plan.id,
      reason,
      withdrawnAt: who.at,
      operator: who.operator,
      priorStatus: status,
      drawId,
    };
    insertWithdrawal(db, w);
    setPlanStatus(db, plan.id, 'withdrawn');
    appendAudit(db, {
      at: who.at,
      operator: who.operator,
      action: 'plan.withdraw',
      planId: plan.id,
      payload: { reason, priorStatus: status, voidedDrawId: drawId },
      tables: ['draws', 'plans', 'plan_withdrawals'],
    });
    return w;
  });
}
