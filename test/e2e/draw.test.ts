import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir } from '../helpers/cli.js';
import { dbBytes } from '../helpers/db.js';
import { shuffled } from '../helpers/protocol.js';

const SEED = ['--seed-rfc3797', '9319 / 2 5 12 8 10 / 9 18 26 34 41 45'];
/** A plan never frozen is drawn only with --unfrozen and a reason (#15). */
const UNFROZEN = ['--unfrozen', '--reason', '测试：未冻结抽取'];
const NOW = ['--now', '2024-01-10T02:00:00Z'];
const ROSTERS = ['enterprises', 'inspectors', 'items', 'conflicts', 'history'] as const;

async function importFixtures(
  dir: string,
  files: Partial<Record<(typeof ROSTERS)[number], string>> = {},
): Promise<void> {
  for (const r of ROSTERS) {
    const res = await ssj(dir, ['import', r, files[r] ?? join(FIXTURES, `${r}.csv`)]);
    expect(res.code, `${r}: ${res.stderr}`).toBe(0);
  }
}

function planFile(dir: string, name: string, change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
  change(p);
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(p, null, 2));
  return f;
}

interface Shown {
  status: string;
  draws: { id: number; status: string; seed: string; voidReason: string | null }[];
  selection: {
    stratum: string;
    uscc: string;
    role: string;
    ticket: string;
    industry: string;
    team: { seat: number; certNo: string }[];
    items: { code: string }[];
  }[];
}
const show = async (dir: string, id = '2024Q1'): Promise<Shown> =>
  JSON.parse((await ssj(dir, ['--json', 'plan', 'show', id])).stdout) as Shown;

describe('ssj plan and ssj draw on the fixtures', () => {
  const t = tempDir();
  const dir = t.dir;
  beforeAll(async () => {
    await importFixtures(dir);
    const add = await ssj(dir, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
    expect(add.code, add.stderr).toBe(0);
  });
  afterAll(t.cleanup);

  it('lists the plan as a draft', async () => {
    const r = await ssj(dir, ['--json', 'plan', 'list']);
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: '2024Q1', status: 'draft' }]);
  });

  it('needs exactly one seed option (exit 2)', async () => {
    expect((await ssj(dir, ['draw', '--plan', '2024Q1', '--yes'])).code).toBe(2);
    expect((await ssj(dir, ['draw', '--plan', '2024Q1', '--seed', 'x', ...SEED, '--yes'])).code).toBe(2);
    expect((await ssj(dir, ['draw', '--plan', '2024Q1', '--seed', '   ', '--yes'])).code).toBe(2);
  });

  it('asks for --yes when there is no terminal, and stores nothing', async () => {
    const r = await ssj(dir, ['draw', '--plan', '2024Q1', ...SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect((await show(dir)).draws).toEqual([]);
  });

  it('refuses an unknown plan with exit 4', async () => {
    const r = await ssj(dir, ['draw', '--plan', 'NOPE', ...SEED, '--yes']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/NOPE/);
  });

  it('freezes once and prints the pre-announcement with the pool hash', async () => {
    const r = await ssj(dir, [
      'plan',
      'freeze',
      '2024Q1',
      '--seed-source',
      '体彩大乐透第24010期开奖号码',
      '--out',
      'pre.txt',
      ...NOW,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/[0-9a-f]{64}/);
    expect(readFileSync(join(dir, 'pre.txt'), 'utf8')).toContain('体彩大乐透第24010期开奖号码');
    expect((await ssj(dir, ['plan', 'freeze', '2024Q1', '--seed-source', 'x'])).code).toBe(5);
  });

  it('draws once; every team has its size, a specialist leader and no declared conflict', async () => {
    const r = await ssj(dir, ['draw', '--plan', '2024Q1', ...SEED, '--yes', ...NOW]);
    expect(r.code, r.stderr).toBe(0);
    const s = await show(dir);
    expect(s.status).toBe('drawn');
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
    const conflicts = parse(readFileSync(join(FIXTURES, 'conflicts.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const inspectors = parse(readFileSync(join(FIXTURES, 'inspectors.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const selected = s.selection.filter((x) => x.role === 'selected');
    expect(selected.length).toBeGreaterThan(0);
    for (const e of selected) {
      expect(e.team.length).toBe(plan.team.size);
      expect(e.items.length).toBeLessThanOrEqual(plan.items.perEnterprise);
      for (const m of e.team)
        expect(conflicts.some((c) => Object.values(c).includes(m.certNo) && Object.values(c).includes(e.uscc))).toBe(
          false,
        );
      const leader = inspectors.find((i) => Object.values(i).includes(e.team[0]!.certNo))!;
      expect(Object.values(leader).join('|')).toContain(e.industry);
    }
  });

  it('refuses a second draw (exit 5) and a redraw without a reason (exit 2)', async () => {
    const again = await ssj(dir, ['draw', '--plan', '2024Q1', '--seed', 'other', '--yes']);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/--redraw/);
    expect((await ssj(dir, ['draw', '--plan', '2024Q1', '--seed', 'other', '--redraw', '--yes'])).code).toBe(2);
  });

  const REDRAW = ['draw', '--plan', '2024Q1', '--seed', 'second seed', '--redraw', '--reason', '名录有误', '--yes'];

  it('refuses a redraw before a new freeze (exit 5: no seed chosen once the list is known), changing nothing', async () => {
    const before = dbBytes(join(dir, 'ssj.db'));
    const r = await ssj(dir, [...REDRAW, '--now', '2024-01-11T02:00:00Z']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('must be frozen again before it is redrawn');
    expect(dbBytes(join(dir, 'ssj.db'))).toBe(before);
  });

  it('redraws with a reason after a new freeze, voiding the first draw and keeping both', async () => {
    const before = await show(dir);
    const f = await ssj(dir, [
      'plan',
      'freeze',
      '2024Q1',
      '--seed-source',
      '体彩第24011期',
      '--now',
      '2024-01-11T02:00:00Z',
    ]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stderr).toContain('frozen again for a redraw');
    expect((await show(dir)).status).toBe('drawn');
    const twice = await ssj(dir, ['plan', 'freeze', '2024Q1', '--seed-source', 'x', '--now', '2024-01-11T03:00:00Z']);
    expect(twice.code, 'frozen once per draw').toBe(5);
    const r = await ssj(dir, [...REDRAW, '--now', '2024-01-12T02:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const s = await show(dir);
    expect(s.draws.map((d) => d.status)).toEqual(['void', 'active']);
    expect(s.draws[0]!.voidReason).toBe('名录有误');
    expect(s.selection.map((x) => x.uscc)).not.toEqual(before.selection.map((x) => x.uscc));
  });
});

describe('the draw does not depend on roster row order', () => {
  const a = tempDir();
  const b = tempDir();
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it('two databases built from the same rows in a different order draw the same', async () => {
    await importFixtures(a.dir);
    const files: Partial<Record<(typeof ROSTERS)[number], string>> = {};
    for (const r of ['enterprises', 'inspectors', 'items'] as const) {
      const [header, ...rows] = readFileSync(join(FIXTURES, `${r}.csv`), 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/);
      // Fixture rows hold no embedded newlines, so shuffling lines shuffles rows.
      files[r] = join(b.dir, `${r}-shuffled.csv`);
      writeFileSync(files[r]!, `${[header, ...shuffled(rows, 11)].join('\n')}\n`);
    }
    await importFixtures(b.dir, files);
    for (const d of [a.dir, b.dir]) {
      for (const args of [
        ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')],
        ['draw', '--plan', '2024Q1', ...SEED, ...UNFROZEN, '--yes', ...NOW],
      ]) {
        const r = await ssj(d, args);
        expect(r.code, r.stderr).toBe(0);
      }
    }
    expect((await show(b.dir)).selection).toEqual((await show(a.dir)).selection);
  });
});

describe('frozen inputs', () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it('refuses a draw when the pool changed after the freeze, saying what changed (exit 5)', async () => {
    await importFixtures(t.dir);
    expect((await ssj(t.dir, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')])).code).toBe(0);
    expect((await ssj(t.dir, ['plan', 'freeze', '2024Q1', '--seed-source', 'next lottery'])).code).toBe(0);
    // Mark one enterprise deregistered: it leaves the pool.
    const rows = readFileSync(join(FIXTURES, 'enterprises.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const header = rows[0]!.split(',');
    const statusCol = header.indexOf('经营状态');
    const usccCol = header.indexOf('统一社会信用代码');
    expect(statusCol).toBeGreaterThanOrEqual(0);
    const victim = rows
      .slice(1)
      .find((l) => l && !/注销|吊销|撤销|迁出/.test(l))!
      .split(',');
    victim[statusCol] = '注销';
    writeFileSync(join(t.dir, 'change.csv'), `${rows[0]}\n${victim.join(',')}\n`);
    expect((await ssj(t.dir, ['import', 'enterprises', 'change.csv'])).code).toBe(0);
    const r = await ssj(t.dir, ['draw', '--plan', '2024Q1', ...SEED, '--yes']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('pool-enterprises.csv');
    expect(r.stderr).toContain(victim[usccCol]!);
    expect((await show(t.dir)).draws).toEqual([]);
  });
});

describe('yearly caps and exclusions', () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it('an enterprise selected in one plan is not in the next plan of the same year, and is again the year after', async () => {
    await importFixtures(t.dir);
    const all = (p: Record<string, any>) => {
      p.strata = p.strata.map((s: Record<string, any>) => ({
        ...s,
        ratio: undefined,
        count: undefined,
        min: undefined,
        ...{ ratio: '100%' },
      }));
      p.team = { size: 2, specialists: 0, maxPerInspector: null };
    };
    const q1 = planFile(t.dir, 'q1.json', (p) => p);
    const q2 = planFile(t.dir, 'q2.json', (p) => {
      p.id = '2024Q2';
      p.window = { start: '2024-04-01', end: '2024-06-30' };
      all(p);
    });
    const next = planFile(t.dir, 'n.json', (p) => {
      p.id = '2025Q1';
      p.year = 2025;
      p.window = { start: '2025-01-15', end: '2025-03-31' };
      all(p);
    });
    for (const f of [q1, q2, next]) expect((await ssj(t.dir, ['plan', 'add', f])).code).toBe(0);
    expect((await ssj(t.dir, ['draw', '--plan', '2024Q1', ...SEED, ...UNFROZEN, '--yes'])).code).toBe(0);
    expect((await ssj(t.dir, ['draw', '--plan', '2024Q2', ...SEED, ...UNFROZEN, '--yes'])).code).toBe(0);
    expect((await ssj(t.dir, ['draw', '--plan', '2025Q1', ...SEED, ...UNFROZEN, '--yes'])).code).toBe(0);
    // The fixture plan exempts credit D and the flag 失信 from the cap (冷水滩 第十五条, 高青 6.2).
    const roster = parse(readFileSync(join(FIXTURES, 'enterprises.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const exempt = new Set(
      roster
        .filter((e) => e['信用等级'] === 'D' || (e['标记'] ?? '').includes('失信'))
        .map((e) => e['统一社会信用代码']),
    );
    const first = (await show(t.dir, '2024Q1')).selection.filter((x) => x.role === 'selected').map((x) => x.uscc);
    const second = (await show(t.dir, '2024Q2')).selection.map((x) => x.uscc);
    const nextYear = new Set((await show(t.dir, '2025Q1')).selection.map((x) => x.uscc));
    expect(first.length).toBeGreaterThan(0);
    expect(second.filter((u) => first.includes(u) && !exempt.has(u))).toEqual([]);
    // Exempt enterprises stay in the pool: with a 100% ratio they are drawn again.
    for (const u of first.filter((x) => exempt.has(x))) expect(second).toContain(u);
    expect(
      first.some((u) => exempt.has(u)),
      'the fixture draw includes an exempt enterprise',
    ).toBe(true);
    for (const u of first) expect(nextYear.has(u)).toBe(true);
    // A 2024 check by the higher level (history) keeps an enterprise out of the 2024 pools but not 2025's.
    const history = parse(readFileSync(join(FIXTURES, 'history.csv')), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const higher = history.find((h) => (h['检查日期'] ?? '').startsWith('2024') && /市|省/.test(h['检查机关'] ?? ''))!;
    expect(higher).toBeDefined();
    expect(second).not.toContain(higher['统一社会信用代码']);
  });

  it('an infeasible plan fails naming the enterprise and stores nothing (exit 5)', async () => {
    const u = tempDir();
    await importFixtures(u.dir);
    const f = planFile(u.dir, 'bad.json', (p) => {
      p.id = '2024X';
      p.team = { size: 2, specialists: 2, maxPerInspector: 1 };
    });
    expect((await ssj(u.dir, ['plan', 'add', f])).code).toBe(0);
    const r = await ssj(u.dir, ['draw', '--plan', '2024X', ...SEED, ...UNFROZEN, '--yes']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/9[0-9A-Z]{17}/);
    expect((await show(u.dir, '2024X')).draws).toEqual([]);
    u.cleanup();
  });
});

describe('plan validation', () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it('reports every problem of a bad plan with exit 3', async () => {
    await importFixtures(t.dir);
    const f = planFile(t.dir, 'bad.json', (p) => {
      p.year = 2023;
      p.team = { size: 1, specialists: 2 };
      p.strata[0].ratio = '5 percent';
      p.strata[0].where = { colour: ['red'] };
    });
    const r = await ssj(t.dir, ['plan', 'add', f]);
    expect(r.code).toBe(3);
    for (const s of ['year', 'team.specialists', 'strata[0].ratio', 'strata[0].where.colour'])
      expect(r.stderr).toContain(s);
  });

  it('refuses a where value no enterprise has', async () => {
    const f = planFile(t.dir, 'typo.json', (p) => {
      p.strata[0].where = { industry: ['危险化学'] };
    });
    const r = await ssj(t.dir, ['plan', 'add', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('危险化学');
  });

  it('copies are harmless: the fixture plan file is valid as shipped', async () => {
    copyFileSync(join(FIXTURES, 'plan-2024Q1.json'), join(t.dir, 'p.json'));
    expect((await ssj(t.dir, ['plan', 'add', 'p.json'])).code).toBe(0);
  });
});

describe('a plan drawn without a freeze', () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it('is drawn with a warning, and its announcement says no pre-announcement fixed the pool', async () => {
    await importFixtures(t.dir);
    expect((await ssj(t.dir, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')])).code).toBe(0);
    const refused = await ssj(t.dir, ['draw', '--plan', '2024Q1', ...SEED, '--yes', ...NOW]);
    expect(refused.code, 'an unfrozen plan needs --unfrozen --reason').toBe(2);
    expect(refused.stderr).toMatch(/--unfrozen --reason/);
    const noReason = await ssj(t.dir, ['draw', '--plan', '2024Q1', ...SEED, '--unfrozen', '--yes', ...NOW]);
    expect(noReason.code).toBe(2);
    const r = await ssj(t.dir, ['draw', '--plan', '2024Q1', ...SEED, ...UNFROZEN, '--yes', ...NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/not frozen/);
    const a = await ssj(t.dir, ['export', 'announcement', '--plan', '2024Q1', '--format', 'txt', ...NOW]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('未在种子产生前冻结');
    // #15: the reason given with --unfrozen is published with it.
    expect(a.stdout).toContain('未冻结即抽取的原因：测试：未冻结抽取');
  });
});
