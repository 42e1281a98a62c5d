import type { Catalog } from '../types.js';

export const rosters: Catalog = {};
