import type { Catalog } from '../types.js';

export const results: Catalog = {};
