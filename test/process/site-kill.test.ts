import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree } from '../../src/io/atomic.js';
import { assertFreshDist, BIN, ssjOk, ssjSpawnedOk, testEnv } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * Issue 13, finding 6: a killed `export site` over an earlier export once left a truncated pool-enterprises.csv and
 * new bundles beside old task pages. Spawned on purpose: the process is killed with SIGKILL at many points.
 */

let fx: FixtureDb;
beforeAll(() => {
  fx = drawnFixtureDb();
});
afterAll(() => fx?.cleanup());

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Hash of every file under a folder (relative path -> sha256), to compare whole trees. */
function tree(dir: string): string {
  const out: Record<string, string> = {};
  for (const rel of listTree(dir)) if (!rel.endsWith('/')) out[rel] = digest(join(dir, rel));
  return JSON.stringify(out);
}

describe('finding 6: half-written files', () => {
  it('kill -9 during export site over an earlier export, at many delays, leaves the old or the new folder whole', async () => {
    const site = join(fx.dir, 'site-kill');
    assertFreshDist();
    const env = testEnv(fx.dir);
    const oldNow = '2024-01-10T02:00:00Z';
    const newNow = '2024-06-01T02:00:00Z';
    const fresh = join(fx.dir, 'site-new');
    // The first export records each announcement's first publication (an audit entry, so a new chain head): every
    // export after it prints the same pages. Make it first, so the reference trees are what later exports write.
    await ssjOk(fx.dir, ['--now', newNow, 'export', 'site', '--year', '2024', '--out', join(fx.dir, 'site-first')]);
    await ssjOk(fx.dir, ['--now', newNow, 'export', 'site', '--year', '2024', '--out', fresh]);
    const old = join(fx.dir, 'site-old');
    await ssjOk(fx.dir, ['--now', oldNow, 'export', 'site', '--year', '2024', '--out', old]);
    const oldTree = tree(old);
    const newTree = tree(fresh);
    expect(oldTree).not.toEqual(newTree);
    // How long one export takes here, so the kills spread over the whole run.
    const t0 = Date.now();
    ssjSpawnedOk(fx.dir, ['--now', newNow, 'export', 'site', '--year', '2024', '--out', join(fx.dir, 'timing')]);
    const span = Date.now() - t0;
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < 12; i++) {
      rmSync(site, { recursive: true, force: true });
      cpSync(old, site, { recursive: true });
      // Kills spread over 0–150% of one export's time; the last round is never killed, so at least one run must
      // finish and leave the new folder whole however slow the machine is at that moment.
      const delay = i === 11 ? Number.POSITIVE_INFINITY : Math.round((span * 1.5 * i) / 10);
      await new Promise<void>((resolve) => {
        const child = spawn(
          process.execPath,
          [BIN, '--now', newNow, 'export', 'site', '--year', '2024', '--out', site],
          {
            cwd: fx.dir,
            env,
            stdio: 'ignore',
          },
        );
        const timer = Number.isFinite(delay) ? setTimeout(() => child.kill('SIGKILL'), delay) : undefined;
        child.on('close', () => (clearTimeout(timer), resolve()));
      });
      const now = tree(site);
      const whole = now === oldTree ? 'old' : now === newTree ? 'new' : 'mixed';
      expect({ delay, whole }).not.toEqual({ delay, whole: 'mixed' });
      seen[whole as 'old' | 'new']++;
    }
    // The unkilled last run finished: the new folder, whole.
    expect(seen.new).toBeGreaterThan(0);
  }, 600_000);
});
