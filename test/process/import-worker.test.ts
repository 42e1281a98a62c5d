import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, ssjSpawned, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';

/**
 * `ssj import` of a file above the worker threshold (4 MB), through bin/ssj.js. Spawned on purpose
 * (test/helpers/cli.ts): the rows are parsed in a worker thread whose script (roster-worker.js) exists only in dist/.
 */
const { dir: root, cleanup } = tempDir('ssj-import-worker-');
afterAll(cleanup);
const workdir = () => {
  const d = join(root, 'w');
  mkdirSync(d, { recursive: true });
  return d;
};

describe('a large file (parsed in a worker thread)', () => {
  it('imports 40,000 generated rows and reports a bad row near the end with its line', () => {
    const cwd = workdir();
    const big = join(cwd, 'big.csv');
    writeFileSync(
      big,
      execFileSync(
        process.execPath,
        [join(ROOT, 'fixtures', 'generate.mjs'), 'enterprises', '40000', '--seed', 'e2e'],
        { maxBuffer: 1 << 28 },
      ),
    );
    expect(readFileSync(big).length).toBeGreaterThan(4 << 20); // above the worker threshold
    const r = ssjSpawned(cwd, ['import', 'enterprises', big], { SSJ_NOW: '2024-01-10T02:00:00Z' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('40000 rows from');
    expect(r.stdout).toContain('40000 inserted');
    const lines = readFileSync(big, 'utf8').split('\n');
    lines[39990] = `${lines[39990]!.slice(0, 17)}${lines[39990]![17] === '0' ? '1' : '0'}${lines[39990]!.slice(18)}`;
    writeFileSync(big, lines.join('\n'));
    const before = dumpDb(join(cwd, 'ssj.db'));
    const b = ssjSpawned(cwd, ['import', 'enterprises', big], { SSJ_NOW: '2024-01-10T02:00:00Z' });
    expect(b.code).toBe(3);
    expect(b.stderr).toContain('line 39991, 统一社会信用代码: the check character');
    expect(dumpDb(join(cwd, 'ssj.db'))).toEqual(before);
  });
});
