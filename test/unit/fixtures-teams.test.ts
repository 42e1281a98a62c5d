import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

/**
 * The fixtures of SSJ-2 teams (#14): an expert roster (专家编号 as the key, 类别 安全生产专家), a second department's
 * officers (青禾县市场监督管理局) and its items (检查部门), and a joint plan over both (高青 6.2, 8.2) that plan add accepts.
 */
async function ssjIn(dir: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: 'en', SSJ_OPERATOR: 'tester', NO_COLOR: '1', SSJ_NOW: '2024-04-01T02:00:00Z' },
    cwd: dir,
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

describe('fixtures for joint plans with experts', () => {
  const t = tempDir('ssj-fixtures-teams-');
  afterAll(t.cleanup);

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
    // The office's own officers leave 所属部门 empty: they belong to the office (DESIGN.md SSJ-2 "Inspectors").
    expect((await ssjIn(t.dir, ['config', 'set', 'office.name', '青禾县应急管理局'])).code).toBe(0);
  });

  it('the expert roster is keyed by 专家编号 and read as experts, with their department', async () => {
    const r = await ssjIn(t.dir, ['--json', 'list', 'inspectors']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as Record<string, string>[];
    const experts = rows.filter((x) => x.certNo!.startsWith('ZJ-'));
    expect(experts).toHaveLength(8);
    for (const e of experts) expect([e.kind, e.department]).toEqual(['expert', '青禾县应急管理局']);
    expect(rows.filter((x) => x.department === '青禾县市场监督管理局' && x.kind === 'officer')).toHaveLength(6);
  });

  it('高青 6.2: the joint plan is accepted', async () => {
    const r = await ssjIn(t.dir, ['plan', 'add', join(FIXTURES, 'plan-2024-joint.json')]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a misspelt department is refused with its path (no officers of that department)', async () => {
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024-joint.json'), 'utf8'));
    plan.id = '2024LH2';
    plan.joint.departments[1].name = '青禾县市场监管局';
    const f = join(t.dir, 'bad.json');
    writeFileSync(f, JSON.stringify(plan));
    const r = await ssjIn(t.dir, ['plan', 'add', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('joint.departments[1].name');
    expect(r.stderr).toContain('青禾县市场监管局');
  });
});
