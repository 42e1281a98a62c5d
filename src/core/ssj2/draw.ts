import { drawEnterprises, hintedOrders, type DrawHints } from '../draw.js';
import type { DrawInput } from '../state.js';
import { DrawState2 } from './state.js';
import type { DrawInput2, StratumCount2 } from './types.js';

/**
 * SSJ-2 enterprises (DESIGN.md SSJ-2 "Pool after freeze"): the frozen pool minus pool-removed.csv, ranked by the SSJ-1
 * rules over what remains (ranks from 1 without gaps, reserves from what remains); n comes from the population and is
 * capped by what remains. SSJ-1's drawEnterprises does exactly that when given the remaining members.
 */
export function drawEnterprises2(
  input: DrawInput2,
  hints: Pick<DrawHints, 'eKeySource'> = {},
): ReturnType<typeof drawEnterprises> & { counts: StratumCount2[] } {
  // A plan with nothing removed (every unfrozen plan, most frozen ones) skips a pass over a pool of a million.
  let remaining = input.pool;
  let frozen: Map<string, number> | undefined;
  if (input.removed.length > 0) {
    const removed = new Map<string, Set<string>>();
    for (const r of input.removed) {
      if (!removed.has(r.stratum)) removed.set(r.stratum, new Set());
      removed.get(r.stratum)!.add(r.uscc);
    }
    remaining = input.pool.filter((e) => !removed.get(e.stratum)?.has(e.uscc));
    frozen = new Map();
    for (const e of input.pool) frozen.set(e.stratum, (frozen.get(e.stratum) ?? 0) + 1);
  }
  const asSsj1 = { planId: input.planId, seed: input.seed, strata: input.strata, pool: remaining } as DrawInput;
  const d = drawEnterprises(asSsj1, hints);
  const counts = d.counts.map((c) => {
    const pool = frozen ? (frozen.get(c.name) ?? 0) : c.pool;
    return {
      name: c.name,
      population: c.population,
      pool,
      removed: pool - c.pool,
      selected: c.selected,
      reserves: c.reserves,
    };
  });
  return { ...d, counts };
}

/**
 * SSJ-2: enterprises, then for each selected enterprise in processing order its check items and its team, group by
 * group. Pure and deterministic; throws ProtocolError naming the enterprise and the group when a team cannot be
 * formed. Hints (inspector orders computed on worker threads) only save work: draw2(input, hints) equals draw2(input)
 * (test/unit/fast-path.test.ts). hints.enterprises is not taken: SSJ-2 ranks what remains after pool-removed.
 */
export function draw2(input: DrawInput2, hints: DrawHints = {}): DrawState2 {
  const d = drawEnterprises2(input, hints);
  const orders = hintedOrders(hints, input.seed, input.planId, d.selection, () =>
    input.inspectors.map((i) => i.certNo),
  );
  const state = new DrawState2(
    input,
    d.counts as StratumCount2[],
    d.selection.map((r) => ({ ...r })),
  );
  state.hashes = d.hashes;
  for (const e of state.processingOrder()) {
    state.checkItems.set(e.uscc, state.drawItems(e));
    state.teams.set(e.uscc, state.drawTeam(e, orders?.get(e.uscc)));
  }
  return state;
}
