import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { seedDraw, testUscc } from '../helpers/seed-draw.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';
import { resultAuditRow, correctionAuditRow, type ResultRow, type CorrectionRow } from '../../src/db/results.js';
import { canonicalJson } from '../../src/audit/log.js';

const A = testUscc(1);
const B = testUscc(2);
const C = testUscc(3);
const RESERVE = testUscc(4);
/** 高青 9.1: a correction of a published result is signed by the executing unit's head. */
const APPROVED = ['--approved-by', '王局长', '--approved-on', '2024-02-19'];

let dir: string;
let cleanup: () => void;
const run = (...args: string[]) => ssj(dir, args, { SSJ_NOW: '2024-02-19T02:00:00Z' });
const db = () => new Database(join(dir, 'ssj.db'), { readonly: true });

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  seedDraw(join(dir, 'ssj.db'), {
    id: '2024Q1',
    window: { start: '2024-01-15', end: '2024-02-09' },
    enterprises: [
      { uscc: A, name: '甲化工有限公司' },
      { uscc: B, name: '乙机械厂' },
      { uscc: C, name: '丙仓储有限公司' },
      { uscc: RESERVE, name: '丁备选', role: 'reserve' },
    ],
  });
});
afterEach(() => cleanup());

describe('ssj result', () => {
  it('records, re-records before publication, publishes, refuses edits after, and keeps the original beside a correction', async () => {
    let r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      '未发现问题',
      '--date',
      '2024-02-08',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Recorded 2024Q1');

    // again before publication: an update, audit-logged
    r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'pending',
      '--date',
      '2024-02-08',
      '--follow-up',
      '责令改正',
      '--note',
      '消防通道堵塞',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Updated the unpublished result');

    r = await run('result', 'publish', '--plan', '2024Q1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('published 1 results and 0 corrections');

    r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('cannot be edited');
    expect(r.stderr).toContain('ssj result correct');

    // 高青 9.1: after publication a correction without the head's signature is refused, and nothing changes
    const correct = [
      'result',
      'correct',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'rectify',
      '--reason',
      '整改已完成',
    ];
    const before = dumpDb(join(dir, 'ssj.db'));
    r = await run(...correct);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('--approved-by, --approved-on');
    expect(r.stderr).toContain('高青 9.1');
    expect((await run(...correct, '--approved-by', '王局长')).stderr).toContain('Add --approved-on');
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
    r = await run(...correct, ...APPROVED);
    expect(r.code).toBe(0);
    const listed = JSON.parse((await run('--json', 'result', 'list', '--plan', '2024Q1')).stdout) as {
      corrections: { approvedBy: string; approvedOn: string }[];
    }[];
    expect(listed[0]!.corrections.map((c) => [c.approvedBy, c.approvedOn])).toEqual([['王局长', '2024-02-19']]);

    const list = JSON.parse((await run('--json', 'result', 'list', '--plan', '2024Q1')).stdout) as {
      outcome: string;
      followUp: string;
      note: string;
      original: unknown;
      corrections: { publishedAt: string | null }[];
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      outcome: 'rectify',
      followUp: 'order-rectify',
      note: '消防通道堵塞',
      original: { outcome: 'pending', followUp: 'order-rectify' },
    });
    expect(list[0]!.corrections[0]!.publishedAt).toBeNull();
    expect((await run('--lang', 'zh', 'result', 'list')).stdout).toContain('已更正，原结果：发现问题待后续处理');

    // both rows stay in the database, the original untouched
    const d = db();
    const original = d.prepare('SELECT * FROM results').get() as ResultRow;
    expect(original.outcome).toBe('pending');
    expect(d.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 1 });

    // the correction is published with the next publish, and a published result still cannot be recorded over
    r = await run('result', 'publish', '--plan', '2024Q1');
    expect(r.stdout).toContain('published 0 results and 1 corrections');
    expect((await run('result', 'publish', '--plan', '2024Q1')).stdout).toContain('no unpublished');
    d.close();
  });

  it('puts the full stored row in the audit log, so stored results can be checked against it', async () => {
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    await run('result', 'report', '--plan', '2024Q1', '--enterprise', A, '--date', '2024-02-18');
    await run('result', 'publish', '--plan', '2024Q1');
    await run(
      'result',
      'correct',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'closed',
      '--reason',
      '企业已停业',
      ...APPROVED,
    );
    const d = db();
    const entries = d.prepare('SELECT action, payload FROM audit_log ORDER BY seq').all() as {
      action: string;
      payload: string;
    }[];
    expect(entries.map((e) => e.action)).toEqual([
      'result.record',
      'result.report',
      'result.publish',
      'result.correct',
    ]);
    const stored = d.prepare('SELECT * FROM results').get() as ResultRow;
    const lastWithResult = JSON.parse(entries[2]!.payload) as { results: unknown[] };
    expect(canonicalJson(lastWithResult.results[0])).toBe(canonicalJson(resultAuditRow(stored)));
    expect(Object.keys(lastWithResult.results[0] as object).sort()).toEqual(Object.keys(stored).sort());
    const correction = d.prepare('SELECT * FROM corrections').get() as CorrectionRow;
    expect(canonicalJson((JSON.parse(entries[3]!.payload) as { corrections: unknown[] }).corrections[0])).toBe(
      canonicalJson(correctionAuditRow(correction)),
    );
    d.close();
  });

  it('refuses an unknown outcome with exit 3 and the list of valid ones in both forms', async () => {
    const r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      '合格',
      '--date',
      '2024-02-08',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"合格"');
    for (const s of [
      'no-issue = 未发现问题',
      'rectify = 发现问题已责令改正',
      'closed = 已关闭停业或正在清算',
      'deregistered = 注销/吊销/撤销/迁出',
    ])
      expect(r.stderr).toContain(s);
    const d = db();
    expect(d.prepare('SELECT count(*) AS n FROM results').get()).toEqual({ n: 0 });
    d.close();
  });

  it('refuses results for an unknown plan (4), an undrawn plan (5), an enterprise not drawn (4) or only a reserve (5)', async () => {
    seedDraw(join(dir, 'ssj.db'), { id: 'draft', undrawn: true, enterprises: [] });
    const rec = (plan: string, uscc: string) =>
      run('result', 'record', '--plan', plan, '--enterprise', uscc, '--outcome', 'no-issue', '--date', '2024-02-08');
    let r = await rec('nope', A);
    expect([r.code, r.stderr]).toEqual([4, expect.stringContaining('No plan nope')]);
    r = await rec('draft', A);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('ssj draw --plan draft')]);
    r = await rec('2024Q1', testUscc(99));
    expect([r.code, r.stderr]).toEqual([4, expect.stringContaining('not in the draw')]);
    r = await rec('2024Q1', RESERVE);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('reserve')]);
    r = await rec('2024Q1', '91350100000000000X');
    expect(r.code).toBe(3);
    r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-30',
    );
    expect([r.code, r.stderr]).toEqual([3, expect.stringContaining('2024-02-30')]);
    r = await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
      '--report-date',
      '2024-02-01',
    );
    expect([r.code, r.stderr]).toEqual([3, expect.stringContaining('before the check date')]);
  });

  it('refuses a correction of an unpublished result (record it again instead)', async () => {
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    const r = await run(
      'result',
      'correct',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'rectify',
      '--reason',
      'x',
    );
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('ssj result record');
  });
});

describe('ssj result import', () => {
  it('imports a GBK file with Chinese headers, then refuses a file with bad rows whole, naming line, column and reason', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      iconv.encode(
        `计划编号,统一社会信用代码,检查日期,检查结果,后续处置,备注\r\n2024Q1,${A},2024/2/8,未发现问题,,\r\n2024Q1,${B},2024-01-25,rectify,责令改正,"通道堵塞,已整改"\r\n`,
        'gbk',
      ),
    );
    let r = await run('result', 'import', good);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 results added');
    expect((await run('result', 'import', good)).stdout).toContain('2 unchanged');

    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'plan,uscc,date,outcome,followUp,note',
        `2024Q1,${C},2024-02-08,合格,,`, // line 2: unknown outcome
        `2024Q1,${RESERVE},2024-02-08,no-issue,,`, // line 3: a reserve
        `2024Q1,${C},2024-02-31,no-issue,,`, // line 4: no such date, and C twice
        `nope,${C},2024-02-08,no-issue,罚款,`, // line 5: unknown plan, unknown follow-up
        `2024Q1,${A},2024-02-08,pending,,`, // line 6: fine on its own (A not published)
      ].join('\n'),
    );
    r = await run('result', 'import', bad);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('4 bad rows; nothing was imported');
    expect(r.stderr).toContain('line 2, outcome: Unknown outcome "合格"');
    expect(r.stderr).toContain('line 3, uscc:');
    expect(r.stderr).toContain('line 4, date:');
    expect(r.stderr).toContain('line 4, uscc: Plan 2024Q1, enterprise');
    expect(r.stderr).toContain('line 5, plan: No plan nope');
    expect(r.stderr).toContain('line 5, followUp: Unknown follow-up action "罚款"');
    expect(r.stderr).not.toContain('line 6');
    const d = db();
    expect(d.prepare('SELECT outcome FROM results WHERE uscc = ?').get(A)).toEqual({ outcome: 'no-issue' });
    expect(d.prepare('SELECT count(*) AS n FROM results').get()).toEqual({ n: 2 });
    expect(d.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'result.import'").get()).toEqual({ n: 1 });
    d.close();
  });

  it('refuses to change a published result through an import', async () => {
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    await run('result', 'publish', '--plan', '2024Q1');
    const f = join(dir, 'r.csv');
    writeFileSync(f, `计划编号,统一社会信用代码,检查日期,检查结果\n2024Q1,${A},2024-02-08,rectify\n`);
    const r = await run('result', 'import', f);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ssj result correct');
  });
});

describe('ssj objection', () => {
  it('records an objection, its review and answer, reminds to correct when upheld, and refuses a second review', async () => {
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      B,
      '--outcome',
      'obstruct',
      '--date',
      '2024-01-25',
    );
    let r = await run(
      'objection',
      'add',
      '--plan',
      '2024Q1',
      '--enterprise',
      B,
      '--received',
      '2024-02-01',
      '--text',
      '检查时负责人不在场，并非拒绝配合',
    );
    expect(r.code).toBe(0);
    // 20 working days after 2024-02-01: 02, 04 (Sun, worked), 05-09, 18 (Sun, worked), 19-23, 26-03-01, 04, 05
    expect(r.stdout).toContain('Review due by 2024-03-05');
    r = await run('objection', 'resolve', '1', '--decision', 'upheld', '--text', '复核属实', '--date', '2024-02-20');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`ssj result correct --plan 2024Q1 --enterprise ${B}`);
    r = await run('objection', 'resolve', '1', '--decision', 'rejected', '--text', '再议', '--date', '2024-02-21');
    expect(r.code).toBe(5);
    r = await run('objection', 'answer', '1', '--date', '2024-02-22');
    expect(r.code).toBe(0);
    const list = JSON.parse((await run('--json', 'objection', 'list')).stdout) as Record<string, unknown>[];
    expect(list[0]).toMatchObject({
      id: 1,
      uscc: B,
      decision: 'upheld',
      reviewed_at: '2024-02-20',
      answered_at: '2024-02-22',
    });
    expect(
      (await run('objection', 'resolve', '9', '--decision', 'upheld', '--text', 'x', '--date', '2024-02-20')).code,
    ).toBe(4);
    expect(
      (await run('objection', 'add', '--plan', '2024Q1', '--enterprise', C, '--received', '2024-02-01', '--text', 'x'))
        .code,
    ).toBe(4);
  });
});

describe('ssj due', () => {
  it('lists overdue and soon-due items at a fixed day, counting Spring Festival 2024 and its make-up Sundays', async () => {
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      B,
      '--outcome',
      'rectify',
      '--date',
      '2024-01-25',
      '--report-date',
      '2024-01-30',
    );
    const r = await run('--json', 'due', '--today', '2024-02-19');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const due = JSON.parse(r.stdout) as {
      today: string;
      horizon: string;
      overdue: Record<string, unknown>[];
      due: Record<string, unknown>[];
    };
    expect(due.today).toBe('2024-02-19');
    expect(due.horizon).toBe('2024-02-26');
    const brief = (i: Record<string, unknown>) => `${i.kind} ${i.uscc ?? i.month} ${i.due} ${i.workdays}`;
    expect(due.overdue.map(brief)).toEqual([
      `feedback ${B} 2024-02-05 6`, // report 01-30 + 5: 31, 01, 02, 04 (Sun, worked), 05
      'monthly 2024-01 2024-02-06 5', // February's 5th working day: 01, 02, 04, 05, 06
      `result-missing ${C} 2024-02-09 2`, // window ended, no result
    ]);
    expect(due.due.map(brief)).toEqual([
      `report ${A} 2024-02-21 2`, // 02-08 + 5: 09, 18 (Sun, worked), 19, 20, 21
    ]);

    // the same in text, and done items disappear
    await run('result', 'feedback', '--plan', '2024Q1', '--enterprise', B, '--date', '2024-02-19');
    const text = (await run('due', '--today', '2024-02-19')).stdout;
    expect(text).toContain('Overdue (2)');
    expect(text).toContain('record the check result');
    expect(text).not.toContain('give feedback');
  });

  it("takes the plan's publication days over the office setting, and the office setting over the default", async () => {
    seedDraw(join(dir, 'ssj.db'), {
      id: 'LST',
      resultDays: 7,
      window: { start: '2024-02-01', end: '2024-03-31' },
      enterprises: [{ uscc: A, name: '甲' }],
    });
    await run(
      'result',
      'record',
      '--plan',
      'LST',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
      '--report-date',
      '2024-02-09',
      '--feedback-date',
      '2024-02-09',
    );
    let due = JSON.parse((await run('--json', 'due', '--today', '2024-02-19', '--plan', 'LST')).stdout) as {
      due: { kind: string; due: string }[];
    };
    expect(due.due.filter((i) => i.kind === 'publication').map((i) => i.due)).toEqual(['2024-02-23']); // 02-08 + 7
    await run('config', 'set', 'deadline.reportDays', '3');
    await run(
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      A,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-08',
    );
    due = JSON.parse((await run('--json', 'due', '--today', '2024-02-19', '--plan', '2024Q1')).stdout) as {
      due: { kind: string; due: string }[];
    };
    expect(due.due.filter((i) => i.kind === 'report').map((i) => i.due)).toEqual(['2024-02-19']); // 02-08 + 3: 09, 18, 19
  });

  it('counts what it can on a day outside the calendar, and takes a year from a file only as its whole official arrangement', async () => {
    let r = await run('due', '--today', '2027-03-01');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ends with 2026');
    expect(r.stdout).toContain('late'); // the 2024 window ended: overdue, its lateness not countable in 2027
    expect((await run('due', '--today', '2027-03-01', '--strict')).code).toBe(0); // nothing needs 2027 to be computed
    const partial = join(dir, 'holidays-partial.csv');
    writeFileSync(partial, 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休\n');
    r = await run('calendar', 'import', partial);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('not the whole official arrangement for 2027');
    const csv = join(FIXTURES, 'calendar', 'holidays-2027-example.csv');
    r = await run('due', '--today', '2027-03-01', '--holidays', csv);
    expect([r.code, r.stderr]).toEqual([0, '']);
    r = await run('calendar', 'import', csv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2004–2027');
    expect((await run('due', '--today', '2027-03-01')).code).toBe(0);
    const days = JSON.parse((await run('--json', 'calendar', 'list', '--year', '2027')).stdout).days as {
      source: string;
    }[];
    expect(days).toHaveLength(34);
    expect(days.every((d) => d.source === 'office')).toBe(true);
  });

  it('refuses a holidays file with bad rows, naming each', async () => {
    const csv = join(dir, 'bad-holidays.csv');
    writeFileSync(csv, '日期,类型,名称\n2027-01-01,放假,元旦\n2027-13-01,放假,\n2027-02-06,加班,\n2027-01-01,休,\n');
    const r = await run('calendar', 'import', csv);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('line 3, 日期');
    expect(r.stderr).toContain('line 4, 类型: Unknown kind "加班"');
    expect(r.stderr).toContain('line 5, 日期: The date 2027-01-01 appears twice');
    const d = db();
    expect(d.prepare('SELECT count(*) AS n FROM calendar_days').get()).toEqual({ n: 0 });
    d.close();
  });

  it('uses today in China from --now by default', async () => {
    const r = await ssj(dir, ['--json', 'due'], { SSJ_NOW: '2024-02-18T16:30:00Z' });
    expect(JSON.parse(r.stdout).today).toBe('2024-02-19');
  });
});

describe('on a real draw of the fixtures (import, plan add, freeze, draw)', () => {
  let fx: FixtureDb;
  beforeAll(() => {
    fx = drawnFixtureDb();
  });
  afterAll(() => fx.cleanup());

  it('records, publishes and corrects results of the drawn enterprises, lists what is missing, and the audit log still verifies', async () => {
    const go = (...args: string[]) => ssj(fx.dir, args, { SSJ_NOW: '2024-04-08T02:00:00Z' });
    const d = new Database(fx.db, { readonly: true });
    const selected = d
      .prepare(
        "SELECT s.uscc FROM selections s JOIN draws w ON w.id = s.draw_id WHERE w.status = 'active' AND s.role = 'selected' ORDER BY s.uscc",
      )
      .all() as { uscc: string }[];
    const reserve = d
      .prepare(
        "SELECT s.uscc FROM selections s JOIN draws w ON w.id = s.draw_id WHERE w.status = 'active' AND s.role = 'reserve' LIMIT 1",
      )
      .get() as { uscc: string };
    d.close();
    expect(selected.length).toBeGreaterThan(2);
    const [first, second] = [selected[0]!.uscc, selected[1]!.uscc];

    expect(
      (
        await go(
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          reserve.uscc,
          '--outcome',
          'no-issue',
          '--date',
          '2024-03-20',
        )
      ).code,
    ).toBe(5);
    expect(
      (
        await go(
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          first,
          '--outcome',
          '发现问题已责令改正',
          '--follow-up',
          'order-rectify',
          '--date',
          '2024-03-20',
          '--report-date',
          '2024-03-22',
          '--feedback-date',
          '2024-03-26',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await go(
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          second,
          '--outcome',
          'no-issue',
          '--date',
          '2024-04-01',
        )
      ).code,
    ).toBe(0);
    expect((await go('result', 'publish', '--plan', '2024Q1')).stdout).toContain('published 2 results');
    expect(
      (
        await go(
          'result',
          'record',
          '--plan',
          '2024Q1',
          '--enterprise',
          first,
          '--outcome',
          'no-issue',
          '--date',
          '2024-03-20',
        )
      ).code,
    ).toBe(5);
    expect(
      (
        await go(
          'result',
          'correct',
          '--plan',
          '2024Q1',
          '--enterprise',
          first,
          '--outcome',
          'no-issue',
          '--reason',
          '复核更正',
          '--approved-by',
          '王局长',
          '--approved-on',
          '2024-04-01',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await go(
          'objection',
          'add',
          '--plan',
          '2024Q1',
          '--enterprise',
          second,
          '--received',
          '2024-04-03',
          '--text',
          '异议',
        )
      ).code,
    ).toBe(0);

    // 2024-04-08: Qingming 04-04..06 off, 04-07 (Sunday) worked
    // 顺城 第二十条: the enterprise said nothing within 3 working days of the feedback; recorded, so nothing is open
    expect((await go('result', 'feedback', '--plan', '2024Q1', '--enterprise', first, '--opinion', 'none')).code).toBe(
      0,
    );
    const due = JSON.parse((await go('--json', 'due', '--plan', '2024Q1')).stdout) as {
      today: string;
      overdue: { kind: string; uscc: string }[];
      due: { kind: string; uscc: string; due: string }[];
    };
    expect(due.today).toBe('2024-04-08');
    expect(due.overdue.filter((i) => i.kind === 'result-missing')).toHaveLength(selected.length - 2);
    // second: checked 04-01, report due 5 working days later: 04-02, 04-03, 04-07 (Sun, worked), 04-08, 04-09
    expect(due.due.find((i) => i.kind === 'report' && i.uscc === second)?.due).toBe('2024-04-09');
    expect(due.overdue.some((i) => i.uscc === first)).toBe(false);

    const verify = await go('audit', 'verify');
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
  });
});
