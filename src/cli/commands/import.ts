import type { Register } from '../main.js';

/** Registers the `import` command(s). */
export const register: Register = (_program, _wrap) => {};
