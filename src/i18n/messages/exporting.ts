import type { Catalog } from '../types.js';

export const exporting: Catalog = {};
