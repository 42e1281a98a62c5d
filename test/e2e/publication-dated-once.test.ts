import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnouncementData } from '../../src/io/announcement.js';
import { ssj, ssjOk } from '../helpers/cli.js';
import { templateCopy } from '../helpers/templates.js';

/**
 * DESIGN.md "Nothing is chosen after the seed is known": publication is dated once (#15 part 6). Before, every export
 * re-dated the task page to the export day and printed the current chain head, so the site lost the evidence of when
 * the list was announced (汨罗: 15 days before the checks). Now the first export records its time and head; a month
 * later the site and the announcement keep both, and list the recusal recorded since under 更新记录 with its date.
 */
const T1 = '2024-01-12T02:00:00Z'; // first publication, 2024年1月12日 in Beijing
const T2 = '2024-01-20T02:00:00Z'; // a recusal
const T3 = '2024-02-20T02:00:00Z'; // a month later

describe('publication dated once', () => {
  const t = templateCopy('drawn');
  afterAll(t.cleanup);
  const run = (now: string, args: string[], code = 0) => ssjOk(t.dir, args, code, { SSJ_NOW: now });
  const read = (p: string) => readFileSync(join(t.dir, p), 'utf8');
  let head1: string;

  beforeAll(async () => {
    head1 = /Chain head: #\d+ ([0-9a-f]{64})/.exec((await run(T1, ['audit', 'log', '--limit', '1'])).stdout)![1]!;
    await run(T1, ['export', 'announcement', '--plan', '2024Q1', '--out', 'first.html']);
    const d = JSON.parse(
      (await run(T1, ['--json', 'export', 'announcement', '--plan', '2024Q1'])).stdout,
    ) as AnnouncementData;
    const e = d.enterprises[0]!;
    await run(T2, [
      'recuse',
      ...['--plan', '2024Q1', '--enterprise', e.uscc, '--inspector', e.team[1]!.certNo],
      ...['--category', '利害关系', '--reason', '与该企业负责人系同学'],
    ]);
    await run(T3, ['export', 'announcement', '--plan', '2024Q1', '--out', 'later.html']);
    await run(T3, ['export', 'announcement', '--plan', '2024Q1', '--format', 'txt', '--out', 'later.txt']);
    await run(T3, ['export', 'site', '--year', '2024', '--out', 'site']);
  });

  it('the first export prints the day and the chain head of its publication', () => {
    expect(read('first.html')).toContain('2024年1月12日');
    expect(read('first.html')).toContain(head1);
    expect(read('first.html')).not.toContain('更新记录');
  });

  it('a month later the announcement and the site task page keep that day and head, and list the recusal under 更新记录 with its date', () => {
    for (const p of ['later.html', 'later.txt', 'site/tasks/2024Q1.html']) {
      const text = read(p);
      expect(text, p).toContain(head1);
      expect(text, p).toMatch(/发布日期：2024年1月12日|2024年1月12日<\/p><\/div>/);
      expect(text, p).not.toContain('2024年2月20日</p></div>');
      expect(text, p).toContain('更新记录');
      expect(text.slice(text.indexOf('更新记录')), p).toMatch(/2024年1月20日，.*回避/);
      expect(text, p).not.toContain('同学'); // the officer's words stay internal
    }
  });

  it('audit verify passes, and catches a re-dated publication', async () => {
    await run(T3, ['audit', 'verify']);
    const db = new Database(join(t.dir, 'ssj.db'));
    db.prepare("UPDATE publications SET first_at = '2024-01-02T02:00:00Z'").run();
    db.close();
    const r = await ssj(t.dir, ['audit', 'verify'], { SSJ_NOW: T3 });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/publications/);
  });
});
