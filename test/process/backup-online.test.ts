import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ssjOk, ssjSpawnedOk, startSpawned } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * `ssj backup` while another ssj process imports. Spawned on purpose (test/helpers/cli.ts): the import is a second
 * process holding the write lock, and each backup is a process of its own that takes as long as a user's would, so
 * the copies are spread over the import. The copies are checked afterwards in-process.
 */

let fx: FixtureDb;
beforeAll(() => {
  fx = drawnFixtureDb();
});
afterAll(() => fx?.cleanup());

const enterprises = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('ssj backup FILE', () => {
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
      startSpawned(fx.dir, ['import', 'enterprises', csv]).child.on('close', (c) => resolve(c ?? -1)),
    );
    let finished = false;
    const exit = importing.then((code) => ((finished = true), code));
    // Copies taken one after another while the import runs (the last one may come after it).
    const copies: string[] = [];
    while (!finished && copies.length < 20) {
      const name = `online-${copies.length}.db`;
      ssjSpawnedOk(fx.dir, ['backup', name]);
      copies.push(name);
      await new Promise((r) => setImmediate(r));
    }
    expect(await exit).toBe(0);
    // Checking the copies needs no process of its own: in-process.
    for (const name of copies) {
      await ssjOk(fx.dir, ['--db', name, 'audit', 'verify']);
      expect([before, after]).toContain(enterprises(join(fx.dir, name)));
    }
    await ssjOk(fx.dir, ['backup', 'after.db']);
    expect(enterprises(join(fx.dir, 'after.db'))).toBe(after);
  });
});
