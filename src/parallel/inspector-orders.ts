import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inspectorOrder } from '../core/draw.js';

/**
 * Inspector orders for many enterprises, computed on every core. Ranking 500 inspectors for 10,000 selected
 * enterprises is 5,000,000 SHA-256 tickets, most of a large draw's time; the orders are independent of each other,
 * so worker threads share them out and draw() assigns seats in order on the main thread.
 */
export async function inspectorOrders(
  seed: string,
  planId: string,
  usccs: string[],
  certNos: string[],
): Promise<Map<string, Uint32Array>> {
  const threads = Math.min(availableParallelism(), 8);
  // Not worth starting threads for a county-sized draw.
  if (threads < 2 || usccs.length * certNos.length < 200_000)
    return new Map(usccs.map((u) => [u, inspectorOrder(seed, planId, u, certNos)]));
  const chunk = Math.ceil(usccs.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, k) => usccs.slice(k * chunk, (k + 1) * chunk)).map(
      (slice) =>
        new Promise<Uint32Array>((resolve, reject) => {
          const w = new Worker(new URL('./order-worker.js', import.meta.url), {
            workerData: { seed, planId, usccs: slice, certNos },
          });
          w.once('message', (m: Uint32Array) => resolve(m));
          w.once('error', reject);
          w.once('exit', (code) => code !== 0 && reject(new Error(`order worker exited with ${code}`)));
        }),
    ),
  );
  const orders = new Map<string, Uint32Array>();
  let k = 0;
  for (const flat of parts)
    for (let off = 0; off < flat.length; off += certNos.length)
      orders.set(usccs[k++]!, flat.subarray(off, off + certNos.length));
  return orders;
}
