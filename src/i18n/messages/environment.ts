import type { Catalog } from '../types.js';

/** Settings read from the environment (not from a command's options). */
export const environment: Catalog = {
  'error.badBusyTimeout': {
    zh: 'SSJ_BUSY_TIMEOUT_MS 必须是不小于 0 的整数毫秒数（收到 "{value}"）。',
    en: 'SSJ_BUSY_TIMEOUT_MS must be a whole number of milliseconds, 0 or more (got "{value}").',
  },
};
