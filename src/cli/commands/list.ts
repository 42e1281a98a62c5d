import type { Register } from '../main.js';

/** Registers the `list` command(s). */
export const register: Register = (_program, _wrap) => {};
