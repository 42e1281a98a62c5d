import type { PoolEnterprise } from '../types.js';
import type { RemovedRow } from './types.js';

/** A check counted against the yearly cap after this plan was frozen: an enterprise selected by an earlier-frozen plan. */
export interface LaterCheck {
  uscc: string;
  /** The plan (frozen before this one) whose draw or event selected it. */
  byPlan: string;
}

/**
 * SSJ-2 "Pool after freeze": the frozen pool is the pool, and a plan loses from it the non-exempt members that reached
 * `cap.perYear` through the draws and events of plans frozen before it. `atFreeze` holds each member's checks counted
 * when this plan was frozen (members at the cap then are not in the frozen pool at all); `later` lists the checks added
 * since by earlier-frozen plans, in the order they were recorded. Each removed member names the plan whose check
 * brought it to the cap. Rows come in pool-removed.csv order (strata in plan order, then uscc) once written.
 */
export function removedAfterFreeze(
  frozenPool: readonly PoolEnterprise[],
  perYear: number,
  isExempt: (uscc: string) => boolean,
  atFreeze: ReadonlyMap<string, number>,
  later: readonly LaterCheck[],
): RemovedRow[] {
  const members = new Map(frozenPool.map((e) => [e.uscc, e]));
  const count = new Map<string, number>();
  const removed: RemovedRow[] = [];
  for (const c of later) {
    const e = members.get(c.uscc);
    if (!e || isExempt(c.uscc)) continue;
    const n = (count.get(c.uscc) ?? atFreeze.get(c.uscc) ?? 0) + 1;
    count.set(c.uscc, n);
    if (n === perYear) removed.push({ stratum: e.stratum, uscc: e.uscc, byPlan: c.byPlan });
  }
  return removed;
}
