import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ssjOk, startSpawned as start, tempDir } from '../helpers/cli.js';
import { frozenFixtureDb } from '../helpers/drawn-db.js';

/**
 * Misuse an office tool meets: two officers drawing the same plan at the same moment, two imports at once, a laptop
 * that dies in the middle of an import. Real processes (bin/ssj.js) against one database file; no timing assertions.
 * Spawned on purpose (test/helpers/cli.ts): the processes racing for the lock, and the one killed, are the point.
 * Checks afterwards (audit verify, a small import) run in-process.
 */

/** The keys (first column) of a generated roster file. */
function keysOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.slice(0, l.indexOf(',')));
}

/** Rows a table must hold after importing these files: the generator numbers its rows, so keys repeat the fixtures'. */
function unionCount(db: string, table: 'enterprises' | 'inspectors', files: string[]): number {
  const d = new Database(db, { readonly: true });
  const key = table === 'enterprises' ? 'uscc' : 'cert_no';
  const keys = new Set((d.prepare(`SELECT ${key} AS k FROM ${table}`).all() as { k: string }[]).map((r) => r.k));
  d.close();
  for (const f of files) for (const k of keysOf(f)) keys.add(k);
  return keys.size;
}

/** Every key of the file is in the table. */
function missingKeys(db: string, table: 'enterprises' | 'inspectors', file: string): number {
  const d = new Database(db, { readonly: true });
  const key = table === 'enterprises' ? 'uscc' : 'cert_no';
  const keys = new Set((d.prepare(`SELECT ${key} AS k FROM ${table}`).all() as { k: string }[]).map((r) => r.k));
  d.close();
  return keysOf(file).filter((k) => !keys.has(k)).length;
}

function count(db: string, sql: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

const { dir: root, cleanup } = tempDir('ssj-concurrency-');
afterAll(cleanup);

/** The fixtures imported and plan 2024Q1 added and frozen, not drawn: the moment before a draw. */
let frozenDb: string;
let template: ReturnType<typeof frozenFixtureDb> | undefined;
beforeAll(() => {
  template = frozenFixtureDb();
  frozenDb = template.db;
});
afterAll(() => template?.cleanup());

function freshCopy(name: string): { dir: string; db: string } {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(frozenDb, join(dir, 'ssj.db'));
  return { dir, db: join(dir, 'ssj.db') };
}

describe('two ssj draw processes on the same plan at the same moment', () => {
  it('store exactly one draw; the other exits 5 and the audit log verifies (10 rounds)', async () => {
    for (let round = 1; round <= 10; round++) {
      const { dir, db } = freshCopy(`race-${round}`);
      const draw = (seed: string) => start(dir, ['--json', 'draw', '--plan', '2024Q1', '--seed', seed, '--yes']);
      const [a, b] = await Promise.all([draw(`甲 ${round}`).done, draw(`乙 ${round}`).done]);
      const codes = [a.code, b.code].sort();
      expect(codes, `round ${round}\n${a.stderr}\n${b.stderr}`).toEqual([0, 5]);
      const [winner, loser] = a.code === 0 ? [a, b] : [b, a];
      expect(loser.stderr).toMatch(/already drawn|busy/i);
      expect(count(db, 'SELECT count(*) AS n FROM draws')).toBe(1);
      const stored = new Database(db, { readonly: true }).prepare('SELECT seed FROM draws').get() as { seed: string };
      expect(stored.seed).toBe((JSON.parse(winner.stdout) as { seed: string }).seed);
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'draw'")).toBe(1);
      const verify = await ssjOk(dir, ['audit', 'verify']);
      expect(verify.stdout).toContain('1 draw(s)');
    }
  });
});

describe('a draw while another process holds the write lock', () => {
  /** Hold the database's write lock from this process, as a long import in another ssj would. */
  function holdWriteLock(db: string): { release: () => void } {
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT INTO settings (key, value) VALUES ('test.lock', 'held')").run();
    return { release: () => (holder.exec('ROLLBACK'), holder.close()) };
  }

  it('waits for a short lock and then stores the draw', async () => {
    const { dir, db } = freshCopy('lock-short');
    const lock = holdWriteLock(db);
    const run = start(dir, ['draw', '--plan', '2024Q1', '--seed', '等待', '--yes']);
    await new Promise((r) => setTimeout(r, 1500));
    lock.release();
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM draws')).toBe(1);
    await ssjOk(dir, ['audit', 'verify']);
  });

  it('gives up after the busy timeout with exit 5 and db.busy, storing nothing', async () => {
    const { dir, db } = freshCopy('lock-long');
    const lock = holdWriteLock(db);
    // A short busy timeout ($SSJ_BUSY_TIMEOUT_MS) instead of the default 15 s: the same refusal, sooner.
    const r = await start(dir, ['draw', '--plan', '2024Q1', '--seed', '等待', '--yes'], { SSJ_BUSY_TIMEOUT_MS: '300' })
      .done;
    lock.release();
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('The database is busy in another ssj process');
    expect(count(db, 'SELECT count(*) AS n FROM draws')).toBe(0);
    await ssjOk(dir, ['audit', 'verify']);
  });
});

/** Split a roster CSV into two files with the same header and the halves of the rows. */
function halves(file: string, dir: string): [string, string] {
  const [header, ...rows] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => l !== '');
  const mid = Math.floor(rows.length / 2);
  const a = join(dir, 'first-half.csv');
  const b = join(dir, 'second-half.csv');
  writeFileSync(a, [header, ...rows.slice(0, mid), ''].join('\n'));
  writeFileSync(b, [header, ...rows.slice(mid), ''].join('\n'));
  return [a, b];
}

function generate(dir: string, kind: string, n: number, seed = 'concurrency'): string {
  const file = join(dir, `${kind}-${n}.csv`);
  writeFileSync(
    file,
    execFileSync(process.execPath, [join(ROOT, 'fixtures', 'generate.mjs'), kind, String(n), '--seed', seed], {
      maxBuffer: 1 << 30,
    }),
  );
  return file;
}

describe('two imports at once', () => {
  it('are serialised: both halves of one enterprise file land whole, with one import record and log entry each (3 rounds)', async () => {
    const big = generate(root, 'enterprises', 5_000);
    for (let round = 1; round <= 3; round++) {
      const { dir, db } = freshCopy(`imports-${round}`);
      const expected = unionCount(db, 'enterprises', [big]);
      const entries = count(db, 'SELECT count(*) AS n FROM audit_log');
      const imports = count(db, 'SELECT count(*) AS n FROM imports');
      const [a, b] = halves(big, dir);
      const results = await Promise.all([
        start(dir, ['import', 'enterprises', a]).done,
        start(dir, ['import', 'enterprises', b]).done,
      ]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      expect(missingKeys(db, 'enterprises', big)).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM enterprises')).toBe(expected);
      expect(count(db, 'SELECT count(*) AS n FROM imports')).toBe(imports + 2);
      expect(count(db, 'SELECT count(*) AS n FROM audit_log')).toBe(entries + 2);
      await ssjOk(dir, ['audit', 'verify']);
    }
  });

  it('of two different rosters keep every row of both', async () => {
    const { dir, db } = freshCopy('imports-two-rosters');
    const enterprises = generate(dir, 'enterprises', 4_000, 'other');
    const inspectors = generate(dir, 'inspectors', 400, 'other');
    const expected = { e: unionCount(db, 'enterprises', [enterprises]), i: unionCount(db, 'inspectors', [inspectors]) };
    const results = await Promise.all([
      start(dir, ['import', 'enterprises', enterprises]).done,
      start(dir, ['import', 'inspectors', inspectors]).done,
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM enterprises')).toBe(expected.e);
    expect(count(db, 'SELECT count(*) AS n FROM inspectors')).toBe(expected.i);
    expect(missingKeys(db, 'enterprises', enterprises) + missingKeys(db, 'inspectors', inspectors)).toBe(0);
    await ssjOk(dir, ['audit', 'verify']);
  });
});

describe('a process killed in the middle of a large import', () => {
  it('leaves the database as it was, usable, and its backup verifies', async () => {
    const { dir, db } = freshCopy('killed');
    const big = generate(dir, 'enterprises', 300_000, 'killed');
    await ssjOk(dir, ['draw', '--plan', '2024Q1', '--seed', '断电测试', '--yes']);
    const tables = ['enterprises', 'imports', 'audit_log', 'draws', 'selections'];
    const before = Object.fromEntries(tables.map((t) => [t, count(db, `SELECT count(*) AS n FROM ${t}`)]));
    const head = (await ssjOk(dir, ['--json', 'audit', 'verify'])).stdout;

    const run = start(dir, ['import', 'enterprises', big]);
    // Wait until the import writes (its uncommitted pages spill into the WAL), then pull the plug.
    const wal = `${db}-wal`;
    const writing = await new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(wal) && statSync(wal).size > 4 * 1024 * 1024) {
          clearInterval(poll);
          resolve(true);
        }
      }, 20);
      void run.done.then(() => {
        clearInterval(poll);
        resolve(false);
      });
    });
    expect(writing, 'the import finished before it was seen writing').toBe(true);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');

    // Opened again: nothing of the import, the log unchanged and whole.
    for (const t of tables) expect(count(db, `SELECT count(*) AS n FROM ${t}`), t).toBe(before[t]);
    expect(JSON.parse((await ssjOk(dir, ['--json', 'audit', 'verify'])).stdout).head).toEqual(JSON.parse(head).head);
    const quick = new Database(db, { readonly: true });
    expect(quick.pragma('integrity_check', { simple: true })).toBe('ok');
    quick.close();

    // And usable: a backup verifies, and a smaller import goes through.
    await ssjOk(dir, ['backup', 'after-crash.db']);
    await ssjOk(dir, ['--db', 'after-crash.db', 'audit', 'verify']);
    const small = generate(dir, 'enterprises', 1_000, 'after');
    const expected = unionCount(db, 'enterprises', [small]);
    await ssjOk(dir, ['import', 'enterprises', small]);
    expect(count(db, 'SELECT count(*) AS n FROM enterprises')).toBe(expected);
    await ssjOk(dir, ['audit', 'verify']);
  });
});
