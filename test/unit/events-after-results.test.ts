import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { applyEvent } from '../../src/core/events.js';
import { checkedReplay } from '../../src/db/drawing.js';
import { activeDraw, loadState } from '../../src/db/draws.js';
import { openDb, type Db } from '../../src/db/open.js';
import { tempDir } from '../helpers/cli.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput } from '../helpers/protocol.js';

/**
 * Once a result is recorded for an enterprise, its team is a fact: no recusal, swap or replacement touches it, and a
 * swap that would reach into such a team is refused too (#15, DESIGN.md "Nothing is chosen after the seed is known").
 * Every refusal is exit 5 and leaves the database byte-identical.
 */
async function ssjIn(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: 'en', SSJ_OPERATOR: 'tester', NO_COLOR: '1', SSJ_NOW: '2024-02-01T02:00:00Z' },
    cwd: dir,
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

function withDb<T>(path: string, fn: (db: Db) => T): T {
  const db = openDb(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The database file's bytes, after folding the write-ahead log into it. */
function dbBytes(path: string): string {
  withDb(path, (db) => db.pragma('wal_checkpoint(TRUNCATE)'));
  const wal = `${path}-wal`;
  return createHash('sha256')
    .update(readFileSync(path))
    .update(existsSync(wal) ? readFileSync(wal) : '')
    .digest('hex');
}

describe('events after a recorded result (行政处罚法 第四十二条: the officers who inspected are on the record)', () => {
  const t = tempDir('ssj-after-results-');
  const path = join(t.dir, 'ssj.db');
  let checked = '';
  let member = '';
  afterAll(t.cleanup);

  beforeAll(async () => {
    withDb(path, (db) => storeDrawnInput(db, tinyInput()));
    withDb(path, (db) => {
      const state = loadState(db, activeDraw(db, '2024Q1')!.id);
      const teams = [...state.teams].filter(([, seats]) => seats.length > 0);
      checked = teams[0]![0];
      member = teams[0]![1][0]!.certNo;
    });
    const r = await ssjIn(t.dir, [
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      checked,
      '--outcome',
      'no-issue',
      '--date',
      '2024-01-20',
    ]);
    expect(r.code, r.stderr).toBe(0);
  });

  it.each([
    [
      'a recusal',
      () => ['recuse', '--enterprise', checked, '--inspector', member, '--category', '其他', '--reason', '近亲属'],
    ],
    [
      'a recusal with a fresh seed',
      () => [
        'recuse',
        '--enterprise',
        checked,
        '--inspector',
        member,
        '--category',
        '其他',
        '--reason',
        'x',
        '--seed',
        'S2',
      ],
    ],
    [
      'a swap from the checked team',
      () => ['recuse', '--enterprise', checked, '--inspector', member, '--category', '其他', '--reason', 'x', '--swap'],
    ],
    ['a replacement', () => ['replace', '--enterprise', checked, '--reason', '注销']],
  ])('%s on the checked enterprise is refused (exit 5), the database byte-identical', async (_, args) => {
    const before = dbBytes(path);
    const r = await ssjIn(t.dir, [...args(), '--plan', '2024Q1']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain(checked);
    expect(dbBytes(path)).toBe(before);
  });

  it('a swap on another enterprise that would trade with the checked team is refused (exit 5), nothing changed', async () => {
    // Find, with the engine itself, a recusal with --swap elsewhere whose partner team is the checked one.
    const swap = withDb(path, (db) => {
      const d = activeDraw(db, '2024Q1')!;
      for (const [uscc, seats] of loadState(db, d.id).teams) {
        if (uscc === checked) continue;
        for (const s of seats) {
          const state = checkedReplay(db, d).replayed;
          try {
            const o = applyEvent(state, { type: 'swap', uscc, certNo: s.certNo, seed: '' });
            if (o.replacementUscc === checked) return { uscc, certNo: s.certNo };
          } catch {
            // this member cannot swap at all; try the next
          }
        }
      }
      return undefined;
    });
    expect(swap, 'the tiny vector has a swap reaching the checked team').toBeDefined();
    const before = dbBytes(path);
    const r = await ssjIn(t.dir, [
      'recuse',
      '--plan',
      '2024Q1',
      '--enterprise',
      swap!.uscc,
      '--inspector',
      swap!.certNo,
      '--category',
      '其他',
      '--reason',
      'x',
      '--swap',
    ]);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain(checked);
    expect(dbBytes(path)).toBe(before);
  });

  it.each([
    [
      'a new freeze (the first step of a redraw)',
      ['plan', 'freeze', '2024Q1', '--seed-source', '体彩第24020期'],
      /recorded results/,
    ],
    [
      'a redraw',
      ['draw', '--plan', '2024Q1', '--seed', 'S3', '--redraw', '--reason', '重抽', '--yes'],
      /cannot be drawn again/,
    ],
  ])('%s after a recorded result is refused (exit 5), the database byte-identical', async (_, args, message) => {
    const before = dbBytes(path);
    const r = await ssjIn(t.dir, args);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(message);
    expect(dbBytes(path)).toBe(before);
  });
});
