/** Kept for existing imports: the one in-process runner is ssj() in test/helpers/cli.ts. */
export { ssj as ssjIn, type RunResult as Ran } from './cli.js';
