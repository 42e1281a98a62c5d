import type { Register } from '../main.js';

/** Registers the `draw` command(s). */
export const register: Register = (_program, _wrap) => {};
