import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, ssj, tempDir, type RunResult } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';

/**
 * The post-draw events through the real binary on the fixtures: import, plan add, draw, then recusals, a swap and
 * replacements. After every event the stored state must replay (ssj verify on the exported bundle), teams keep their
 * specialists and the seat limit, the audit chain holds, and refusals leave the database byte-identical.
 */

const NOW = '2024-01-10T02:00:00Z';
const DRAW = [
  'draw',
  '--plan',
  '2024Q1',
  '--seed-rfc3797',
  '9319 / 2 5 12 8 10 / 9 18 26 34 41 45',
  '--unfrozen',
  '--reason',
  '测试',
  '--yes',
];
const ROSTERS = ['enterprises', 'inspectors', 'items', 'conflicts', 'history'];

async function ok(dir: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const r = await ssj(dir, ['--now', NOW, ...args], env);
  if (r.code !== 0) throw new Error(`ssj ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

interface Seat {
  seat: number;
  certNo: string;
  name: string;
}
interface Row {
  stratum: string;
  rank: number;
  uscc: string;
  name: string;
  industry: string;
  role: string;
  ticket: string;
  team: Seat[];
}

const selection = async (dir: string, plan = '2024Q1'): Promise<Row[]> =>
  JSON.parse((await ok(dir, ['--json', 'plan', 'show', plan])).stdout).selection as Row[];
const selected = async (dir: string, plan = '2024Q1') =>
  (await selection(dir, plan)).filter((r) => r.role === 'selected');

/** The database's bytes after folding in the write-ahead log (what "nothing changed" means). */
function dbBytes(dir: string): string {
  const path = join(dir, 'ssj.db');
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return createHash('sha256')
    .update(readFileSync(path))
    .update(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : '')
    .digest('hex');
}

function specialties(dir: string): Map<string, string[]> {
  const db = new Database(join(dir, 'ssj.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT cert_no, specialties FROM inspectors').all() as {
      cert_no: string;
      specialties: string;
    }[];
    return new Map(
      rows.map((r) => [
        r.cert_no,
        r.specialties
          .split(/[;；、,，/]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Every selected enterprise has a full team with a specialist for its industry, and nobody sits on more than 6 teams. */
async function expectTeamRules(dir: string): Promise<void> {
  const spec = specialties(dir);
  const seats = new Map<string, number>();
  for (const r of await selected(dir)) {
    expect(r.team.map((s) => s.seat)).toEqual([1, 2]);
    expect(new Set(r.team.map((s) => s.certNo)).size).toBe(2);
    expect(
      r.team.some((s) => spec.get(s.certNo)?.includes(r.industry)),
      `${r.uscc} ${r.industry} has a specialist`,
    ).toBe(true);
    for (const s of r.team) seats.set(s.certNo, (seats.get(s.certNo) ?? 0) + 1);
  }
  expect(Math.max(...seats.values())).toBeLessThanOrEqual(6);
}

/** The exported bundle verifies: the stored result equals the draw replayed with every event. */
async function expectBundleVerifies(dir: string, name: string): Promise<void> {
  await ok(dir, ['export', 'bundle', '--plan', '2024Q1', '--out', name]);
  const r = await ssj(dir, ['verify', name]);
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  // The reference verifier, written from docs/ALGORITHM.md alone, replays the same events.
  const py = spawnSync('python3', [join(ROOT, 'docs', 'verify.py'), join(dir, name)], { encoding: 'utf8' });
  if (py.error) return; // no Python on this machine
  expect(py.status, `${py.stdout}\n${py.stderr}`).toBe(0);
}

const fixturesReady = ['plan-2024Q1.json', ...ROSTERS.map((r) => `${r}.csv`)].every((f) =>
  existsSync(join(FIXTURES, f)),
);

describe.skipIf(!fixturesReady)('ssj recuse / ssj replace on the fixtures', () => {
  const t = tempDir('ssj-recuse-');
  const dir = t.dir;
  let drawn: Row[];
  beforeAll(async () => {
    for (const r of ROSTERS) await ok(dir, ['import', r, join(FIXTURES, `${r}.csv`)]);
    await ok(dir, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
    await ok(dir, DRAW);
    drawn = await selected(dir);
  });
  afterAll(t.cleanup);

  it('refuses a plan that is not drawn yet (5), changing nothing', async () => {
    const p = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
    writeFileSync(
      join(dir, 'plan-2024Q2.json'),
      JSON.stringify({ ...p, id: '2024Q2', window: { start: '2024-04-01', end: '2024-06-30' } }),
    );
    await ok(dir, ['plan', 'add', 'plan-2024Q2.json']);
    const before = dbBytes(dir);
    const r = await ssj(dir, ['replace', '--plan', '2024Q2', '--enterprise', drawn[0]!.uscc, '--reason', '注销']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/has not been drawn yet/);
    expect(dbBytes(dir)).toBe(before);
  });

  it('recuses by the original order: the seat goes to the next eligible inspector, and the output says so', async () => {
    const e = drawn[0]!;
    const leaving = e.team[1]!;
    const r = await ok(
      dir,
      [
        '--now',
        '2024-01-11T01:00:00Z',
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        e.uscc,
        '--inspector',
        leaving.certNo,
        '--category',
        '近亲属',
        '--reason',
        '与该企业法定代表人系近亲属',
      ],
      { SSJ_LANG: 'zh' },
    );
    expect(r.stdout).toContain(`回避：${leaving.name}（${leaving.certNo}）退出${e.name}（${e.uscc}）检查组第 2 席`);
    expect(r.stdout).toMatch(/接替：.+（\d+）接替第 2 席。/);
    // SSJ-2 (the fixture plan's protocol) names the seat's group: "按原抽签顺序（I 签），在“执法人员”组候选人中排第 2 位".
    expect(r.stdout).toMatch(/依据：按原抽签顺序（I 签），在“执法人员”组候选人中排第 \d+ 位/);
    const after = (await selected(dir)).find((x) => x.uscc === e.uscc)!;
    expect(after.team[0]).toEqual(e.team[0]);
    expect(after.team[1]!.certNo).not.toBe(leaving.certNo);
    await expectTeamRules(dir);
  });

  it('shows the recused inspector in ssj list conflicts, sourced from the recusal', async () => {
    const e = drawn[0]!;
    const rows = JSON.parse((await ok(dir, ['--json', 'list', 'conflicts', '--limit', '0'])).stdout).rows as {
      certNo: string;
      uscc: string;
      source: string;
      reason: string;
      active: boolean;
    }[];
    expect(rows).toContainEqual(
      expect.objectContaining({
        certNo: e.team[1]!.certNo,
        uscc: e.uscc,
        source: 'recusal',
        reason: '与该企业法定代表人系近亲属',
        active: true,
      }),
    );
  });

  it('recuses with a fresh public seed, prints it, and records it (--json)', async () => {
    const e = drawn[1]!;
    const seed = '  体彩大乐透第24011期 05 12 18 29 33 + 02 11 ';
    const r = JSON.parse(
      (
        await ok(dir, [
          '--json',
          'recuse',
          '--plan',
          '2024Q1',
          '--enterprise',
          e.uscc,
          '--inspector',
          e.team[0]!.certNo,
          '--category',
          '其他',
          '--reason',
          '曾在该企业任职',
          '--seed',
          seed,
        ])
      ).stdout,
    );
    expect(r.event).toMatchObject({
      seq: 2,
      type: 'recusal',
      uscc: e.uscc,
      certNo: e.team[0]!.certNo,
      seed: seed.trim(),
      reason: '其他', // the category only; the words stay internal
      operator: 'tester',
    });
    expect(r.why).toMatchObject({ order: 'R' });
    expect(r.outcome).toMatchObject({ k: 1, seat: 1 });
    const after = (await selected(dir)).find((x) => x.uscc === e.uscc)!;
    expect(after.team[0]!.certNo).toBe(r.event.replacementCertNo);
    await expectTeamRules(dir);
  });

  it('swaps with another team (--swap)', async () => {
    const e = drawn[2]!;
    const x = e.team[1]!;
    const r = JSON.parse(
      (
        await ok(dir, [
          '--json',
          'recuse',
          '--plan',
          '2024Q1',
          '--enterprise',
          e.uscc,
          '--inspector',
          x.certNo,
          '--category',
          '近亲属',
          '--reason',
          '配偶在该企业任职',
          '--swap',
        ])
      ).stdout,
    );
    expect(r.event).toMatchObject({ type: 'swap', uscc: e.uscc, certNo: x.certNo });
    const now = await selected(dir);
    expect(now.find((s) => s.uscc === e.uscc)!.team[1]!.certNo).toBe(r.event.replacementCertNo);
    expect(now.find((s) => s.uscc === r.event.replacementUscc)!.team.map((s) => s.certNo)).toContain(x.certNo);
    await expectTeamRules(dir);
  });

  it('replaces an enterprise with the first reserve of its stratum, which gets a team and items', async () => {
    const e = drawn.find((r) => r.stratum === '一般行业')!;
    const reserve = (await selection(dir)).find((r) => r.stratum === '一般行业' && r.role === 'reserve')!;
    const r = await ok(dir, [
      'replace',
      '--plan',
      '2024Q1',
      '--enterprise',
      e.uscc,
      '--reason',
      '经核实已于2023年12月注销',
    ]);
    expect(r.stdout).toContain(
      `In its place: ${reserve.name} (${reserve.uscc}), reserve number ${reserve.rank} of stratum "一般行业"`,
    );
    const rows = await selection(dir);
    expect(rows.find((x) => x.uscc === e.uscc)!.role).toBe('replaced');
    expect(rows.find((x) => x.uscc === reserve.uscc)!.role).toBe('selected');
    await expectTeamRules(dir);
  });

  it('replays to the stored state after all these events: the bundle verifies and the audit chain holds', async () => {
    await expectBundleVerifies(dir, 'bundle-after-events');
    const events = readFileSync(join(dir, 'bundle-after-events', 'events.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(events[0]).toBe('seq,type,uscc,certNo,replacementCertNo,replacementUscc,seed,reason');
    expect(events.slice(1).map((l) => l.split(',')[1])).toEqual(['recusal', 'recusal', 'swap', 'replacement']);
    const audit = await ssj(dir, ['audit', 'verify']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  describe('refusals leave the database byte-identical', () => {
    const cases: [string, () => string[] | Promise<string[]>, number, RegExp][] = [
      [
        'a reserve is not selected (4)',
        async () => [
          'recuse',
          '--plan',
          '2024Q1',
          '--enterprise',
          (await selection(dir)).find((r) => r.role === 'reserve')!.uscc,
          '--inspector',
          drawn[0]!.team[0]!.certNo,
          '--category',
          '其他',
          '--reason',
          'x',
        ],
        4,
        /not currently selected/,
      ],
      [
        'an inspector not on the team (4)',
        () => [
          'recuse',
          '--plan',
          '2024Q1',
          '--enterprise',
          drawn[3]!.uscc,
          '--inspector',
          '999999999999',
          '--category',
          '其他',
          '--reason',
          'x',
        ],
        4,
        /is not on the team/,
      ],
      [
        'an unknown plan (4)',
        () => ['replace', '--plan', '1999Q1', '--enterprise', drawn[3]!.uscc, '--reason', 'x'],
        4,
        /1999Q1/,
      ],
      ['a missing --reason (2)', () => ['replace', '--plan', '2024Q1', '--enterprise', drawn[3]!.uscc], 2, /--reason/],
    ];
    it.each(cases)('%s', async (_name, args, code, message) => {
      const before = dbBytes(dir);
      const rows = dumpDb(join(dir, 'ssj.db'));
      const r = await ssj(dir, await args());
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(dumpDb(join(dir, 'ssj.db'))).toEqual(rows); // the readable difference, if any
      expect(dbBytes(dir)).toBe(before);
    });

    it("no reserve left (5): the stratum's reserves run out one replacement at a time", async () => {
      let reserves = (await selection(dir)).filter((r) => r.stratum === '一般行业' && r.role === 'reserve').length;
      while (reserves-- > 0)
        await ok(dir, [
          'replace',
          '--plan',
          '2024Q1',
          '--enterprise',
          (await selected(dir)).find((r) => r.stratum === '一般行业')!.uscc,
          '--reason',
          '停产',
        ]);
      const before = dbBytes(dir);
      const r = await ssj(dir, [
        'replace',
        '--plan',
        '2024Q1',
        '--enterprise',
        (await selected(dir)).find((r) => r.stratum === '一般行业')!.uscc,
        '--reason',
        '停产',
      ]);
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/No unused reserve is left in stratum "一般行业"/);
      expect(dbBytes(dir)).toBe(before);
      await expectTeamRules(dir);
      await expectBundleVerifies(dir, 'bundle-after-reserves');
    });
  });
});

describe.skipIf(!fixturesReady)('a recusal holds for later plans', () => {
  const t = tempDir('ssj-recuse-later-');
  afterAll(t.cleanup);

  /** A 2025 plan over every enterprise, with large teams, so that nearly every inspector sits on every team. */
  async function plan2025(dir: string): Promise<void> {
    const p = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
    const plan = {
      ...p,
      id: '2025Q1',
      year: 2025,
      window: { start: '2025-01-15', end: '2025-03-31' },
      strata: p.strata.map((s: Record<string, unknown>) => ({ ...s, ratio: '100%', reserves: 0 })),
      team: { size: 6, specialists: 1, maxPerInspector: null },
    };
    writeFileSync(join(dir, 'plan-2025Q1.json'), JSON.stringify(plan));
    await ok(dir, ['plan', 'add', 'plan-2025Q1.json']);
    await ok(dir, [
      '--now',
      '2025-01-10T02:00:00Z',
      'draw',
      '--plan',
      '2025Q1',
      '--seed',
      '2025 第一期',
      '--unfrozen',
      '--reason',
      '测试',
      '--yes',
    ]);
  }

  it('never seats the recused inspector at that enterprise again, where the same later draw without the recusal would', async () => {
    const withRecusal = t.dir;
    for (const r of ROSTERS) await ok(withRecusal, ['import', r, join(FIXTURES, `${r}.csv`)]);
    await ok(withRecusal, ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
    await ok(withRecusal, DRAW);
    // The control: the same database without the recusal, drawn for 2025.
    const control = tempDir('ssj-recuse-control-');
    try {
      dbBytes(withRecusal); // folds the log into the file before copying
      copyFileSync(join(withRecusal, 'ssj.db'), join(control.dir, 'ssj.db'));
      await plan2025(control.dir);
      const teams2025 = new Map(
        (await selected(control.dir, '2025Q1')).map((r) => [r.uscc, r.team.map((s) => s.certNo)]),
      );
      // An inspector on an enterprise's 2024 team who the 2025 draw would put there again.
      const pick = (await selected(withRecusal))
        .flatMap((r) => r.team.map((s) => ({ uscc: r.uscc, certNo: s.certNo, seat: s.seat })))
        // Not seat 1, the team's specialist: they may be the only officer of the trade, with nobody to take the seat.
        .find((p) => p.seat > 1 && teams2025.get(p.uscc)?.includes(p.certNo));
      expect(pick, 'the control draw repeats someone on the same enterprise').toBeDefined();
      await ok(withRecusal, [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        pick!.uscc,
        '--inspector',
        pick!.certNo,
        '--category',
        '近亲属',
        '--reason',
        '近亲属在该企业任职',
      ]);
      await plan2025(withRecusal);
      const team = (await selected(withRecusal, '2025Q1'))
        .find((r) => r.uscc === pick!.uscc)!
        .team.map((s) => s.certNo);
      expect(team).not.toContain(pick!.certNo);
      expect(team).toHaveLength(6);
    } finally {
      control.cleanup();
    }
  });
});
