import type { Register } from '../main.js';

/** Registers the `demo` command(s). */
export const register: Register = (_program, _wrap) => {};
