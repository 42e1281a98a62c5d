import type { Register } from '../main.js';

/** Registers the `verify` command(s). */
export const register: Register = (_program, _wrap) => {};
