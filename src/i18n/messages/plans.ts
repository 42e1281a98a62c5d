import type { Catalog } from '../types.js';

export const plans: Catalog = {};
