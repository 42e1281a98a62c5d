import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, staleDistReason } from '../helpers/cli.js';

/**
 * Vitest globalSetup of the full suite: the spawned tests (test/process/) run bin/ssj.js, which runs dist/. Build
 * it when any src/ file is newer, so no test ever runs code older than the source (`npm run test:fast` runs no
 * spawned test and skips this).
 */
export default function setup(): void {
  const why = staleDistReason();
  if (!why) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  const still = staleDistReason();
  if (still)
    throw new Error(`dist/ is stale (${why}) and tsc did not bring it up to date (${still}):\n${r.stdout}${r.stderr}`);
  // tsc emits even with type errors; the suite runs, and `npm test` reports them in its own tsc step.
  if (r.status !== 0) console.warn(`tsc reported errors while building dist/ for the spawned tests:\n${r.stdout}`);
}
