import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssj, tempDir } from '../helpers/cli.js';

// Publishing must never spread a result edited behind ssj's back: every export re-derives the draw first.
describe('exports refuse a draw whose stored result was edited in the database', () => {
  const t = tempDir('ssj-tamper-');
  const d = join(t.dir, 'demo');
  beforeAll(async () => {
    expect((await ssj(t.dir, ['--now', '2024-01-10T02:00:00Z', 'demo', '--dir', 'demo'])).code).toBe(0);
    const db = new Database(join(d, 'ssj.db'));
    // A seat of plan 2024Q1 (the demo also draws the joint plan 2024LH1).
    const seat = db
      .prepare(
        `SELECT uscc, cert_no FROM team_seats WHERE seat = 2
           AND draw_id = (SELECT id FROM draws WHERE plan_id = '2024Q1' AND status = 'active') ORDER BY uscc LIMIT 1`,
      )
      .get() as {
      uscc: string;
      cert_no: string;
    };
    const other = db
      .prepare(
        `SELECT cert_no FROM inspectors WHERE cert_no NOT IN (SELECT cert_no FROM team_seats WHERE uscc = ?) LIMIT 1`,
      )
      .get(seat.uscc) as { cert_no: string };
    db.prepare(`UPDATE team_seats SET cert_no = ? WHERE uscc = ? AND seat = 2`).run(other.cert_no, seat.uscc);
    db.close();
  });
  afterAll(t.cleanup);

  it.each([
    ['announcement', ['export', 'announcement', '--plan', '2024Q1', '--format', 'txt', '--out', 'a.txt'], 'a.txt'],
    ['bundle', ['export', 'bundle', '--plan', '2024Q1', '--out', 'b'], 'b'],
    ['site', ['export', 'site', '--year', '2024', '--out', 's'], 's/index.html'],
    ['filing', ['export', 'filing', '--plan', '2024Q1', '--out', 'f.html'], 'f.html'],
  ])('%s exits 1 and writes nothing', async (_name, args, out) => {
    const r = await ssj(d, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/audit verify/);
    expect(existsSync(join(d, out))).toBe(false);
  });
});

describe('bundle paths as users mistype them', () => {
  const t = tempDir('ssj-paths-');
  afterAll(t.cleanup);

  it('verify on a work folder says there is no manifest; export bundle onto a file is a usage error', async () => {
    expect((await ssj(t.dir, ['demo', '--dir', 'd'])).code).toBe(0);
    const d = join(t.dir, 'd');
    const v = await ssj(d, ['verify', '.']);
    expect(v.code).toBe(3);
    expect(v.stderr).toMatch(/no manifest\.json/);
    const b = await ssj(d, ['export', 'bundle', '--plan', '2024Q1', '--out', '2024Q1-预告.txt']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/existing file/);
  });
});
