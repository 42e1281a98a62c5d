import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportFixture,
  listFiles,
  NOW_AFTER_Q2,
  NOW_Q2_LAST_SECOND,
  type ExportFixture,
  type Selected,
} from './export-fixture.js';

/**
 * 暗查暗访 (汨罗: 暂不公开被检查对象名单): plan 2024Q2 is unannounced with its window ending 2024-06-30. Up to the
 * last second of that day in Beijing every export leaves out who was drawn; from 2024-07-01 00:00 Beijing time the
 * same commands publish everything.
 */
let f: ExportFixture;
let q2: Selected[];
beforeAll(async () => {
  f = buildExportFixture();
  q2 = (await f.selection('2024Q2')).filter((s) => s.role === 'selected');
});
afterAll(() => f?.cleanup());

/** Every name, USCC, ticket and 执法证号 of the Q2 selection. */
const secrets = () => q2.flatMap((s) => [s.name, s.uscc, s.ticket, ...s.team.map((m) => m.certNo)]);
/**
 * Files about 2024Q2 must hold none of them. The rest of the site legitimately names the same enterprises and
 * inspectors elsewhere (the roster, 2024Q1's pool in its bundle), but never a 2024Q2 ticket.
 */
const aboutQ2 = (p: string) => !p.startsWith('site/') || /^site\/(tasks|results)\/(2024Q2|2024-04)\./.test(p);

async function exportAll(now: string, tag: string): Promise<Map<string, string>> {
  const dir = join(f.dir, tag);
  for (const format of ['html', 'md', 'txt', 'csv'])
    await f.run(now, [
      'export',
      'announcement',
      '--plan',
      '2024Q2',
      '--format',
      format,
      '--out',
      join(dir, `announcement.${format}`),
    ]);
  await f.run(now, ['export', 'results', '--plan', '2024Q2', '--format', 'html', '--out', join(dir, 'results.html')]);
  await f.run(now, ['export', 'results', '--month', '2024-04', '--out', join(dir, 'results-2024-04.csv')]);
  await f.run(now, ['export', 'site', '--year', '2024', '--out', join(dir, 'site')]);
  const files = new Map<string, string>();
  for (const p of listFiles(dir)) files.set(p, readFileSync(join(dir, p), 'utf8'));
  files.set('--json', (await f.run(now, ['--json', 'export', 'announcement', '--plan', '2024Q2'])).stdout);
  return files;
}

describe('unannounced plan 2024Q2 (window ends 2024-06-30)', () => {
  it('until the window has ended: no name, USCC, ticket or 执法证号 of the selection anywhere, and it says so', async () => {
    const files = await exportAll(NOW_Q2_LAST_SECOND, 'before');
    expect(q2.length).toBeGreaterThan(0);
    for (const [p, text] of files)
      for (const s of aboutQ2(p) ? secrets() : q2.map((x) => x.ticket))
        expect(text.includes(s), `${p} contains ${s}`).toBe(false);
    expect([...files.keys()].filter(aboutQ2).length).toBeGreaterThanOrEqual(10);
    for (const p of ['announcement.html', 'announcement.md', 'announcement.txt', 'site/tasks/2024Q2.html']) {
      expect(files.get(p)).toContain('暗查暗访');
      expect(files.get(p)).toContain('2024年6月30日');
    }
    const announcement = files.get('announcement.txt')!;
    expect(announcement).toContain('随机种子：体彩大乐透第24035期');
    expect(announcement).toMatch(/对象库哈希（SHA-256）：[0-9a-f]{64}/);
    expect(announcement).toContain('抽取7家');
    expect(
      files
        .get('announcement.csv')!
        .split('\r\n')
        .filter((l) => l.includes('2024Q2')).length,
    ).toBe(q2.length);
    expect(files.get('results.html')).toContain('其 1 条检查结果将于检查时间结束（2024年6月30日）后公布');
    expect(existsSync(join(f.dir, 'before', 'site', 'bundles', '2024Q2'))).toBe(false);
    expect(existsSync(join(f.dir, 'before', 'site', 'bundles', '2024Q1', 'manifest.json'))).toBe(true);
  });

  it('the command warns the officer on stderr', async () => {
    const r = await f.run(NOW_Q2_LAST_SECOND, ['export', 'announcement', '--plan', '2024Q2', '--format', 'txt']);
    expect(r.stderr).toContain('Plan 2024Q2 is unannounced');
    expect((await f.run(NOW_Q2_LAST_SECOND, ['export', 'site', '--year', '2024', '--out', 'w'])).stderr).toContain(
      'bundle is not exported',
    );
  });

  it('from 2024-07-01 in Beijing: the full list, teams, tickets, results and the bundle', async () => {
    const files = await exportAll(NOW_AFTER_Q2, 'after');
    const announcement = files.get('announcement.txt')!;
    for (const s of q2) {
      expect(announcement).toContain(s.name);
      expect(announcement).toContain(s.uscc);
      expect(announcement).toContain(s.ticket);
      for (const m of s.team) expect(announcement).toContain(m.certNo);
    }
    expect(announcement).not.toContain('暂不公开');
    expect(files.get('results.html')).toContain(q2[0]!.name);
    expect(files.get('results-2024-04.csv')).toContain(q2[0]!.uscc);
    expect(existsSync(join(f.dir, 'after', 'site', 'bundles', '2024Q2', 'manifest.json'))).toBe(true);
    expect(files.get('site/tasks/2024Q2.html')).toContain('../bundles/2024Q2/selection.csv');
  });
});
