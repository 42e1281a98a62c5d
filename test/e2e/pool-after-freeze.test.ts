import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/canonical.js';
import { bothVerifiers, readBundle, rows } from '../helpers/bundle.js';
import { FIXTURES, ssj, ssjOk, tempDir } from '../helpers/cli.js';
import { dbBytes } from '../helpers/db.js';

/**
 * DESIGN.md SSJ-2 "Pool after freeze" and "Nothing is chosen after the seed is known" (#15 part 3): two plans of one
 * year frozen over the same enterprises, cap.perYear 1. Before, drawing the first made the second refuse "抽取依据的数
 * 据已变化 … 请恢复名录" though no roster changed. Now they draw in freeze order, the second loses the enterprises the
 * first selected (pool-removed.csv names the plan), no enterprise is selected twice, and both bundles verify.
 */
const SEED_A = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';
const SEED_B = '2024 / 3 7 11 19 30 / 4 9';

type Row = { uscc: string; role: string };

function planFile(dir: string, id: string, protocol: 'SSJ-1' | 'SSJ-2'): string {
  const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
  plan.id = id;
  plan.title = `青禾县2024年第${id}批抽查`;
  plan.cap.perYear = 1;
  // Large ratios: without the removal, the second plan's selection would overlap the first's.
  plan.strata[0].ratio = '50%';
  plan.strata[1].ratio = '30%';
  plan.protocol = protocol;
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

async function setUp(dir: string, protocol: 'SSJ-1' | 'SSJ-2', a: string, b: string) {
  const run = (now: string, args: string[]) => ssjOk(dir, args, 0, { SSJ_NOW: now });
  for (const roster of ['enterprises', 'inspectors', 'items', 'conflicts'])
    await run('2024-01-02T01:00:00Z', ['import', roster, join(FIXTURES, `${roster}.csv`)]);
  await run('2024-01-03T01:00:00Z', ['plan', 'add', planFile(dir, a, protocol)]);
  await run('2024-01-03T01:00:01Z', ['plan', 'add', planFile(dir, b, protocol)]);
  await run('2024-01-04T01:00:00Z', ['plan', 'freeze', a, '--seed-source', '体彩第24001期', '--yes']);
  return run('2024-01-05T01:00:00Z', ['plan', 'freeze', b, '--seed-source', '体彩第24003期', '--yes']);
}

/** cap.exempt of the plan (credit D, 失信, 严重违法): never capped, so they may be selected by both plans. */
const EXEMPT = new Set(
  parseCsv(readFileSync(join(FIXTURES, 'enterprises.csv'), 'utf8').replace(/^\uFEFF/, ''))
    .filter((e) => e.信用等级 === 'D' || /失信|严重违法/.test(e.标记 ?? ''))
    .map((e) => e.统一社会信用代码!),
);

const selected = (out: string) =>
  (JSON.parse(out).selected as Row[]).filter((r) => r.role === 'selected').map((r) => r.uscc);

describe('two overlapping frozen SSJ-2 plans of one year, cap 1', () => {
  const t = tempDir('ssj-pool-after-freeze-');
  afterAll(t.cleanup);
  const db = join(t.dir, 'ssj.db');
  let freezeB: { stderr: string };
  let a: string[];
  let b: string[];
  let replaced: string;

  beforeAll(async () => {
    freezeB = await setUp(t.dir, 'SSJ-2', 'A24', 'B24');
  });

  it('plan freeze warns that an earlier frozen, undrawn plan of the year overlaps', () => {
    expect(freezeB.stderr).toMatch(
      /plan "A24" of the same year, frozen at .* and not drawn yet, shares \d+ enterprises/,
    );
  });

  it('drawing the later plan first is refused (exit 5), naming the earlier one; the database is unchanged', async () => {
    const before = dbBytes(db);
    const r = await ssj(t.dir, ['draw', '--plan', 'B24', '--seed-rfc3797', SEED_B, '--yes'], {
      SSJ_NOW: '2024-01-06T01:00:00Z',
    });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('plan "A24" of the same year was frozen before it');
    expect(dbBytes(db)).toBe(before);
  });

  it('the earlier plan draws; a replacement in it after the later freeze also counts against the cap', async () => {
    const d = await ssjOk(t.dir, ['--json', 'draw', '--plan', 'A24', '--seed-rfc3797', SEED_A, '--yes'], 0, {
      SSJ_NOW: '2024-01-10T01:00:00Z',
    });
    replaced = selected(d.stdout)[0]!;
    await ssjOk(t.dir, ['replace', '--plan', 'A24', '--enterprise', replaced, '--reason', '经核实已注销', '--yes'], 0, {
      SSJ_NOW: '2024-01-11T01:00:00Z',
    });
    a = JSON.parse((await ssjOk(t.dir, ['--json', 'plan', 'show', 'A24'])).stdout)
      .selection.filter((r: Row) => r.role === 'selected')
      .map((r: Row) => r.uscc);
    expect(a).not.toContain(replaced);
  });

  it('the later plan then draws (no "restore the rosters" refusal) and selects no enterprise the earlier one did', async () => {
    const d = await ssj(t.dir, ['--json', 'draw', '--plan', 'B24', '--seed-rfc3797', SEED_B, '--yes'], {
      SSJ_NOW: '2024-01-12T01:00:00Z',
    });
    expect(d.code, d.stderr).toBe(0);
    b = selected(d.stdout);
    expect(b.length).toBeGreaterThan(0);
    // The draw's --json names each removal and the plan that caused it.
    const removed = JSON.parse(d.stdout).removed as { uscc: string; byPlan: string }[];
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.byPlan === 'A24' && a.includes(r.uscc))).toBe(true);
    expect(b.filter((u) => a.includes(u) && !EXEMPT.has(u))).toEqual([]);
    expect(EXEMPT.size).toBeGreaterThan(0);
  });

  it("B24's bundle lists every enterprise A24 capped in pool-removed.csv with byPlan A24; both bundles verify", async () => {
    for (const id of ['A24', 'B24'])
      await ssjOk(t.dir, ['export', 'bundle', '--plan', id, '--out', join(t.dir, `bundle-${id}`)]);
    const bundle = readBundle(join(t.dir, 'bundle-B24'));
    const removed = rows(bundle, 'pool-removed.csv');
    const pool = new Set(rows(bundle, 'pool-enterprises.csv').map((r) => r.uscc));
    // Every non-exempt enterprise A24 selects now that was in B24's frozen pool, and only those (the replaced one stays).
    expect(removed.map((r) => r.uscc).sort()).toEqual(a.filter((u) => pool.has(u) && !EXEMPT.has(u)).sort());
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => r.byPlan === 'A24')).toBe(true);
    expect(removed.map((r) => r.uscc)).not.toContain(replaced);
    const manifest = JSON.parse(bundle.get('manifest.json')!);
    expect(manifest.strata.reduce((n: number, s: { removed: number }) => n + s.removed, 0)).toBe(removed.length);
    for (const id of ['A24', 'B24']) {
      const { ssj: v, py } = await bothVerifiers(join(t.dir, `bundle-${id}`));
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(py.code, py.stdout + py.stderr).toBe(0);
    }
    // The announcement states the removal by count and plan, never listing the enterprises (another plan's list).
    await ssjOk(t.dir, ['export', 'announcement', '--plan', 'B24', '--out', join(t.dir, 'B24.txt')]);
    const text = readFileSync(join(t.dir, 'B24.txt'), 'utf8');
    expect(text).toContain(`冻结后移出对象库：${removed.length} 家（先冻结的计划 A24 抽中后达到年度检查上限`);
    for (const r of removed) expect(text).not.toContain(r.uscc!);
    const audit = await ssj(t.dir, ['audit', 'verify']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  it('a tampered pool-removed.csv fails verification (the removal is part of the draw)', async () => {
    const dir = join(t.dir, 'bundle-B24');
    const text = readFileSync(join(dir, 'pool-removed.csv'), 'utf8');
    const lines = text.trimEnd().split('\n');
    writeFileSync(join(dir, 'pool-removed.csv'), `${lines.slice(0, -1).join('\n')}\n`);
    const { ssj: v, py } = await bothVerifiers(dir);
    expect(v.code).toBe(1);
    expect(py.code).toBe(1);
  });
});

describe('a withdrawn earlier plan is not waited for', () => {
  const t = tempDir('ssj-pool-withdrawn-');
  afterAll(t.cleanup);

  it('draws the later plan once the earlier frozen one is withdrawn, removing nothing', async () => {
    await setUp(t.dir, 'SSJ-2', 'A24', 'B24');
    await ssjOk(t.dir, ['plan', 'withdraw', 'A24', '--reason', '计划调整'], 0, { SSJ_NOW: '2024-01-06T01:00:00Z' });
    const d = await ssjOk(t.dir, ['--json', 'draw', '--plan', 'B24', '--seed-rfc3797', SEED_B, '--yes'], 0, {
      SSJ_NOW: '2024-01-12T01:00:00Z',
    });
    expect(JSON.parse(d.stdout).removed).toBeUndefined();
  });
});

describe('a roster changed after the freeze is still refused, and says so', () => {
  const t = tempDir('ssj-pool-roster-');
  afterAll(t.cleanup);

  it('refuses with the changed rows (the real cause), not a cap', async () => {
    await setUp(t.dir, 'SSJ-2', 'A24', 'B24');
    await ssjOk(t.dir, ['draw', '--plan', 'A24', '--seed-rfc3797', SEED_A, '--yes'], 0, {
      SSJ_NOW: '2024-01-10T01:00:00Z',
    });
    const csv = readFileSync(join(FIXTURES, 'enterprises.csv'), 'utf8').split('\n');
    // One enterprise of the pool deregistered after the freeze: a real change of B24's inputs.
    const header = csv[0]!.split(',');
    const status = header.findIndex((h) => h.includes('经营状态'));
    const cells = csv[1]!.split(',');
    cells[status] = '注销';
    const changed = join(t.dir, 'changed.csv');
    writeFileSync(changed, `${csv[0]}\n${cells.join(',')}\n`);
    await ssjOk(t.dir, ['import', 'enterprises', changed], 0, { SSJ_NOW: '2024-01-11T01:00:00Z' });
    const r = await ssj(t.dir, ['draw', '--plan', 'B24', '--seed-rfc3797', SEED_B, '--yes'], {
      SSJ_NOW: '2024-01-12T01:00:00Z',
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('pool-enterprises.csv');
    expect(r.stderr).toContain(cells[0]!.replace(/^\uFEFF/, ''));
  });
});

describe('SSJ-1 plans cannot remove after freeze: the refusal names the plan that capped them', () => {
  const t = tempDir('ssj-pool-ssj1-');
  afterAll(t.cleanup);

  it('refuses the later SSJ-1 plan (exit 5) naming the earlier plan, not "restore the rosters"', async () => {
    const freeze = await setUp(t.dir, 'SSJ-1', 'A24', 'B24');
    expect(freeze.stderr).toContain('this plan draws under SSJ-1');
    await ssjOk(t.dir, ['draw', '--plan', 'A24', '--seed-rfc3797', SEED_A, '--yes'], 0, {
      SSJ_NOW: '2024-01-10T01:00:00Z',
    });
    const before = dbBytes(join(t.dir, 'ssj.db'));
    const r = await ssj(t.dir, ['draw', '--plan', 'B24', '--seed-rfc3797', SEED_B, '--yes'], {
      SSJ_NOW: '2024-01-12T01:00:00Z',
    });
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('the draws of plans frozen before it (A24)');
    expect(r.stderr).toContain('No roster changed');
    expect(r.stderr).not.toMatch(/Restore the rosters/);
    expect(dbBytes(join(t.dir, 'ssj.db'))).toBe(before);
  });
});
