import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssj, ssjOk } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

let fx: FixtureDb;
beforeAll(() => {
  fx = drawnFixtureDb();
});
afterAll(() => fx?.cleanup());

const headOf = async (dir: string, ...db: string[]) =>
  (
    JSON.parse((await ssjOk(dir, [...db, '--json', 'audit', 'verify'])).stdout) as {
      head: { seq: number; hash: string };
    }
  ).head;
const enterprises = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

// The copy taken while another process imports is in test/process/backup-online.test.ts (it needs processes).
describe('ssj backup FILE', () => {
  it('writes a copy that audit verify accepts, with the same chain head', async () => {
    const r = await ssjOk(fx.dir, ['backup', 'copy.db']);
    expect(r.stdout).toContain('ssj --db');
    expect(await headOf(fx.dir, '--db', 'copy.db')).toEqual(await headOf(fx.dir));
    expect(enterprises(join(fx.dir, 'copy.db'))).toBe(enterprises(fx.db));
    expect(readdirSync(fx.dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses to overwrite a file (exit 5) unless --force', async () => {
    const target = join(fx.dir, 'exists.db');
    writeFileSync(target, 'keep me');
    const r = await ssj(fx.dir, ['backup', 'exists.db']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    await ssjOk(fx.dir, ['backup', 'exists.db', '--force']);
    expect(await headOf(fx.dir, '--db', 'exists.db')).toEqual(await headOf(fx.dir));
  });

  it('refuses the database itself as the target (exit 2), and a folder that does not exist (exit 3)', async () => {
    expect((await ssj(fx.dir, ['backup', 'ssj.db', '--force'])).code).toBe(2);
    const r = await ssj(fx.dir, ['backup', join('no', 'such', 'dir', 'x.db')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/backup .* failed/i);
    expect(existsSync(join(fx.dir, 'no'))).toBe(false);
  });
});
