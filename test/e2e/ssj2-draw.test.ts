import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { bothVerifiers, readBundle, rows } from '../helpers/bundle.js';

/**
 * SSJ-2 end to end (#14): a joint plan with an expert (fixtures/plan-2024-joint.json, 高青 6.2 and 8.2) is frozen,
 * drawn under SSJ-2, gets a recusal, and its ssj-bundle/2 passes both verifiers. The SSJ-1 goldens pin that SSJ-1 plans
 * are unchanged.
 */
async function ssjIn(dir: string, args: string[], now = '2024-04-01T02:00:00Z') {
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

const SEED = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';

describe('SSJ-2 joint plan with experts: draw, recusal, bundle', () => {
  const t = tempDir('ssj-ssj2-draw-');
  afterAll(t.cleanup);
  let drawn: {
    algorithm: string;
    selected: { uscc: string; role: string; team: { seat: number; certNo: string; group?: string }[] }[];
  };

  beforeAll(async () => {
    for (const [roster, file] of [
      ['enterprises', 'enterprises.csv'],
      ['inspectors', 'inspectors.csv'],
      ['inspectors', 'experts.csv'],
      ['inspectors', 'inspectors-scjg.csv'],
      ['items', 'items.csv'],
      ['items', 'items-joint.csv'],
    ]) {
      const r = await ssjIn(t.dir, ['import', roster!, join(FIXTURES, file!)]);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
    }
    expect((await ssjIn(t.dir, ['config', 'set', 'office.name', '青禾县应急管理局'])).code).toBe(0);
    const add = await ssjIn(t.dir, ['plan', 'add', join(FIXTURES, 'plan-2024-joint.json')]);
    expect(add.code, add.stderr).toBe(0);
    const freeze = await ssjIn(t.dir, ['plan', 'freeze', '2024LH1', '--seed-source', '体彩', '--yes']);
    expect(freeze.code, freeze.stderr).toBe(0);
    // The pool is frozen before the seed exists (the verifiers check frozenAt < drawnAt).
    const d = await ssjIn(
      t.dir,
      ['--json', 'draw', '--plan', '2024LH1', '--seed-rfc3797', SEED, '--yes'],
      '2024-04-08T02:00:00Z',
    );
    expect(d.code, d.stderr).toBe(0);
    drawn = JSON.parse(d.stdout);
  });

  it('draws under SSJ-2: groups by department and experts, an officer of the lead department in seat 1', () => {
    expect(drawn.algorithm).toBe('SSJ-2');
    const teams = drawn.selected.filter((r) => r.role === 'selected').map((r) => r.team);
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      const groups = team.map((s) => s.group);
      // 行政处罚法 第四十二条: at least two officers; 高青 8.2: the lead department's officer leads.
      expect(groups.filter((g) => g !== 'experts').length).toBeGreaterThanOrEqual(2);
      expect(team.find((s) => s.seat === 1)!.group).toBe('青禾县应急管理局');
      expect(groups.filter((g) => g === '青禾县应急管理局')).toHaveLength(2);
      expect(groups.filter((g) => g === '青禾县市场监督管理局')).toHaveLength(1);
      // 高青 7.3: experts beside the team, drawn from the expert roster.
      const experts = team.filter((s) => s.group === 'experts');
      expect(experts).toHaveLength(1);
      expect(experts[0]!.certNo).toMatch(/^ZJ-/);
      expect(team.filter((s) => s.group !== 'experts').every((s) => !s.certNo.startsWith('ZJ-'))).toBe(true);
    }
  });

  it('a recusal replaces within the seat group; export bundle writes ssj-bundle/2; both verifiers pass', async () => {
    const first = drawn.selected.find((r) => r.role === 'selected')!;
    const member = first.team.find((s) => s.group === '青禾县市场监督管理局')!;
    const r = await ssjIn(
      t.dir,
      [
        '--json',
        'recuse',
        '--plan',
        '2024LH1',
        '--enterprise',
        first.uscc,
        '--inspector',
        member.certNo,
        '--category',
        '利害关系',
        '--reason',
        '曾为该企业提供咨询服务',
        '--yes',
      ],
      '2024-04-09T02:00:00Z',
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const team = report.teams[first.uscc] as { certNo: string; group: string; seat: number }[];
    const newcomer = team.find((s) => s.seat === (member as { seat: number }).seat)!;
    expect(newcomer.certNo).not.toBe(member.certNo);
    expect(newcomer.group).toBe('青禾县市场监督管理局');

    const dir = join(t.dir, 'bundle');
    const b = await ssjIn(t.dir, ['export', 'bundle', '--plan', '2024LH1', '--out', dir]);
    expect(b.code, b.stderr).toBe(0);
    const bundle = readBundle(dir);
    expect(JSON.parse(bundle.get('manifest.json')!).format).toBe('ssj-bundle/2');
    expect(rows(bundle, 'events.csv').map((e) => [e.type, e.reason])).toEqual([['recusal', '利害关系']]);
    const { ssj, py } = await bothVerifiers(dir);
    expect(ssj.code, ssj.stdout + ssj.stderr).toBe(0);
    expect(py.code, py.stdout + py.stderr).toBe(0);

    const audit = await ssjIn(t.dir, ['audit', 'verify']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });
});
