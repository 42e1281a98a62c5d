import type { Plan } from '../domain/plan.js';
import type { DrawInput } from './state.js';
import type { Conflict, PoolEnterprise, PoolInspector, PoolItem } from './types.js';

/** The protocol input for a plan, a seed and its input data. */
export function drawInput(
  plan: Plan,
  seed: string,
  strata: readonly { name: string; population: number }[],
  data: { pool: PoolEnterprise[]; inspectors: PoolInspector[]; items: PoolItem[]; conflicts: Conflict[] },
): DrawInput {
  const population = new Map(strata.map((s) => [s.name, s.population]));
  return {
    planId: plan.id,
    seed,
    strata: plan.strata.map((s) => ({
      name: s.name,
      population: population.get(s.name) ?? 0,
      rule: {
        ...(s.ratio !== undefined ? { ratio: s.ratio } : {}),
        ...(s.count !== undefined ? { count: s.count } : {}),
        min: s.min,
      },
      reserves: s.reserves,
    })),
    // The SSJ-1 engine's team size is the plan's officer seats (SSJ-2 draws build their input in core/ssj2).
    team: { size: plan.team.officers, specialists: plan.team.specialists, maxPerInspector: plan.team.maxPerInspector },
    itemsPerEnterprise: plan.items.perEnterprise,
    pool: data.pool,
    inspectors: data.inspectors,
    items: data.items,
    conflicts: data.conflicts,
  };
}
