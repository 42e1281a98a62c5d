import type { Catalog } from '../types.js';

export const demo: Catalog = {};
