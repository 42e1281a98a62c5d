import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inspectorOrder } from '../core/draw.js';

/** Enterprises per unit of work: 128 × 500 inspectors is 64,000 tickets, a few tens of milliseconds. */
const CHUNK = 128;
/** How long the main thread waits for a unit a worker claimed before doing it itself (a worker that died). */
const STALL_MS = 20_000;

/**
 * Inspector orders for many enterprises (../core/draw.ts inspectorOrder for each), computed on every core, returned
 * synchronously, so the synchronous draw, replay and verification (core/ssj2/draw.ts draw2's orderSource) can use
 * them. The main thread and worker threads take units of CHUNK enterprises from one shared counter and write the
 * orders into one shared array; the main thread then waits (Atomics.wait) only for units a worker took. The result
 * never depends on the workers: a worker that does not start leaves its units to the main thread, and a unit a
 * worker took but did not finish within STALL_MS is recomputed here (the same values, so a late write changes
 * nothing). Orders are exactly inspectorOrder's (test/process/parallel-orders.test.ts).
 */
export function inspectorOrdersSync(
  seed: string,
  planId: string,
  usccs: readonly string[],
  certNos: readonly string[],
): Map<string, Uint32Array> {
  const n = usccs.length;
  const m = certNos.length;
  const threads = Math.min(availableParallelism(), 8);
  const chunks = Math.ceil(n / CHUNK);
  const orders = new Map<string, Uint32Array>();
  // Not worth a thread for a county-sized draw.
  if (threads < 2 || n * m < 200_000 || chunks < 2) {
    for (const u of usccs) orders.set(u, inspectorOrder(seed, planId, u, certNos));
    return orders;
  }
  const out = new Uint32Array(new SharedArrayBuffer(n * m * 4));
  // control[0]: the next unit to take; control[1 + c]: 1 once unit c is written.
  const control = new Int32Array(new SharedArrayBuffer(4 * (chunks + 1)));
  const workers: Worker[] = [];
  for (let k = 1; k < threads; k++) {
    try {
      const w = new Worker(new URL('./order-worker-sync.js', import.meta.url), {
        workerData: { seed, planId, usccs, certNos, out, control, chunk: CHUNK },
      });
      // A worker that fails (no module under a test runner, say) only leaves its share to this thread.
      w.on('error', () => {});
      w.unref();
      workers.push(w);
    } catch {
      break;
    }
  }
  const unit = (c: number) => {
    for (let i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++)
      out.set(inspectorOrder(seed, planId, usccs[i]!, certNos), i * m);
    Atomics.store(control, 1 + c, 1);
  };
  for (let c = Atomics.add(control, 0, 1); c < chunks; c = Atomics.add(control, 0, 1)) unit(c);
  for (let c = 0; c < chunks; c++)
    if (Atomics.load(control, 1 + c) === 0 && Atomics.wait(control, 1 + c, 0, STALL_MS) === 'timed-out') unit(c);
  for (const w of workers) void w.terminate();
  for (let i = 0; i < n; i++) orders.set(usccs[i]!, out.subarray(i * m, (i + 1) * m));
  return orders;
}
