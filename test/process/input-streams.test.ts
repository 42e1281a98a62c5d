import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ssjSpawned, tempDir, testEnv } from '../helpers/cli.js';

/**
 * Issue 13 finding 10: inputs that are not plain files. Spawned on purpose: standard input, a FIFO and bash's
 * `<(…)` exist only for a real process, and a file with a cell over 4 MiB is large enough for the import's worker
 * thread (dist/ only). Each case has a time limit: the finding was a hang.
 */
const t = tempDir('ssj-streams-');
afterAll(t.cleanup);
const env = { SSJ_NOW: '2024-01-10T02:00:00Z' };
const enterprises = join(FIXTURES, 'enterprises.csv');
let cwd: string;
const dbBytes = () => readFileSync(join(cwd, 'ssj.db'));

beforeAll(() => {
  cwd = join(t.dir, 'w');
  mkdirSync(cwd);
  expect(ssjSpawned(cwd, ['import', 'inspectors', join(FIXTURES, 'inspectors.csv')], env).code).toBe(0);
});

describe('inputs read once as streams (issue 13 finding 10)', () => {
  it('`-` reads standard input once', () => {
    const r = ssjSpawned(cwd, ['import', 'enterprises', '-', '--dry-run'], env, readFileSync(enterprises, 'utf8'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('120 rows from stdin');
  });

  it('a FIFO is read once, not opened twice (it hung forever)', async () => {
    const fifo = join(t.dir, 'roster.fifo');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat "${enterprises}" > "${fifo}"`]);
    const r = spawnSync(process.execPath, [BIN, 'import', 'enterprises', fifo, '--dry-run'], {
      cwd,
      encoding: 'utf8',
      env: testEnv(cwd, env),
      timeout: 30_000,
    });
    await new Promise((resolve) => writer.on('close', resolve));
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('120 rows');
  });

  it('bash\'s <(…) is read (it was "empty")', () => {
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" import enterprises <(cat "${enterprises}") --dry-run`],
      {
        cwd,
        encoding: 'utf8',
        env: testEnv(cwd, env),
        timeout: 30_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('120 rows');
  });

  it('/dev/zero is refused at its first NUL byte (it was read forever); the database byte-identical', () => {
    const before = dbBytes();
    const started = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'import', 'enterprises', '/dev/zero'], {
      cwd,
      encoding: 'utf8',
      env: testEnv(cwd, env),
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('/dev/zero is not a text file (NUL bytes on line 1)');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(dbBytes()).toEqual(before);
    expect(existsSync(join(cwd, 'ssj.db-wal'))).toBe(false);
  });
});

describe('an oversized cell says what it is (issue 13 finding 10)', () => {
  it('a cell over 4 MiB names its line and column, in English and Chinese; the database byte-identical', () => {
    const [head, first] = readFileSync(enterprises, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    const cells = first!.split(',');
    cells[4] = `"${'址'.repeat((4 << 20) + 100_000)}"`; // 住所: past the reader's limit by more than a chunk
    const file = join(t.dir, 'huge-cell.csv');
    writeFileSync(file, `${head}\n${cells.join(',')}\n`);
    const before = dbBytes();
    const r = ssjSpawned(cwd, ['import', 'enterprises', file], env);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('huge-cell.csv line 2, column "住所": a cell longer than 4194304 characters');
    expect(r.stderr).not.toContain('never closed.');
    const zh = ssjSpawned(cwd, ['import', 'enterprises', file], { ...env, SSJ_LANG: 'zh' });
    expect(zh.stderr).toContain('huge-cell.csv 第 2 行“住所”列：单元格超过 4194304 个字符');
    expect(dbBytes()).toEqual(before);
  });
});
