import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'ssj.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp directory per test, removed afterwards unless SSJ_KEEP_TMP is set. */
export function tempDir(prefix = 'ssj-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => (process.env.SSJ_KEEP_TMP ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

/** Spawn bin/ssj.js as a user would type it, in `cwd`, with a clean, deterministic environment. */
export function ssj(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): RunResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      SSJ_LANG: 'en',
      SSJ_OPERATOR: 'tester',
      NO_COLOR: '1',
      ...env,
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
