import type { Db } from './open.js';

/** A withdrawn plan (migration 5): the reason and date the public pages show. */
export interface Withdrawal {
  planId: string;
  reason: string;
  withdrawnAt: string;
  operator: string;
  priorStatus: string;
  drawId: number | null;
}

export function findWithdrawal(db: Db, planId: string): Withdrawal | undefined {
  const r = db
    .prepare(
      'SELECT plan_id, reason, withdrawn_at, operator, prior_status, draw_id FROM plan_withdrawals WHERE plan_id = ?',
    )
    .get(planId) as Record<string, unknown> | undefined;
  return r
    ? {
        planId: r.plan_id as string,
        reason: r.reason as string,
        withdrawnAt: r.withdrawn_at as string,
        operator: r.operator as string,
        priorStatus: r.prior_status as string,
        drawId: (r.draw_id as number | null) ?? null,
      }
    : undefined;
}

export function insertWithdrawal(db: Db, w: Withdrawal): void {
  db.prepare(
    'INSERT INTO plan_withdrawals (plan_id, reason, withdrawn_at, operator, prior_status, draw_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(w.planId, w.reason, w.withdrawnAt, w.operator, w.priorStatus, w.drawId);
}

/** Results recorded for a plan (a plan whose checks have results cannot be withdrawn). */
export function resultCount(db: Db, planId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM results WHERE plan_id = ?').get(planId) as { n: number }).n;
}
