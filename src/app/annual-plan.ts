import { appendAudit } from '../audit/log.js';
import { annualDeviations, type AnnualDeviation, type AnnualPlan } from '../domain/annual-plan.js';
import type { Plan } from '../domain/plan.js';
import { findAnnualPlan, putAnnualPlan } from '../db/annual-plans.js';
import type { Db } from '../db/open.js';
import { listPlans } from '../db/plans.js';
import { inWrite } from '../db/tx.js';
import { usageError } from '../errors.js';
import type { Who } from './results.js';

/**
 * `ssj plan annual YEAR FILE.json` (issue 18 part 5; 顺城 第十一、十二条, 高青 6.1): record the year's annual plan, or
 * replace it (高青 6.1 allows 动态调整; the replacement needs a reason, kept in its audit entry with the plan it
 * replaced). One transaction with its audit entry; a refusal changes nothing.
 */
export interface AnnualOutcome {
  plan: AnnualPlan;
  replaced: boolean;
}

export function recordAnnualPlan(db: Db, who: Who, year: number, plan: AnnualPlan, reason?: string): AnnualOutcome {
  if (plan.year !== year) throw usageError('annual.yearMismatch', { year, file: plan.year });
  return inWrite(db, () => {
    const old = findAnnualPlan(db, year);
    const why = reason?.trim();
    if (old && !why) throw usageError('annual.replaceNeedsReason', { year, at: old.recordedAt });
    if (!old && why !== undefined) throw usageError('annual.reasonWithoutReplace', { year });
    putAnnualPlan(db, plan, who.at, who.operator);
    appendAudit(db, {
      at: who.at,
      operator: who.operator,
      action: old ? 'plan.annual.replace' : 'plan.annual',
      payload: { year, plan, ...(old ? { reason: why, replaced: old.plan } : {}) },
      tables: ['annual_plans'],
    });
    return { plan, replaced: old !== undefined };
  });
}

/**
 * Where a draw plan departs from its year's annual plan (warned at plan add and freeze, never refused: the annual plan
 * is adjusted by the office, 高青 6.1 "根据工作实际进行动态调整"). Without an annual plan for the year there is nothing
 * to compare with, and nothing is said (offices that keep their annual plan outside ssj see no new noise).
 */
export function annualWarnings(db: Db, plan: Plan): AnnualDeviation[] {
  const annual = findAnnualPlan(db, plan.year);
  if (!annual) return [];
  const others = listPlans(db)
    .filter((p) => p.plan.year === plan.year && p.status !== 'withdrawn' && p.plan.id !== plan.id)
    .map((p) => p.plan);
  return annualDeviations(annual.plan, plan, others);
}
