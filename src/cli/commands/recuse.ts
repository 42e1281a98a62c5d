import type { Register } from '../main.js';

/** Registers the `recuse` command(s). */
export const register: Register = (_program, _wrap) => {};
