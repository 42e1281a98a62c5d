import type { Catalog } from '../types.js';

export const audit: Catalog = {};
