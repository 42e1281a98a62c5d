import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { activeDraw, loadState } from '../../src/db/draws.js';
import { openDb, type Db } from '../../src/db/open.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput } from '../helpers/protocol.js';

/**
 * `ssj plan withdraw ID --reason` (#15): frozen plans stayed "已冻结，待抽取" on the public plans page for good.
 * A frozen or drawn plan can be withdrawn; its draw becomes void; the site says so with the reason and the date.
 */
async function ssjIn(dir: string, args: string[], now = '2024-01-12T02:00:00Z') {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: 'en', SSJ_OPERATOR: 'tester', NO_COLOR: '1', SSJ_NOW: now },
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

const REASON = '上级部署专项检查，本季度抽查取消';

describe('ssj plan withdraw on a drawn plan', () => {
  const t = tempDir('ssj-withdraw-');
  const path = join(t.dir, 'ssj.db');
  afterAll(t.cleanup);
  beforeAll(() => withDb(path, (db) => storeDrawnInput(db, tinyInput())));

  it('voids the draw, records the withdrawal and its audit entry', async () => {
    const drawId = withDb(path, (db) => activeDraw(db, '2024Q1')!.id);
    const r = await ssjIn(t.dir, ['plan', 'withdraw', '2024Q1', '--reason', REASON]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`draw #${drawId} is void`);
    withDb(path, (db) => {
      expect(activeDraw(db, '2024Q1')).toBeUndefined();
      expect(db.prepare('SELECT status, void_reason FROM draws WHERE id = ?').get(drawId)).toEqual({
        status: 'void',
        void_reason: REASON,
      });
      expect(db.prepare("SELECT status FROM plans WHERE id = '2024Q1'").get()).toEqual({ status: 'withdrawn' });
      expect(db.prepare('SELECT reason, prior_status, draw_id FROM plan_withdrawals').all()).toEqual([
        { reason: REASON, prior_status: 'drawn', draw_id: drawId },
      ]);
      const a = db.prepare("SELECT payload FROM audit_log WHERE action = 'plan.withdraw'").get() as { payload: string };
      expect(JSON.parse(a.payload)).toMatchObject({ reason: REASON, priorStatus: 'drawn', voidedDrawId: drawId });
    });
  });

  it('the site lists the plan as withdrawn, with the reason and the date', async () => {
    const out = join(t.dir, 'site');
    const r = await ssjIn(t.dir, ['export', 'site', '--year', '2024', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(out, 'plans.html'), 'utf8');
    expect(page).toContain('已撤回');
    expect(page).toContain(REASON);
    expect(page).toContain('2024年1月12日');
    expect(page).not.toContain('已冻结，待抽取');
  });

  it.each([
    ['withdrawing again', ['plan', 'withdraw', '2024Q1', '--reason', 'x']],
    ['drawing the withdrawn plan', ['draw', '--plan', '2024Q1', '--seed', 'S', '--yes']],
    ['freezing the withdrawn plan', ['plan', 'freeze', '2024Q1', '--seed-source', '体彩']],
  ])('%s is refused (exit 5) and changes nothing', async (_, args) => {
    const before = dumpDb(path);
    const r = await ssjIn(t.dir, args);
    expect(r.code, r.stderr).toBe(5);
    expect(dumpDb(path)).toEqual(before);
  });
});

describe('what cannot be withdrawn', () => {
  it('a plan with a recorded result (the check happened), exit 5, nothing changed', async () => {
    const t = tempDir('ssj-withdraw-');
    const path = join(t.dir, 'ssj.db');
    try {
      withDb(path, (db) => storeDrawnInput(db, tinyInput()));
      const uscc = withDb(path, (db) => [...loadState(db, activeDraw(db, '2024Q1')!.id).teams.keys()][0]!);
      const rec = await ssjIn(
        t.dir,
        ['result', 'record', '--plan', '2024Q1', '--enterprise', uscc, '--outcome', 'no-issue', '--date', '2024-01-20'],
        '2024-02-01T02:00:00Z',
      );
      expect(rec.code, rec.stderr).toBe(0);
      const before = dumpDb(path);
      const r = await ssjIn(t.dir, ['plan', 'withdraw', '2024Q1', '--reason', REASON], '2024-02-01T02:00:00Z');
      expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('1 recorded result')]);
      expect(dumpDb(path)).toEqual(before);
    } finally {
      t.cleanup();
    }
  });

  it('a draft (nothing published yet), exit 5; an empty reason, exit 2', async () => {
    const t = tempDir('ssj-withdraw-');
    try {
      expect((await ssjIn(t.dir, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')])).code).toBe(0);
      const before = dumpDb(join(t.dir, 'ssj.db'));
      expect((await ssjIn(t.dir, ['plan', 'withdraw', '2024Q1', '--reason', REASON])).code).toBe(5);
      expect((await ssjIn(t.dir, ['plan', 'withdraw', '2024Q1', '--reason', '  '])).code).toBe(2);
      expect(dumpDb(join(t.dir, 'ssj.db'))).toEqual(before);
    } finally {
      t.cleanup();
    }
  });
});
