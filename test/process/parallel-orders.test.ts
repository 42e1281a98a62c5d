import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshDist } from '../helpers/cli.js';

/**
 * The worker threads of src/parallel/orders-sync.ts, on the built code (a worker runs dist/, not the TypeScript
 * sources): the orders they write equal the main thread's inspectorOrder, for sizes that start the workers.
 */
describe('inspectorOrdersSync on worker threads (dist)', () => {
  beforeAll(() => assertFreshDist());

  it('gives exactly inspectorOrder for every enterprise, with workers taking units of work', async () => {
    const { inspectorOrdersSync } = await import('../../dist/parallel/orders-sync.js' as string);
    const { inspectorOrder } = await import('../../dist/core/draw.js' as string);
    const certNos = Array.from({ length: 500 }, (_, i) => `3703230${String((i * 7919) % 500).padStart(5, '0')}`);
    const usccs = Array.from({ length: 3000 }, (_, i) => `91370322MA${String(i).padStart(8, '0')}`);
    const orders: Map<string, Uint32Array> = inspectorOrdersSync('seed|with|bars', 'P-1', usccs, certNos);
    expect(orders.size).toBe(3000);
    for (const u of usccs)
      expect([...orders.get(u)!]).toEqual([...inspectorOrder('seed|with|bars', 'P-1', u, certNos)]);
  });

  it('eKeysSync gives the first 32 bits of every E ticket with workers taking units', async () => {
    const { eKeysSync } = await import('../../dist/parallel/ekeys-sync.js' as string);
    const { ticket } = await import('../../dist/core/ticket.js' as string);
    const usccs = Array.from({ length: 120_000 }, (_, i) => `91370322MA${String(i).padStart(8, '0')}`);
    const keys: Uint32Array = eKeysSync('种子|s', 'P', usccs);
    expect(keys.length).toBe(usccs.length);
    usccs.forEach((u, i) => {
      if (keys[i] !== Number.parseInt(ticket('种子|s', 'E', 'P', u).slice(0, 8), 16))
        throw new Error(`key ${i} differs`);
    });
  });
});
