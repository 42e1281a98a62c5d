import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkArrangement } from '../../src/core/arrangement.js';
import { dueReport, type DeadlineSettings } from '../../src/core/deadlines.js';
import { officialCalendar, statutoryDays } from '../../src/io/calendar.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { ssjIn } from '../helpers/inproc.js';
import { seedDraw, testUscc } from '../helpers/seed-draw.js';

/**
 * The calendar at the year end (issue 18): deadlines that run into a year the calendar lacks are listed apart and
 * never hide the others; a year is imported only as the whole State Council arrangement.
 */

const settings: DeadlineSettings = {
  reportDays: 5,
  feedbackDays: 5,
  resultDays: 20,
  monthlyDays: 5,
  objectionReviewDays: 20,
  objectionAnswerDays: 15,
};
const EXAMPLE_2027 = join(FIXTURES, 'calendar', 'holidays-2027-example.csv');

describe('the statutory holidays and the balance of an arrangement (全国年节及纪念日放假办法 2024 修订)', () => {
  it('computes the 13 statutory days of 2027 from the lunar tables (除夕 02-05, 清明 04-05, 端午 06-09, 中秋 09-15)', () => {
    expect(statutoryDays(2027).map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('finds the bundled official 2025 and 2026 arrangements complete (the rule fits the real notices)', () => {
    const days = [...officialCalendar().holidays]
      .map((date) => ({ date, kind: 'holiday' as const }))
      .concat([...officialCalendar().workdays].map((date) => ({ date, kind: 'workday' as const })));
    for (const y of [2025, 2026]) expect(checkArrangement(y, days, statutoryDays(y))).toEqual([]);
  });

  it('names the missing festivals of a file with 元旦 only, and a missing make-up workday by the balance', () => {
    const only = [{ date: '2027-01-01', kind: 'holiday' as const }];
    const p = checkArrangement(2027, only, statutoryDays(2027));
    expect(
      p.filter((x) => x.kind === 'statutory-missing').map((x) => x.kind === 'statutory-missing' && x.festival),
    ).toEqual(['spring', 'qingming', 'labour', 'dragon-boat', 'mid-autumn', 'national']);
    const whole = [...officialCalendar().holidays]
      .filter((d) => d.startsWith('2026'))
      .map((date) => ({ date, kind: 'holiday' as const }))
      .concat(
        [...officialCalendar().workdays]
          .filter((d) => d.startsWith('2026') && d !== '2026-10-10')
          .map((date) => ({ date, kind: 'workday' as const })),
      );
    expect(checkArrangement(2026, whole, statutoryDays(2026))).toEqual([
      { kind: 'unbalanced', year: 2026, weekdaysOff: 19, makeUpDays: 5, statutory: 13 },
    ]);
  });
});

describe('deadlines across 2026 → 2027 (pure)', () => {
  it('computes what it can and lists the rest with the year it needs', () => {
    const plans = [
      {
        planId: 'P',
        windowEnd: '2026-12-31',
        resultDays: null,
        enterprises: [
          {
            uscc: 'E1',
            name: '甲',
            result: { checkDate: '2026-12-10', reportDate: null, feedbackDate: null, publishedAt: null },
          },
          {
            uscc: 'E2',
            name: '乙',
            result: { checkDate: '2026-12-22', reportDate: null, feedbackDate: null, publishedAt: null },
          },
        ],
        objections: [],
      },
    ];
    const r = dueReport(officialCalendar(), '2026-12-24', plans, settings);
    expect(r.horizon).toBe('2026-12-31');
    // E1: report 12-17 (overdue), feedback 12-24 (today); E2: report 12-29; publication of E1 and E2 and the
    // December list need January 2027.
    expect(r.overdue.map((i) => `${i.kind} ${i.uscc} ${i.due} ${i.workdays}`)).toEqual(['report E1 2026-12-17 5']);
    expect(r.due.map((i) => `${i.kind} ${i.uscc} ${i.due}`)).toEqual([
      'feedback E1 2026-12-24',
      'report E2 2026-12-29',
    ]);
    expect(r.uncovered.map((i) => `${i.kind} ${i.uscc ?? i.month} ${i.year}`).sort()).toEqual([
      'feedback E2 2027',
      'monthly 2026-12 2027',
      'publication E1 2027',
      'publication E2 2027',
    ]);
    expect(r.uncoveredYears).toEqual([2027]);
  });
});

describe('ssj due and ssj calendar import at the year end (in-process)', () => {
  let dir: string;
  let cleanup: () => void;
  const A = testUscc(1);
  const B = testUscc(2);
  const at = { SSJ_NOW: '2026-12-24T02:00:00Z' };
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    seedDraw(join(dir, 'ssj.db'), {
      id: '2026Q4',
      year: 2026,
      window: { start: '2026-12-01', end: '2026-12-31' },
      enterprises: [
        { uscc: A, name: '甲化工有限公司' },
        { uscc: B, name: '乙机械厂' },
      ],
    });
    for (const [u, d] of [
      [A, '2026-12-10'],
      [B, '2026-12-22'],
    ] as const)
      expect(
        (
          await ssjIn(
            dir,
            ['result', 'record', '--plan', '2026Q4', '--enterprise', u, '--outcome', 'no-issue', '--date', d],
            at,
          )
        ).code,
      ).toBe(0);
  });
  afterEach(() => cleanup());

  it('without a 2027 calendar: lists every countable deadline, marks the others "日历未覆盖 2027 年" with the fix, exits 0 with a warning', async () => {
    const r = await ssjIn(dir, ['due'], { ...at, SSJ_LANG: 'zh' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 项期限无法计算：日历未覆盖 2027 年');
    expect(r.stdout).toContain('已逾期 (1)');
    expect(r.stdout).toContain('即将到期 (2)');
    expect(r.stdout).toContain('日历未覆盖 2027 年 (4)');
    expect(r.stdout).toContain('ssj calendar import holidays-2027.csv');
    const j = JSON.parse((await ssjIn(dir, ['--json', 'due'], at)).stdout) as { uncovered: unknown[]; due: unknown[] };
    expect([j.due.length, j.uncovered.length]).toEqual([2, 4]);
  });

  it('--strict exits 5 for scripts, naming the year and the command', async () => {
    const r = await ssjIn(dir, ['due', '--strict'], at);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('the calendar does not cover 2027');
    expect(r.stderr).toContain('ssj calendar import holidays-2027.csv');
  });

  it('with the whole 2027 arrangement imported: every deadline has its date, nothing uncovered', async () => {
    copyFileSync(EXAMPLE_2027, join(dir, 'holidays-2027.csv'));
    const imp = await ssjIn(dir, ['calendar', 'import', 'holidays-2027.csv'], at);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('2004–2027');
    const j = JSON.parse((await ssjIn(dir, ['--json', 'due', '--today', '2027-01-04'], at)).stdout) as {
      overdue: { kind: string; uscc: string | null; due: string }[];
      uncovered: unknown[];
    };
    expect(j.uncovered).toEqual([]);
    // E1 published 20 working days after 12-10: 11 in December (11..31 less weekends) then 01-04..; E2's
    // feedback: report 12-29, then 5 working days: 12-30, 12-31, 01-04 (01-01..03 off), 01-05, 01-06.
    const strict = await ssjIn(dir, ['due', '--strict', '--today', '2027-01-04'], at);
    expect([strict.code, strict.stderr]).toEqual([0, '']);
    const all = JSON.parse((await ssjIn(dir, ['--json', 'due', '--today', '2027-01-04'], at)).stdout) as {
      due: { kind: string; uscc: string | null; due: string }[];
    };
    expect(all.due.find((i) => i.kind === 'feedback' && i.uscc === B)?.due).toBe('2027-01-06');
    expect(all.due.find((i) => i.kind === 'monthly')?.due).toBe('2027-01-08');
  });

  it('refuses a 2027 file with 元旦 only, naming every missing festival, and leaves the database byte-identical', async () => {
    writeFileSync(join(dir, 'h.csv'), 'date,kind,name\n2027-01-01,holiday,元旦\n');
    const before = dumpDb(join(dir, 'ssj.db'));
    const r = await ssjIn(dir, ['calendar', 'import', 'h.csv'], { ...at, SSJ_LANG: 'zh' });
    expect(r.code).toBe(3);
    for (const f of [
      '春节：法定节假日 2027-02-05、2027-02-06、2027-02-07、2027-02-08',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ])
      expect(r.stderr).toContain(f);
    expect(r.stderr).toContain('国务院办公厅');
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
    // the same file for one run of due is refused too: it would count across the Spring Festival wrongly
    expect((await ssjIn(dir, ['due', '--holidays', 'h.csv'], at)).code).toBe(3);
  });

  it('objection add never prints "复核期限：?": it says the year is missing and how to fix it', async () => {
    const r = await ssjIn(
      dir,
      ['objection', 'add', '--plan', '2026Q4', '--enterprise', A, '--received', '2026-12-22', '--text', '有异议'],
      { ...at, SSJ_LANG: 'zh' },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('?');
    expect(r.stdout).toContain('复核期限：暂无法计算（日历未覆盖 2027 年');
  });

  it('says plainly when the bundled data is older than the current year', async () => {
    const r = await ssjIn(dir, ['due'], { SSJ_NOW: '2027-01-04T02:00:00Z' });
    expect(r.stderr).toContain('(chinese-days 1.5.7) ends with 2026, and this is 2027');
  });
});
