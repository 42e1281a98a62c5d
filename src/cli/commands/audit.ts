import type { Register } from '../main.js';

/** Registers the `audit` command(s). */
export const register: Register = (_program, _wrap) => {};
