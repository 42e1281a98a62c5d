import { parentPort, workerData } from 'node:worker_threads';
import { SsjError } from '../errors.js';
import { checkedRows, type RowsRequest, type WorkerMessage } from './roster-rows.js';

/**
 * Worker thread of a large import: parses and checks rows (roster-rows.ts) while the main thread writes the
 * previous chunks to the database. Back-pressure: at most CREDITS chunks (of 64 KB of text each) are in flight; the main thread returns
 * a credit for each chunk it has written, so memory stays flat however large the file.
 */
export const CREDITS = 16;

async function main(): Promise<void> {
  const port = parentPort!;
  let credits = CREDITS;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  try {
    for await (const event of checkedRows(workerData as RowsRequest)) {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      wake = undefined;
      credits--;
      port.postMessage({ type: 'event', event } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'done' } satisfies WorkerMessage);
  } catch (e) {
    if (e instanceof SsjError)
      port.postMessage({ type: 'error', kind: e.kind, code: e.code, details: e.details } satisfies WorkerMessage);
    else
      port.postMessage({
        type: 'crash',
        message: (e as Error)?.message ?? String(e),
        stack: (e as Error)?.stack,
      } satisfies WorkerMessage);
  }
  port.close();
}

if (parentPort) await main();
