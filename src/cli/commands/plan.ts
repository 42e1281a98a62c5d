import type { Register } from '../main.js';

/** Registers the `plan` command(s). */
export const register: Register = (_program, _wrap) => {};
