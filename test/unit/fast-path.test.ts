import { describe, expect, it } from 'vitest';
import { checkItemsCsv2, selectionCsv, teamsCsv2 } from '../../src/core/ssj2/canonical.js';
import { draw, type EKeySource, inspectorOrder, type OrderSource } from '../../src/core/draw.js';
import { ticket } from '../../src/core/ticket.js';
import { eKeysSync } from '../../src/parallel/ekeys-sync.js';
import { draw2 } from '../../src/core/ssj2/draw.js';
import type { DrawState2 } from '../../src/core/ssj2/state.js';
import { ProtocolError } from '../../src/core/errors.js';
import { inspectorOrdersSync } from '../../src/parallel/orders-sync.js';
import { generatedInput } from '../helpers/ssj2.js';

/**
 * The draw's fast paths (issue 17) only save work: with inspector orders computed elsewhere (src/parallel) a draw gives
 * exactly the bytes of the simple path. The worker threads themselves are exercised on the built code in
 * test/process/parallel-orders.test.ts; here the orders come from the main thread.
 */
const mainThreadOrders: OrderSource = (seed, planId, usccs, certNos) =>
  new Map(usccs.map((u) => [u, inspectorOrder(seed, planId, u, certNos)]));

/** E keys as the workers compute them (the first 8 hex digits), and a coarser key (2 digits: many ties). */
const mainThreadKeys: EKeySource = (seed, planId, usccs) =>
  Uint32Array.from(usccs, (u) => Number.parseInt(ticket(seed, 'E', planId, u).slice(0, 8), 16));
const coarseKeys: EKeySource = (seed, planId, usccs) =>
  Uint32Array.from(usccs, (u) => Number.parseInt(ticket(seed, 'E', planId, u).slice(0, 2), 16));

function files(s: DrawState2): string {
  return (
    selectionCsv(
      s.strata.map((x) => x.name),
      s.selection,
    ) +
    teamsCsv2(s.teams) +
    checkItemsCsv2(s.checkItems)
  );
}

function outcome(f: () => DrawState2): string {
  try {
    return files(f());
  } catch (e) {
    if (e instanceof ProtocolError) return `refused ${e.code} ${JSON.stringify(e.details)}`;
    throw e;
  }
}

describe('fast paths equal the simple path', () => {
  it('SSJ-2: draw2 with an order source gives the same selection, teams and items on 300 generated rosters', () => {
    let drawn = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const input = generatedInput(7000 + seed);
      const simple = outcome(() => draw2(input));
      expect(
        outcome(() => draw2(input, { orderSource: mainThreadOrders })),
        `seed ${seed}`,
      ).toBe(simple);
      expect(
        outcome(() => draw2(input, { orderSource: inspectorOrdersSync })),
        `seed ${seed}`,
      ).toBe(simple);
      expect(
        outcome(() => draw2(input, { eKeySource: mainThreadKeys })),
        `seed ${seed}`,
      ).toBe(simple);
      expect(
        outcome(() => draw2(input, { eKeySource: coarseKeys, orderSource: mainThreadOrders })),
        `seed ${seed}`,
      ).toBe(simple);
      if (!simple.startsWith('refused')) drawn++;
    }
    expect(drawn).toBeGreaterThan(100);
  });

  it('SSJ-1: draw with an order source equals draw without', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const g = generatedInput(9000 + seed);
      const input = {
        planId: g.planId,
        seed: g.seed,
        strata: g.strata.map(({ team: _t, ...s }) => s),
        team: { size: 2, specialists: seed % 2, maxPerInspector: g.team.maxPerInspector },
        itemsPerEnterprise: g.itemsPerEnterprise,
        pool: g.pool,
        inspectors: g.inspectors.map(({ kind: _k, department: _d, ...i }) => i),
        items: g.items.map(({ department: _d, ...i }) => i),
        conflicts: g.conflicts,
      };
      const run = (hints = {}) => {
        try {
          const s = draw(input, hints);
          return JSON.stringify([s.selection, [...s.teams], [...s.checkItems]]);
        } catch (e) {
          if (e instanceof ProtocolError) return `refused ${e.code}`;
          throw e;
        }
      };
      expect(run({ orderSource: mainThreadOrders }), `seed ${seed}`).toBe(run());
      expect(run({ eKeySource: coarseKeys }), `seed ${seed}`).toBe(run());
    }
  });

  it('eKeysSync gives the first 32 bits of every E ticket (main thread alone here), and declines a small pool', () => {
    const usccs = Array.from({ length: 60_000 }, (_, i) => `91370322MA${String(i).padStart(8, '0')}`);
    usccs[7] = '企业代码'; // not ASCII: bytes, not characters
    expect([...eKeysSync('种子|s', 'P', usccs)!]).toEqual([...mainThreadKeys('种子|s', 'P', usccs)!]);
    expect(eKeysSync('s', 'P', usccs.slice(0, 100))).toBeUndefined();
  });

  it('inspectorOrdersSync equals inspectorOrder when the work is large enough for threads (here the main thread alone)', () => {
    const certNos = Array.from({ length: 400 }, (_, i) => `C${(i * 7919) % 400}`);
    const usccs = Array.from({ length: 700 }, (_, i) => `U${i}`);
    const orders = inspectorOrdersSync('s', 'P', usccs, certNos);
    expect(orders.size).toBe(700);
    for (const u of usccs) expect([...orders.get(u)!]).toEqual([...inspectorOrder('s', 'P', u, certNos)]);
  });
});
