import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir } from '../helpers/cli.js';

/**
 * Issue 13 finding 9 / part 7: a --db file that is not an ssj database (empty, text, another program's SQLite file,
 * damaged) is refused with its own message, never silently made a new database or reported as an internal error, and
 * the file is left as it was. A full disk and read-only media: test/process/env-faults.test.ts (they need a mount).
 */
const t = tempDir('ssj-db-faults-');
afterAll(t.cleanup);

describe('--db that is not an ssj database (issue 13 finding 9)', () => {
  const cases: [string, (p: string) => void, RegExp, number][] = [
    ['an empty file', (p) => writeFileSync(p, ''), /is an empty file, not an ssj database/, 3],
    ['a text file', (p) => writeFileSync(p, 'hello\n'), /is not an ssj database \(not an SQLite file\)/, 3],
    [
      "another program's SQLite database",
      (p) => {
        const other = new Database(p);
        other.exec('CREATE TABLE contacts (name TEXT)');
        other.close();
      },
      /is an SQLite database of another program/,
      3,
    ],
    [
      'a damaged ssj database',
      (p) => {
        copyFileSync(join(t.dir, 'good.db'), p);
        const b = readFileSync(p);
        b.fill(0xff, 4096 * 2, 4096 * 6); // pages of the schema and tables
        writeFileSync(p, b);
      },
      /is damaged \(SQLITE_(CORRUPT|NOTADB)\)/,
      3,
    ],
  ];
  beforeAll(async () => {
    const dir = join(t.dir, 'good');
    mkdirSync(dir);
    expect((await ssj(dir, ['import', 'enterprises', join(FIXTURES, 'enterprises.csv')])).code).toBe(0);
    copyFileSync(join(dir, 'ssj.db'), join(t.dir, 'good.db'));
  });
  for (const [what, make, message, code] of cases)
    it(`${what}: audit verify and import refuse it with a clear message (exit ${code}), the file untouched`, async () => {
      const p = join(t.dir, `${what.replace(/\W+/g, '-')}.db`);
      make(p);
      const before = readFileSync(p);
      for (const args of [
        ['audit', 'verify'],
        ['import', 'enterprises', join(FIXTURES, 'enterprises.csv')],
      ]) {
        const r = await ssj(t.dir, ['--db', p, ...args]);
        expect(r.code, r.stderr).toBe(code);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toContain('maintainers');
      }
      expect(readFileSync(p).equals(before)).toBe(true);
    });
});
