import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { eKeyScratch, eKeysUnit, type EKeyJob } from './ekeys-kernel.js';

const UNIT = 16_384;
const STALL_MS = 20_000;

/**
 * The first 32 bits of every enterprise's E ticket (core/draw.ts EKeySource), computed on every core and returned
 * synchronously, like ./orders-sync.ts: the main thread and workers take units from one shared counter, the main
 * thread recomputes a unit a worker took and did not finish within STALL_MS, so the result never depends on a worker.
 * The draw then hashes in full only the few enterprises whose key can place them among the drawn (core/draw.ts
 * drawEnterprises), instead of making a million ticket strings on one thread. Undefined (the draw hashes everything
 * itself) for a small pool or one core.
 */
export function eKeysSync(seed: string, planId: string, usccs: readonly string[]): Uint32Array | undefined {
  const n = usccs.length;
  const threads = Math.min(availableParallelism(), 8);
  if (threads < 2 || n < 50_000) return undefined;
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (n + 1)));
  let bytes = 0;
  for (let i = 0; i < n; i++) offsets[i + 1] = bytes += Buffer.byteLength(usccs[i]!);
  const data = new Uint8Array(new SharedArrayBuffer(Math.max(bytes, 1)));
  const view = Buffer.from(data.buffer, 0, data.byteLength);
  for (let i = 0; i < n; i++) view.write(usccs[i]!, offsets[i]!, 'utf8');
  const chunks = Math.ceil(n / UNIT);
  const job: EKeyJob = {
    prefix: Buffer.from(`${seed}|E|${planId}|`, 'utf8'),
    data,
    offsets,
    out: new Uint32Array(new SharedArrayBuffer(4 * n)),
    control: new Int32Array(new SharedArrayBuffer(4 * (chunks + 1))),
    unit: UNIT,
  };
  const workers: Worker[] = [];
  for (let k = 1; k < threads; k++) {
    try {
      const w = new Worker(new URL('./ekey-worker-sync.js', import.meta.url), { workerData: job });
      w.on('error', () => {}); // a worker that fails only leaves its share to this thread
      w.unref();
      workers.push(w);
    } catch {
      break;
    }
  }
  const scratch = eKeyScratch(job);
  const unit = (c: number) => {
    eKeysUnit(job, c, scratch);
    Atomics.store(job.control, 1 + c, 1);
  };
  for (let c = Atomics.add(job.control, 0, 1); c < chunks; c = Atomics.add(job.control, 0, 1)) unit(c);
  for (let c = 0; c < chunks; c++)
    if (Atomics.load(job.control, 1 + c) === 0 && Atomics.wait(job.control, 1 + c, 0, STALL_MS) === 'timed-out')
      unit(c);
  for (const w of workers) void w.terminate();
  return job.out;
}
