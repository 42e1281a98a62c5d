import { readPoolEnterprises } from '../core/canonical.js';
import { isCapExempt, type RosterEnterprise } from '../core/pool.js';
import { removedAfterFreeze, type LaterCheck } from '../core/ssj2/pool-after-freeze.js';
import type { RemovedRow } from '../core/ssj2/types.js';
import { computeInputs, type DrawInputs } from '../db/draw-inputs.js';
import type { FreezeRecord } from '../db/draws.js';
import type { Db } from '../db/open.js';
import {
  capFields,
  frozenPlansOfYear,
  frozenPoolUsccs,
  historyCounts,
  planChecks,
  type PlanCheck,
} from '../db/year-checks.js';
import { planProtocol, type Plan } from '../domain/plan.js';
import { refused } from '../errors.js';

/**
 * DESIGN.md SSJ-2 "Pool after freeze" and "Nothing is chosen after the seed is known": frozen plans of one year are
 * drawn in the order they were frozen, the frozen pool is the pool, and a plan loses from it the non-exempt
 * enterprises that plans frozen before it brought to cap.perYear since (their draws and replacements), each listed
 * with the plan that did it (pool-removed.csv).
 *
 * Before this, a second frozen plan recomputed its pool with the caps of now: the first plan's draw changed the pool
 * and the draw was refused as if the rosters had changed ("抽取依据的数据已变化 … 请恢复名录"), with nothing to restore.
 * Here the pool is recomputed with the checks as they stood at the freeze, so a difference from the frozen files is a
 * real roster change, and the checks added since are a separate, named cause.
 */

export interface PoolAfterFreeze {
  /** The inputs as at the freeze: the rosters of now, the caps of the freeze (equal to the frozen files unless a roster changed). */
  inputs: DrawInputs;
  /** SSJ-2: the enterprises taken out of the frozen pool, each with the plan that brought it to the cap. */
  removed: RemovedRow[];
}

/** The earlier-frozen plans of the year that are still to be drawn (withdrawn plans are not waited for). */
export function undrawnBefore(db: Db, plan: Plan): { planId: string; frozenAt: string }[] {
  const order = frozenPlansOfYear(db, plan.year);
  const mine = order.findIndex((p) => p.planId === plan.id);
  if (mine < 0) return [];
  return order.slice(0, mine).filter((p) => p.drawId === null && p.status !== 'withdrawn');
}

/**
 * The draw's view of a frozen plan's pool. Refuses (exit 5) when a plan frozen earlier in the year is not drawn yet,
 * naming it; refuses an SSJ-1 plan that would need removals (SSJ-1 has no pool-removed.csv), naming the enterprises and
 * the plans that capped them. Checks added since the freeze by plans not frozen before this one (an unfrozen plan, or
 * one frozen later and drawn first by an older version) remove nothing and are reported through `warn`.
 */
export function poolAfterFreeze(
  db: Db,
  plan: Plan,
  freeze: FreezeRecord,
  warn: (code: string, params?: Record<string, unknown>) => void,
): PoolAfterFreeze {
  const waiting = undrawnBefore(db, plan);
  if (waiting.length > 0)
    throw refused('draw.freezeOrder', {
      id: plan.id,
      frozenAt: freeze.frozenAt,
      earlier: waiting[0]!.planId,
      earlierFrozenAt: waiting[0]!.frozenAt,
      all: waiting.map((p) => p.planId).join(', '),
    });

  const { then, now } = planChecks(db, plan.year, plan.id, freeze.frozenAt);
  const countsThen = historyCounts(db, plan.year);
  for (const c of then) countsThen.set(c.uscc, (countsThen.get(c.uscc) ?? 0) + 1);
  const inputs = computeInputs(db, plan, countsThen);

  const counted = new Set(then.map(key));
  const added = now.filter((c) => !counted.has(key(c)));
  if (added.length === 0) return { inputs, removed: [] };

  const order = frozenPlansOfYear(db, plan.year).map((p) => p.planId);
  const before = new Set(order.slice(0, order.indexOf(plan.id)));
  // In freeze order, then uscc: the plan whose check reaches the cap is named (cap 2: the second one).
  const rank = (planId: string) => order.indexOf(planId);
  const later: LaterCheck[] = added
    .filter((c) => before.has(c.planId))
    .sort((a, b) => rank(a.planId) - rank(b.planId) || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0))
    .map((c) => ({ uscc: c.uscc, byPlan: c.planId }));
  const pool = readPoolEnterprises(freeze.files.poolEnterprises);
  const inPool = new Set(pool.map((e) => e.uscc));
  const others = added.filter((c) => !before.has(c.planId) && inPool.has(c.uscc));
  if (others.length > 0)
    warn('draw.laterChecksKept', {
      id: plan.id,
      count: others.length,
      plans: [...new Set(others.map((c) => c.planId))].join(', '),
      sample: others
        .slice(0, 5)
        .map((c) => c.uscc)
        .join(', '),
    });

  const fields = capFields(
    db,
    later.map((c) => c.uscc),
  );
  const exempt = (uscc: string) => {
    const f = fields.get(uscc);
    return f ? isCapExempt(plan, { ...f } as RosterEnterprise) : false;
  };
  const removed = removedAfterFreeze(pool, plan.cap.perYear, exempt, countsThen, later);
  if (removed.length > 0 && planProtocol(plan) !== 'SSJ-2')
    throw refused('draw.capAfterFreezeSsj1', {
      id: plan.id,
      count: removed.length,
      sample: removed
        .slice(0, 5)
        .map((r) => `${r.uscc} (${r.byPlan})`)
        .join(', '),
      plans: [...new Set(removed.map((r) => r.byPlan))].join(', '),
    });
  return { inputs, removed };
}

const key = (c: PlanCheck) => `${c.planId}\u0000${c.uscc}`;

/**
 * For `plan freeze`: the frozen plans of the year still to be drawn whose frozen pool shares enterprises with this
 * pool. They are drawn first; enterprises they select that reach the cap leave this plan's pool (SSJ-2) or stop its
 * draw (SSJ-1).
 */
export function overlappingFrozen(
  db: Db,
  plan: Plan,
  pool: readonly { uscc: string }[],
): { planId: string; frozenAt: string; count: number }[] {
  const out: { planId: string; frozenAt: string; count: number }[] = [];
  for (const p of frozenPlansOfYear(db, plan.year)) {
    if (p.planId === plan.id || p.drawId !== null || p.status === 'withdrawn') continue;
    const theirs = frozenPoolUsccs(db, p.planId);
    let count = 0;
    for (const e of pool) if (theirs.has(e.uscc)) count++;
    if (count > 0) out.push({ planId: p.planId, frozenAt: p.frozenAt, count });
  }
  return out;
}
