import type { Catalog } from '../types.js';

export const verify: Catalog = {};
