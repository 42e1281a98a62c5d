import type { Catalog } from '../types.js';

export const events: Catalog = {};
