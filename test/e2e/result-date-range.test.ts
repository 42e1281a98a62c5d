import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ssj } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * Issue 13 finding 11 / part 8: dates of the work after a draw fall between the plan's draw (2024-01-10 in the
 * fixture) and today, or are refused with the database byte-identical; and `ssj due` never fails, or sends the office
 * to import a calendar for 1900, because one stored row has a mistyped date: it reports that row.
 */
const NOW = '2024-03-01T02:00:00Z';
let fx: FixtureDb;
let selected: string[];
const run = (args: string[], env: Record<string, string> = {}) => ssj(fx.dir, ['--now', NOW, ...args], env);
const bytes = () => readFileSync(fx.db);

beforeEach(async () => {
  fx = drawnFixtureDb();
  const show = JSON.parse((await run(['plan', 'show', '2024Q1', '--json'])).stdout) as {
    selection: { uscc: string }[];
  };
  selected = show.selection.map((s) => s.uscc);
});
afterEach(() => fx.cleanup());

describe('dates in range (issue 13 finding 11)', () => {
  const record = (uscc: string, extra: string[]) =>
    run(['result', 'record', '--plan', '2024Q1', '--enterprise', uscc, '--outcome', 'no-issue', ...extra]);

  it('result record --date 1900-01-01 is refused (exit 3), naming the draw date, in both languages; nothing stored', async () => {
    const before = bytes();
    const en = await record(selected[0]!, ['--date', '1900-01-01']);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain('The check date 1900-01-01 is before plan 2024Q1 was drawn (2024-01-10)');
    const zh = await ssj(
      fx.dir,
      [
        '--now',
        NOW,
        'result',
        'record',
        '--plan',
        '2024Q1',
        '--enterprise',
        selected[0]!,
        '--outcome',
        'no-issue',
        '--date',
        '1900-01-01',
      ],
      { SSJ_LANG: 'zh' },
    );
    expect(zh.stderr).toContain('检查日期 1900-01-01 早于计划 2024Q1 的抽取日期 2024-01-10');
    expect(bytes().equals(before)).toBe(true);
  });

  it('a check the day before the draw is refused; the day of the draw is accepted', async () => {
    expect((await record(selected[0]!, ['--date', '2024-01-09'])).code).toBe(3);
    const ok = await record(selected[0]!, ['--date', '2024-01-10']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a report or feedback date after today is refused (--report-date 2099-01-01)', async () => {
    const before = bytes();
    const r = await record(selected[0]!, ['--date', '2024-02-20', '--report-date', '2099-01-01']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('The report date 2099-01-01 is after today (2024-03-01)');
    const f = await record(selected[0]!, ['--date', '2024-02-20', '--feedback-date', '2024-03-02']);
    expect(f.code).toBe(3);
    expect(f.stderr).toContain('The feedback date 2024-03-02 is after today');
    expect(bytes().equals(before)).toBe(true);
  });

  it('result report and result feedback follow the same range', async () => {
    expect((await record(selected[0]!, ['--date', '2024-02-20'])).code).toBe(0);
    const before = bytes();
    const target = ['--plan', '2024Q1', '--enterprise', selected[0]!];
    const report = await run(['result', 'report', ...target, '--date', '2025-02-20']);
    expect(report.code).toBe(3);
    expect(report.stderr).toContain('report date 2025-02-20 is after today');
    const feedback = await run(['result', 'feedback', ...target, '--date', '2099-02-21']);
    expect(feedback.code).toBe(3);
    expect(feedback.stderr).toContain('2099-02-21 is after today');
    expect(bytes().equals(before)).toBe(true);
  });

  it('result import: each row out of range is listed with its line and column; nothing imported', async () => {
    const file = join(fx.dir, 'results.csv');
    writeFileSync(
      file,
      [
        '计划编号,统一社会信用代码,检查日期,检查结果,报告日期',
        `2024Q1,${selected[0]},2024-02-20,no-issue,2024-02-21`,
        `2024Q1,${selected[1]},1900-01-01,no-issue,`,
        `2024Q1,${selected[2]},2024-02-20,no-issue,2099-01-01`,
      ].join('\n'),
    );
    const before = bytes();
    const r = await run(['result', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 3.*检查日期.*1900-01-01 is before plan 2024Q1 was drawn/);
    expect(r.stderr).toMatch(/line 4.*报告日期.*2099-01-01 is after today/);
    expect(bytes().equals(before)).toBe(true);
  });

  it('calendar import: a day in 1900 is refused as a typo', async () => {
    const file = join(fx.dir, 'days.csv');
    writeFileSync(file, ['日期,类型,名称', '1900-01-01,休,元旦'].join('\n'));
    const r = await run(['calendar', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 2.*1900-01-01 is not in the years 2000–2200/);
  });
});

describe('ssj due reports a row with a wrong date instead of failing or blaming the calendar (issue 13 finding 11)', () => {
  it('a stored 1900 check (written by an older ssj): exit 0, other deadlines counted, the row listed with the fix', async () => {
    expect(
      (
        await run([
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          selected[0]!,
          '--outcome',
          'no-issue',
          '--date',
          '2024-02-20',
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await run([
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          selected[1]!,
          '--outcome',
          'no-issue',
          '--date',
          '2024-02-21',
        ])
      ).code,
    ).toBe(0);
    // What an older ssj let through: the check date of the second result rewritten to 1900-01-01.
    const db = new Database(fx.db);
    db.prepare('UPDATE results SET check_date = ? WHERE uscc = ?').run('1900-01-01', selected[1]);
    db.close();
    for (const strict of [[], ['--strict']]) {
      const r = await run(['due', ...strict]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('complete the report');
      expect(r.stdout).toContain(selected[0]);
      expect(r.stdout).toContain('Rows whose date looks wrong');
      expect(r.stdout).toMatch(/1900-01-01 +complete the report +2024Q1 +\w+/);
      expect(r.stdout).not.toContain('Calendar does not cover 1900');
      expect(r.stderr).toContain('come from rows whose date looks wrong (such as 1900-01-01)');
    }
    const json = JSON.parse((await run(['due', '--json'])).stdout) as { suspect: { from: string; uscc: string }[] };
    expect(json.suspect.every((s) => s.uscc === selected[1] || s.uscc === null)).toBe(true);
    expect(json.suspect.length).toBeGreaterThan(0);
  });
});
