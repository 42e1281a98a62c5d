import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothVerifiers } from '../helpers/bundle.js';
import { FIXTURES, ssj, ssjOk, tempDir } from '../helpers/cli.js';
import { dbBytes } from '../helpers/db.js';

/**
 * 汨罗 (暂不公开被检查对象名单): a later plan's bundle lists in pool-removed.csv the enterprises that earlier plans
 * capped by drawing them, with the plan. When that earlier plan is unannounced and its window (to 2024-03-31) has not
 * ended, the later bundle would publish its list: it waits, and --reveal (which is for a plan's own secret) does not
 * lift it. The site leaves that bundle out until then.
 */
function planFile(dir: string, id: string, unannounced: boolean): string {
  const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
  plan.id = id;
  plan.title = `青禾县2024年第${id}批抽查`;
  plan.cap.perYear = 1;
  plan.strata[0].ratio = '50%';
  plan.strata[1].ratio = '30%';
  plan.publication.unannounced = unannounced;
  // No specialist seats: the secret part makes the tickets unknown in advance, and the fixture roster is thin in
  // some trades; this test is about publication, not team rules.
  plan.team.specialists = 0;
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe("a bundle that would name an unannounced plan's selection waits for that plan's window", () => {
  const t = tempDir('ssj-removed-unannounced-');
  afterAll(t.cleanup);
  const run = (now: string, args: string[], code = 0) => ssjOk(t.dir, args, code, { SSJ_NOW: now });
  const IN_WINDOW = '2024-02-01T01:00:00Z';
  const AFTER_WINDOW = '2024-03-31T16:00:00Z'; // 2024-04-01 00:00 in Beijing

  beforeAll(async () => {
    for (const roster of ['enterprises', 'inspectors', 'items', 'conflicts'])
      await run('2024-01-02T01:00:00Z', ['import', roster, join(FIXTURES, `${roster}.csv`)]);
    await run('2024-01-03T01:00:00Z', ['plan', 'add', planFile(t.dir, 'A24', true)]);
    await run('2024-01-03T01:00:01Z', ['plan', 'add', planFile(t.dir, 'B24', false)]);
    await run('2024-01-04T01:00:00Z', ['plan', 'freeze', 'A24', '--seed-source', '体彩第24001期', '--yes']);
    await run('2024-01-05T01:00:00Z', ['plan', 'freeze', 'B24', '--seed-source', '体彩第24003期', '--yes']);
    await run('2024-01-10T01:00:00Z', ['draw', '--plan', 'A24', '--seed-rfc3797', '9319 / 2 5 12 8 10', '--yes']);
    await run('2024-01-11T01:00:00Z', ['draw', '--plan', 'B24', '--seed-rfc3797', '2024 / 3 7 11 19 30', '--yes']);
  });

  it('export bundle of the later plan is refused (exit 5) during the window, with --reveal too; nothing changes', async () => {
    const before = dbBytes(join(t.dir, 'ssj.db'));
    for (const extra of [[], ['--reveal']]) {
      const r = await ssj(t.dir, ['export', 'bundle', '--plan', 'B24', '--out', 'b', ...extra], { SSJ_NOW: IN_WINDOW });
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toContain('unannounced plan A24');
      expect(existsSync(join(t.dir, 'b'))).toBe(false);
    }
    expect(dbBytes(join(t.dir, 'ssj.db'))).toBe(before);
  });

  it('the site leaves that bundle out during the window, with a warning', async () => {
    const r = await run(IN_WINDOW, ['export', 'site', '--year', '2024', '--out', 'site']);
    expect(r.stderr).toContain(
      "Plan B24's verification bundle would list enterprises drawn by the unannounced plan A24",
    );
    expect(existsSync(join(t.dir, 'site', 'bundles', 'B24'))).toBe(false);
    expect(readFileSync(join(t.dir, 'site', 'tasks', 'B24.html'), 'utf8')).not.toContain('bundles/B24');
  });

  it('after the window the bundle exports, names A24 in pool-removed.csv and verifies with both verifiers', async () => {
    await run(AFTER_WINDOW, ['export', 'bundle', '--plan', 'B24', '--out', 'b']);
    expect(readFileSync(join(t.dir, 'b', 'pool-removed.csv'), 'utf8')).toContain(',A24');
    const { ssj: v, py } = await bothVerifiers(join(t.dir, 'b'));
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(py.code, py.stdout + py.stderr).toBe(0);
  });
});
