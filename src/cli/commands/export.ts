import type { Register } from '../main.js';

/** Registers the `export` command(s). */
export const register: Register = (_program, _wrap) => {};
