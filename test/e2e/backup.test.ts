import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, ssj } from '../helpers/cli.js';
import { drawnFixtureDb, ssjOk, type FixtureDb } from '../helpers/drawn-db.js';

let fx: FixtureDb;
beforeAll(() => {
  fx = drawnFixtureDb();
});
afterAll(() => fx?.cleanup());

const headOf = (dir: string, ...db: string[]) =>
  (JSON.parse(ssjOk(dir, [...db, '--json', 'audit', 'verify']).stdout) as { head: { seq: number; hash: string } }).head;
const enterprises = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('ssj backup FILE', () => {
  it('writes a copy that audit verify accepts, with the same chain head', () => {
    const r = ssjOk(fx.dir, ['backup', 'copy.db']);
    expect(r.stdout).toContain('ssj --db');
    expect(headOf(fx.dir, '--db', 'copy.db')).toEqual(headOf(fx.dir));
    expect(enterprises(join(fx.dir, 'copy.db'))).toBe(enterprises(fx.db));
    expect(readdirSync(fx.dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses to overwrite a file (exit 5) unless --force', () => {
    const target = join(fx.dir, 'exists.db');
    writeFileSync(target, 'keep me');
    const r = ssj(fx.dir, ['backup', 'exists.db']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    ssjOk(fx.dir, ['backup', 'exists.db', '--force']);
    expect(headOf(fx.dir, '--db', 'exists.db')).toEqual(headOf(fx.dir));
  });

  it('refuses the database itself as the target (exit 2), and a folder that does not exist (exit 3)', () => {
    expect(ssj(fx.dir, ['backup', 'ssj.db', '--force']).code).toBe(2);
    const r = ssj(fx.dir, ['backup', join('no', 'such', 'dir', 'x.db')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/backup .* failed/i);
    expect(existsSync(join(fx.dir, 'no'))).toBe(false);
  });

  it('takes a consistent copy while another process imports: all of the import or none of it', async () => {
    const csv = join(fx.dir, 'more.csv');
    writeFileSync(
      csv,
      execFileSync(
        process.execPath,
        [join(ROOT, 'fixtures', 'generate.mjs'), 'enterprises', '110000', '--seed', 'backup'],
        { maxBuffer: 1 << 28 },
      ),
    );
    const before = enterprises(fx.db);
    // The generator numbers its rows, so some keys repeat the fixtures': count what the import will leave.
    const d = new Database(fx.db, { readonly: true });
    const keys = new Set((d.prepare('SELECT uscc FROM enterprises').all() as { uscc: string }[]).map((r) => r.uscc));
    d.close();
    for (const line of readFileSync(csv, 'utf8').split('\n').slice(1))
      if (line) keys.add(line.slice(0, line.indexOf(',')));
    const after = keys.size;
    const importing = new Promise<number>((resolve) =>
      spawn(process.execPath, [BIN, 'import', 'enterprises', csv], {
        cwd: fx.dir,
        env: { PATH: process.env.PATH ?? '', HOME: fx.dir, SSJ_LANG: 'en', SSJ_OPERATOR: 'tester' },
        stdio: 'ignore',
      }).on('close', (c) => resolve(c ?? -1)),
    );
    let finished = false;
    const exit = importing.then((code) => ((finished = true), code));
    // Copies taken one after another while the import runs (the last one may come after it).
    const copies: string[] = [];
    while (!finished && copies.length < 20) {
      const name = `online-${copies.length}.db`;
      ssjOk(fx.dir, ['backup', name]);
      copies.push(name);
      await new Promise((r) => setImmediate(r));
    }
    expect(await exit).toBe(0);
    for (const name of copies) {
      ssjOk(fx.dir, ['--db', name, 'audit', 'verify']);
      expect([before, after]).toContain(enterprises(join(fx.dir, name)));
    }
    ssjOk(fx.dir, ['backup', 'after.db']);
    expect(enterprises(join(fx.dir, 'after.db'))).toBe(after);
  });
});
