import type { Plan, Stratum, WhereField } from '../domain/plan.js';
import { WHERE_FIELDS } from '../domain/plan.js';
import type { PoolEnterprise } from './types.js';

/** An enterprise as the roster holds it: the fields a plan can filter on. */
export interface RosterEnterprise {
  uscc: string;
  name: string;
  industry: string;
  region: string;
  supervision: string;
  type: string;
  risk: string;
  credit: string;
  status: string;
  flags: string[];
  active: boolean;
}

export interface StratumPool {
  name: string;
  /** Members before the yearly cap is applied. */
  population: number;
  members: PoolEnterprise[];
}

export interface PoolResult {
  strata: StratumPool[];
  /** Why enterprises were left out, for the summary and the pre-announcement. */
  excluded: { inactive: number; status: number; capped: number; unmatched: number };
  /** Enterprises matched by more than one stratum (first one wins), per pair "A→B". */
  overlaps: Record<string, number>;
}

export function matchesWhere(where: Stratum['where'], e: RosterEnterprise): boolean {
  for (const f of WHERE_FIELDS) {
    const allowed = where[f as WhereField];
    if (allowed && !allowed.includes(e[f].trim())) return false;
  }
  return true;
}

/** Never capped: the plan's exempt credit levels or flags (失信, 严重违法, 重点关注 ...). */
export function isCapExempt(plan: Plan, e: RosterEnterprise): boolean {
  return plan.cap.exempt.credit.includes(e.credit.trim()) || e.flags.some((f) => plan.cap.exempt.flags.includes(f));
}

/**
 * SSJ-1 "Pool": for each stratum in plan order, the active enterprises whose status is not excluded, that match the
 * stratum's `where` and no earlier stratum's; population counts them; the pool drops those at the yearly cap.
 * `checks` maps uscc to checks counted in the plan's year. Order of `enterprises` does not matter.
 */
export function buildPool(
  plan: Plan,
  enterprises: Iterable<RosterEnterprise>,
  checks: ReadonlyMap<string, number>,
): PoolResult {
  const strata: StratumPool[] = plan.strata.map((s) => ({ name: s.name, population: 0, members: [] }));
  const excluded = { inactive: 0, status: 0, capped: 0, unmatched: 0 };
  const overlaps: Record<string, number> = {};
  const excludedStatus = new Set(plan.exclude.status);
  for (const e of enterprises) {
    if (!e.active) {
      excluded.inactive++;
      continue;
    }
    if (excludedStatus.has(e.status.trim())) {
      excluded.status++;
      continue;
    }
    const idx = plan.strata.findIndex((s) => matchesWhere(s.where, e));
    if (idx < 0) {
      excluded.unmatched++;
      continue;
    }
    for (let j = idx + 1; j < plan.strata.length; j++) {
      if (matchesWhere(plan.strata[j]!.where, e)) {
        const key = `${plan.strata[idx]!.name}→${plan.strata[j]!.name}`;
        overlaps[key] = (overlaps[key] ?? 0) + 1;
      }
    }
    const s = strata[idx]!;
    s.population++;
    if ((checks.get(e.uscc) ?? 0) >= plan.cap.perYear && !isCapExempt(plan, e)) {
      excluded.capped++;
      continue;
    }
    s.members.push({ stratum: s.name, uscc: e.uscc, name: e.name, industry: e.industry.trim() });
  }
  return { strata, excluded, overlaps };
}
