import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from './cli.js';
import {
  FIXTURE_FROZEN_AT,
  FIXTURE_NOW,
  FIXTURE_ROSTERS,
  FIXTURE_SEED_RFC3797,
  FIXTURE_SEED_SOURCE,
} from './drawn-db.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process (no spawn: fast on a loaded machine), with the deterministic environment of ssj(). */
export async function ssjIn(dir: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string | Uint8Array) => (add(String(s)), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: 'en', SSJ_OPERATOR: 'tester', NO_COLOR: '1', ...env },
    cwd: dir,
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

export async function ssjInOk(dir: string, args: string[], expected = 0): Promise<Ran> {
  const r = await ssjIn(dir, args);
  if (r.code !== expected)
    throw new Error(`ssj ${args.join(' ')} exited ${r.code}, expected ${expected}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The fixture database of drawn-db.ts (rosters, plan 2024Q1 frozen and drawn), built in-process. */
export async function drawnInProcess(): Promise<{ dir: string; db: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir('ssj-safe-');
  const step = (args: string[], now = FIXTURE_NOW) => ssjInOk(dir, ['--now', now, ...args]);
  for (const f of FIXTURE_ROSTERS)
    if (existsSync(join(FIXTURES, f))) await step(['import', f.replace(/\.csv$/, ''), join(FIXTURES, f)]);
  await step(['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
  await step(['plan', 'freeze', '2024Q1', '--seed-source', FIXTURE_SEED_SOURCE], FIXTURE_FROZEN_AT);
  await step(['draw', '--plan', '2024Q1', '--seed-rfc3797', FIXTURE_SEED_RFC3797, '--yes']);
  return { dir, db: join(dir, 'ssj.db'), cleanup };
}
