import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUsccCheck } from '../../src/domain/uscc.js';
import { BIN, FIXTURES, ssjSpawned, tempDir } from '../helpers/cli.js';
import { FIXTURE_NOW, FIXTURE_SEED_RFC3797, frozenFixtureDb } from '../helpers/drawn-db.js';

/**
 * Issue 13 finding 9 / part 7: a full disk and read-only media. Spawned on purpose: each case runs ssj inside a
 * private mount namespace (`unshare -rm`) with a small tmpfs or a read-only bind mount, which only a separate process
 * can have. Skipped where unprivileged user namespaces are not available.
 */
const canMount =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"'])
    .status === 0;

const t = tempDir('ssj-env-faults-');
afterAll(t.cleanup);
const node = process.execPath;

/**
 * Run a shell script in a fresh mount namespace; ssj is "$NODE" "$SSJ_BIN" (bin/ssj.js with this node). Async, so
 * the test worker's event loop keeps answering vitest while the script runs.
 */
function inNamespace(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('unshare', ['-rm', 'sh', '-c', `set -e\n${script}`], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE: node,
      SSJ_BIN: BIN,
      SSJ_LANG: 'en',
      SSJ_OPERATOR: 'tester',
      NO_COLOR: '1',
      HOME: t.dir,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The lines "NAME=value" the scripts print, as a record. */
const vars = (stdout: string) =>
  Object.fromEntries(stdout.split('\n').flatMap((l) => (/^\w+=/.test(l) ? [l.split(/=(.*)/s).slice(0, 2)] : [])));

describe.skipIf(!canMount)('a full disk: exit 5, a clear message, nothing changed (issue 13 finding 9)', () => {
  let base: string;
  let big: string;
  beforeAll(() => {
    base = join(t.dir, 'base');
    mkdirSync(base);
    expect(ssjSpawned(base, ['import', 'inspectors', join(FIXTURES, 'inspectors.csv')]).code).toBe(0);
    // 20,000 enterprises: several MB of database pages, far more than the 1 MB tmpfs has left.
    const rows = ['统一社会信用代码,单位名称,行业类别,行政区划'];
    for (let i = 0; i < 20_000; i++)
      rows.push(`${withUsccCheck(`91371322MA${String(i).padStart(7, '0')}`)},青禾县测试企业${i}有限公司,机械,青城镇`);
    big = join(t.dir, 'big.csv');
    writeFileSync(big, `${rows.join('\n')}\n`);
  });

  it('import on a full disk (a 1 MB tmpfs): exit 5 "the disk is full", the database byte-identical and still verifying', async () => {
    const m = join(t.dir, 'mnt-import');
    mkdirSync(m);
    const r = await inNamespace(
      `mount -t tmpfs -o size=1m tmpfs "${m}"
cp "${base}/ssj.db" "${m}/ssj.db"
set +e
"$NODE" "$SSJ_BIN" --db "${m}/ssj.db" import enterprises "${big}" 2>"${m}/err"
echo "rc=$?"
set -e
echo "err=$(tr '\\n' ' ' < "${m}/err")"
echo "before=$(sha256sum < "${base}/ssj.db" | cut -c1-64)"
echo "after=$(sha256sum < "${m}/ssj.db" | cut -c1-64)"
echo "files=$(ls "${m}" | tr '\\n' ' ')"
"$NODE" "$SSJ_BIN" --db "${m}/ssj.db" audit verify >/dev/null 2>&1 && echo "verify=ok" || echo "verify=failed"`,
    );
    const v = vars(r.stdout);
    expect(v.rc, r.stdout + r.stderr).toBe('5');
    expect(v.err).toContain('The disk is full');
    expect(v.err).toContain('the database is unchanged');
    expect(v.err).not.toContain('report');
    expect(v.after).toBe(v.before);
    expect(v.files).not.toContain('ssj.db-wal'); // nothing half-written left beside it
    expect(v.verify).toBe('ok');
  });

  it('draw on a full disk: exit 5, nothing drawn, the database byte-identical', async () => {
    const frozen = frozenFixtureDb();
    try {
      const m = join(t.dir, 'mnt-draw');
      mkdirSync(m);
      // Fill the tmpfs so that opening still works (the 32 KB -shm) but the draw's pages do not fit.
      const r = await inNamespace(
        `mount -t tmpfs -o size=2m tmpfs "${m}"
cp "${frozen.db}" "${m}/ssj.db"
before=$(sha256sum < "${m}/ssj.db" | cut -c1-64)
free=$(df -k --output=avail "${m}" | tail -1)
head -c $(( (free - 48) * 1024 )) /dev/zero > "${m}/filler" || true
set +e
"$NODE" "$SSJ_BIN" --db "${m}/ssj.db" --now ${FIXTURE_NOW} draw --plan 2024Q1 --seed-rfc3797 "${FIXTURE_SEED_RFC3797}" --yes >/dev/null 2>"${m}/err"
echo "rc=$?"
set -e
echo "err=$(tr '\\n' ' ' < "${m}/err")"
echo "before=$before"
echo "after=$(sha256sum < "${m}/ssj.db" | cut -c1-64)"
rm "${m}/filler"
"$NODE" "$SSJ_BIN" --db "${m}/ssj.db" plan show 2024Q1 --json > "${m}/show" 2>/dev/null || true
echo "status=$(grep -o '"status": *"[a-z]*"' "${m}/show" | head -1)"`,
      );
      const v = vars(r.stdout);
      expect(v.rc, r.stdout + r.stderr).toBe('5');
      expect(v.err).toContain('The disk is full');
      expect(v.err).toContain('the database is unchanged');
      expect(v.after).toBe(v.before);
      expect(v.status).toContain('frozen');
    } finally {
      frozen.cleanup();
    }
  });
});

describe.skipIf(!canMount)('read-only media (issue 13 finding 9)', () => {
  it('read commands work on a database on a read-only mount; a write is exit 5 "read-only", nothing changed', async () => {
    const dir = join(t.dir, 'ro');
    mkdirSync(dir);
    expect(ssjSpawned(dir, ['import', 'enterprises', join(FIXTURES, 'enterprises.csv')]).code).toBe(0);
    const before = readFileSync(join(dir, 'ssj.db'));
    const r = await inNamespace(
      `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}"
cd /
set +e
"$NODE" "$SSJ_BIN" --db "${dir}/ssj.db" audit verify > /tmp/verify-out 2>&1; echo "verify=$?"
"$NODE" "$SSJ_BIN" --db "${dir}/ssj.db" list enterprises --limit 1 --json > /dev/null 2>&1; echo "list=$?"
"$NODE" "$SSJ_BIN" --db "${dir}/ssj.db" import enterprises "${FIXTURES}/enterprises.csv" --replace 2> /tmp/import-err; echo "import=$?"
echo "err=$(tr '\\n' ' ' < /tmp/import-err)"
echo "files=$(ls "${dir}" | tr '\\n' ' ')"`,
    );
    const v = vars(r.stdout);
    expect(v.verify, r.stdout + r.stderr).toBe('0');
    expect(v.list).toBe('0');
    expect(v.import).toBe('5');
    expect(v.err).toContain('is read-only');
    expect(v.err).toContain('Commands that only read');
    expect(v.files?.trim()).toBe('ssj.db');
    expect(readFileSync(join(dir, 'ssj.db')).equals(before)).toBe(true);
  });
});
