import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/main.js';
import { assertFreshDist, BIN, ssjSpawned, tempDir, testEnv } from '../helpers/cli.js';

/**
 * The binary itself, which the in-process tests never start: the shebang, the exit status a shell sees, and a
 * reader that closes the pipe early. Spawned on purpose (test/helpers/cli.ts).
 */
const t = tempDir('ssj-bin-');
afterAll(t.cleanup);

describe('bin/ssj.js', () => {
  it('runs as a program through its shebang', () => {
    assertFreshDist();
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const r = spawnSync(BIN, ['--version'], { cwd: t.dir, encoding: 'utf8', env: testEnv(t.dir) });
    expect(r.error).toBeUndefined();
    expect([r.status, r.stdout.trim(), r.stderr]).toEqual([0, VERSION, '']);
  });

  it('gives the shell the exit code of the error (4: the database does not exist)', () => {
    const r = ssjSpawned(t.dir, ['--db', 'missing.db', 'audit', 'verify']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('missing.db');
    expect(r.stdout).toBe('');
  });

  it('exits quietly with status 0 when the reader closes the pipe first (ssj … | head)', () => {
    assertFreshDist();
    // `true` exits without reading, so every write of ssj meets a closed pipe (EPIPE).
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" --help 2>err.txt | true`], {
      cwd: t.dir,
      encoding: 'utf8',
      env: testEnv(t.dir),
    });
    expect(r.status).toBe(0);
    expect(readFileSync(join(t.dir, 'err.txt'), 'utf8')).toBe('');
  });
});
