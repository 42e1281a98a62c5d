import { workerData } from 'node:worker_threads';
import { inspectorOrder } from '../core/draw.js';

/** A helper of inspectorOrdersSync (./orders-sync.ts): takes units from the shared counter until none is left. */
const { seed, planId, usccs, certNos, out, control, chunk } = workerData as {
  seed: string;
  planId: string;
  usccs: string[];
  certNos: string[];
  out: Uint32Array;
  control: Int32Array;
  chunk: number;
};
const n = usccs.length;
const m = certNos.length;
const chunks = Math.ceil(n / chunk);
for (let c = Atomics.add(control, 0, 1); c < chunks; c = Atomics.add(control, 0, 1)) {
  for (let i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++)
    out.set(inspectorOrder(seed, planId, usccs[i]!, certNos), i * m);
  Atomics.store(control, 1 + c, 1);
  Atomics.notify(control, 1 + c);
}
