import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadYearReport, type ReportData } from '../../src/app/report.js';
import { spread, publishRow } from '../../src/core/year-report.js';
import { openDb } from '../../src/db/open.js';
import { officialCalendar } from '../../src/io/calendar.js';
import { ROOT, ssj, ssjOk, tempDir } from '../helpers/cli.js';
import { buildYearDb, E, NAMES } from '../helpers/year-db.js';

/**
 * `ssj report --year` (issue 18 part 6) on the hand-built year of test/helpers/year-db.ts: every figure below was
 * counted by hand from that file, with the reasoning beside it.
 */
const NOW = '2024-12-20T02:00:00.000Z';
const GOLDEN = join(ROOT, 'test', 'golden', 'report');

let dir: string;
let cleanup: () => void;
let data: ReportData;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('ssj-year-'));
  buildYearDb(join(dir, 'ssj.db'));
  const db = openDb(join(dir, 'ssj.db'));
  try {
    data = loadYearReport(db, { year: 2024, now: NOW });
  } finally {
    db.close();
  }
});
afterAll(() => cleanup());

describe('the year report on a hand-built year (two plans, history, a repeat, an over-cap by higher-level history)', () => {
  it('totals: 7 active enterprises; own checks E1, E5, E4; with history also E2; the void draw counts nowhere', () => {
    expect(data.report.totals).toEqual({
      enterprises: 7, // E6 is inactive
      checkedOwn: 3, // E1, E5 (P1), E4 (P1, P2); E3 was replaced in P2 and drawn only in the void draw
      checkedAny: 4, // + E2 (province, 2024-05-01)
      plans: 2, // P1, P2 (P0 is 2023)
      draws: 2,
      voidDraws: 1,
      checks: 5, // P1: E1, E5, E4; P2: E5, E4
      historyChecks: 2, // E1 2024-03-05, E2 2024-05-01
      seats: 10, // P1: 6; P2: 4 (E3's seat was for the replaced enterprise)
      results: 4,
      published: 2,
    });
  });

  it('coverage by stratum (union of the pools), industry and region (active roster)', () => {
    const c = data.report.coverage;
    expect(c.byStratum.map((r) => [r.key, r.members, r.checked, r.share])).toEqual([
      ['重点', 3, 2, 0.6667], // pools E1, E2, E5; checked E1, E5
      ['一般', 2, 1, 0.5], // pools E3, E4; checked E4
    ]);
    expect(c.byIndustry.map((r) => [r.key, r.members, r.checked])).toEqual([
      ['机械', 3, 1], // E3, E4, E7
      ['危险化学品', 2, 1], // E1, E2
      ['商贸', 2, 1], // E5, E8 (E6 inactive)
    ]);
    expect(c.byRegion.map((r) => [r.key, r.members, r.checked])).toEqual([
      ['A镇', 4, 2], // E1, E3, E5, E7: E1, E5
      ['B镇', 3, 1], // E2, E4, E8: E4
    ]);
  });

  it('never checked in 2022–2024: E7 (nothing at all) and E8 (last checked 2021); E3 counts by the 2023 plan', () => {
    expect(data.report.neverChecked.from).toBe(2022);
    expect(data.report.neverChecked.enterprises.map((e) => e.name).sort()).toEqual([NAMES.E7, NAMES.E8].sort());
  });

  it('国办发〔2024〕54号 warnings: E1 over P1 cap by the city check; E4 a repeat within P2 cap 2; E5 exempt', () => {
    const r = data.report.repeats;
    expect(r.map((x) => [x.name, x.count, x.cap, x.overCap, x.exemptIn])).toEqual([
      [NAMES.E1, 2, 1, true, []],
      [NAMES.E4, 2, 2, false, []],
      [NAMES.E5, 2, null, false, ['P1', 'P2']],
    ]);
    // the rows behind the over-cap warning: the draw and the higher level's history row
    expect(r[0]!.checks).toEqual([
      { kind: 'draw', date: '2024-01-10', planId: 'P1', drawId: 3, stratum: '重点', source: null, task: null },
      {
        kind: 'history',
        date: '2024-03-05',
        planId: null,
        drawId: null,
        stratum: null,
        source: '淄博市应急管理局',
        task: '市级“双随机”抽查',
      },
    ]);
    expect(r[1]!.checks.map((c) => c.planId)).toEqual(['P1', 'P2']);
  });

  it('workload: I1 4, I2 3, I3 3, I4 0 (its void and replaced seats do not count), expert I5 0; I6 inactive', () => {
    const w = data.report.workload;
    expect(w.inspectors.map((i) => [i.certNo, i.seats])).toEqual([
      ['I1', 4],
      ['I2', 3],
      ['I3', 3],
      ['I4', 0],
      ['I5', 0],
    ]);
    // officers only: [4, 3, 3, 0] → mean 2.5, sd sqrt((2.25 + 0.25 + 0.25 + 6.25) / 4) = 1.5
    expect(w.spread).toEqual({ mean: 2.5, min: 0, max: 4, sd: 1.5 });
    expect(w.idle.map((i) => i.certNo)).toEqual(['I4', 'I5']);
  });

  it('publication against 20 working days (高青 9.1), across Qingming 2024 and New Year 2025', () => {
    const p = data.report.publishing;
    expect(p.rows.map((r) => [r.planId, r.name, r.deadline, r.publishedOn, r.workdays, r.status])).toEqual([
      // 03-01 + 20 working days = 03-29; published 03-15 after 10 working days
      ['P1', NAMES.E1, '2024-03-29', '2024-03-15', 10, 'on-time'],
      // 03-04 + 20 = 04-01; published 04-08: 04-02, 04-03, (04-04..06 off), 04-07 a Sunday worked, 04-08 → 24
      ['P1', NAMES.E5, '2024-04-01', '2024-04-08', 24, 'late'],
      // 11-04 + 20 = 12-02, not published by 12-20
      ['P2', NAMES.E4, '2024-12-02', null, null, 'overdue'],
      // 12-16 + 20 = 2025-01-14 (01-01 off), not yet due
      ['P2', NAMES.E5, '2025-01-14', null, null, 'pending'],
    ]);
    expect(p.counts).toEqual({ 'on-time': 1, late: 1, overdue: 1, pending: 1, uncounted: 0 });
    expect([p.median, p.longest]).toEqual([17, 24]);
  });

  it('objections and corrections (高青 9.1 approver, 9.2 review)', () => {
    const r = data.report;
    expect(r.objections).toEqual({ count: 2, reviewed: 1, answered: 1, decisions: { rejected: 1 } });
    expect([r.corrections.count, r.corrections.approved, r.corrections.published]).toEqual([2, 1, 1]);
  });

  it('inclusion probability n/pool of every stratum of every draw, with the observed selection', () => {
    expect(
      data.report.probabilities.map((d) => [
        d.planId,
        d.status,
        d.strata.map((s) => [s.name, s.selected, s.pool, s.p, s.observed]),
      ]),
    ).toEqual([
      [
        'P1',
        'void',
        [
          ['重点', 2, 3, 0.6667, { selected: 2, reserve: 0, replaced: 0 }],
          ['一般', 1, 2, 0.5, { selected: 1, reserve: 0, replaced: 0 }],
        ],
      ],
      [
        'P1',
        'active',
        [
          ['重点', 2, 3, 0.6667, { selected: 2, reserve: 1, replaced: 0 }],
          ['一般', 1, 2, 0.5, { selected: 1, reserve: 1, replaced: 0 }],
        ],
      ],
      [
        'P2',
        'active',
        [
          ['重点', 1, 2, 0.5, { selected: 1, reserve: 1, replaced: 0 }],
          ['一般', 1, 2, 0.5, { selected: 1, reserve: 0, replaced: 1 }],
        ],
      ],
    ]);
  });
});

describe('the published report leaves out an unannounced plan until its window ends (as the task pages do)', () => {
  it('P2 made unannounced with its window to 2024-12-31: withheld on 2024-12-20, counted from 2025-01-01', () => {
    const { dir: d, cleanup: done } = tempDir('ssj-year-unannounced-');
    try {
      buildYearDb(join(d, 'ssj.db'));
      const db = openDb(join(d, 'ssj.db'));
      try {
        const json = JSON.parse((db.prepare("SELECT json FROM plans WHERE id = 'P2'").get() as { json: string }).json);
        json.publication.unannounced = true;
        db.prepare("UPDATE plans SET json = ? WHERE id = 'P2'").run(JSON.stringify(json));
        db.prepare("UPDATE draws SET plan_json = ? WHERE plan_id = 'P2'").run(JSON.stringify(json));
        const before = loadYearReport(db, { year: 2024, now: NOW, forPublication: true });
        expect(before.withheld).toEqual([{ planId: 'P2', until: '2024-12-31' }]);
        expect(before.report.totals.draws).toBe(1);
        expect(before.report.probabilities.map((p) => p.planId)).toEqual(['P1', 'P1']);
        expect(JSON.stringify(before.report)).not.toContain('"P2"');
        // the office's own report (not for publication) counts it
        expect(loadYearReport(db, { year: 2024, now: NOW }).withheld).toEqual([]);
        const after = loadYearReport(db, { year: 2024, now: '2024-12-31T16:00:00.000Z', forPublication: true });
        expect([after.withheld, after.report.totals.draws]).toEqual([[], 2]);
      } finally {
        db.close();
      }
    } finally {
      done();
    }
  });
});

describe('year report figures (table tests)', () => {
  it.each([
    [[], null],
    [[2], { mean: 2, min: 2, max: 2, sd: 0 }],
    [[1, 3], { mean: 2, min: 1, max: 3, sd: 1 }],
    [[0, 0, 3], { mean: 1, min: 0, max: 3, sd: 1.4142 }],
  ])('spread of %j', (values, expected) => expect(spread(values)).toEqual(expected));

  it.each([
    // check, published, today → status
    ['2024-03-01', '2024-03-29', '2024-04-30', 'on-time'], // the deadline day itself is in time
    ['2024-03-01', '2024-04-01', '2024-04-30', 'late'],
    ['2024-03-01', null, '2024-03-29', 'pending'],
    ['2024-03-01', null, '2024-04-01', 'overdue'],
    ['2099-03-01', null, '2024-04-01', 'uncounted'], // a year the calendar does not cover
  ])('check %s published %s (today %s) is %s', (checkDate, publishedOn, today, status) => {
    const r = publishRow(officialCalendar(), today, {
      planId: 'P',
      uscc: 'x',
      name: 'x',
      checkDate,
      publishedOn,
      resultDays: 20,
    });
    expect(r.status).toBe(status);
  });
});

describe('ssj report (in-process): text, json and html goldens, xlsx read back, never an ID number or phone', () => {
  const golden = (name: string, text: string) => {
    const path = join(GOLDEN, name);
    if (process.env.SSJ_UPDATE_GOLDEN || !existsSync(path)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, text);
    }
    expect(text).toBe(readFileSync(path, 'utf8'));
  };
  const noPersonal = (text: string) => {
    expect(text).not.toContain('110101199003071234');
    expect(text).not.toMatch(/1380013800\d/);
  };

  it('prints the key figures as bars on the terminal', async () => {
    const r = await ssjOk(dir, ['report', '--year', '2024', '--now', NOW]);
    expect(r.stdout).toContain('Coverage by stratum');
    expect(r.stdout).toMatch(/重点\s+█+░+\s+66\.7% \(2\/3\)/);
    expect(r.stdout).toContain('over the cap');
    noPersonal(r.stdout);
  });

  it('writes the JSON and the page equal to the golden files', async () => {
    await ssjOk(dir, ['report', '--year', '2024', '--now', NOW, '--out', 'r.json']);
    await ssjOk(dir, ['report', '--year', '2024', '--now', NOW, '--format', 'html', '--out', 'r.html']);
    const json = readFileSync(join(dir, 'r.json'), 'utf8');
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    golden('report-2024.json', json);
    golden('report-2024.html', page);
    noPersonal(json);
    noPersonal(page);
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(page).toContain('<svg');
    expect(JSON.parse(json).repeats[0].uscc).toBe(E.E1);
  });

  it('writes an .xlsx that reads back with the same figures', async () => {
    await ssjOk(dir, ['report', '--year', '2024', '--now', NOW, '--out', 'r.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(2).map((r) => (r ?? []).slice(1));
    const summary = new Map(rows('概况').map((r) => [r[0], r[1]]));
    expect([summary.get('本级抽查覆盖企业'), summary.get('超过年度上限企业'), summary.get('检查组席位')]).toEqual([
      3, 1, 10,
    ]);
    expect(
      rows('重复与超上限')
        .filter((r) => r[4] === '超过年度上限')
        .map((r) => [r[0], r[6], r[10]]),
    ).toEqual([
      [E.E1, '本级抽查', ''],
      [E.E1, '检查记录', '淄博市应急管理局'],
    ]);
    expect(rows('人员工作量').map((r) => [r[0], r[4]])).toEqual([
      ['I1', 4],
      ['I2', 3],
      ['I3', 3],
      ['I4', 0],
      ['I5', 0],
    ]);
    expect(rows('入选概率').map((r) => [r[0], r[4], r[8]])).toContainEqual(['P1', '重点', 0.6667]);
  });

  it('refuses a bad year and an xlsx to the terminal (exit 2)', async () => {
    expect((await ssj(dir, ['report', '--year', '24'])).code).toBe(2);
    expect((await ssj(dir, ['report', '--year', '2024', '--format', 'xlsx'])).code).toBe(2);
  });
});
