import { workerData } from 'node:worker_threads';
import { eKeyScratch, eKeysUnit, type EKeyJob } from './ekeys-kernel.js';

/** A helper of eKeysSync (./ekeys-sync.ts): takes units from the shared counter until none is left. */
const job = workerData as EKeyJob;
const chunks = Math.ceil(job.out.length / job.unit);
const scratch = eKeyScratch(job);
for (let c = Atomics.add(job.control, 0, 1); c < chunks; c = Atomics.add(job.control, 0, 1)) {
  eKeysUnit(job, c, scratch);
  Atomics.store(job.control, 1 + c, 1);
  Atomics.notify(job.control, 1 + c);
}
