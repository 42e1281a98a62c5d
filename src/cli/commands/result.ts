import type { Register } from '../main.js';

/** Registers the `result` command(s). */
export const register: Register = (_program, _wrap) => {};
