import { parentPort, workerData } from 'node:worker_threads';
import { inspectorOrder } from '../core/draw.js';

/** One share of inspectorOrders: the orders of a slice of enterprises, returned as one flat transferable array. */
const { seed, planId, usccs, certNos } = workerData as {
  seed: string;
  planId: string;
  usccs: string[];
  certNos: string[];
};
const flat = new Uint32Array(usccs.length * certNos.length);
usccs.forEach((u, i) => flat.set(inspectorOrder(seed, planId, u, certNos), i * certNos.length));
parentPort!.postMessage(flat, [flat.buffer]);
