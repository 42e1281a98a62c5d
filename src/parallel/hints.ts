import type { DrawHints } from '../core/draw.js';
import { eKeysSync } from './ekeys-sync.js';
import { inspectorOrdersSync } from './orders-sync.js';

/**
 * Everything the draw, the replay before a publication and `ssj verify` may compute on every core: the E keys that
 * leave only a few enterprises to hash in full, and the inspector orders. Hints only save work (the same bytes;
 * test/unit/fast-path.test.ts, test/process/parallel-orders.test.ts).
 */
export const PARALLEL: Pick<DrawHints, 'orderSource' | 'eKeySource'> = {
  orderSource: inspectorOrdersSync,
  eKeySource: eKeysSync,
};
