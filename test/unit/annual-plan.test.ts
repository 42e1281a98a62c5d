import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualDeviations, AnnualPlanInvalid, validateAnnualPlan } from '../../src/domain/annual-plan.js';
import { validatePlan } from '../../src/domain/plan.js';
import { renderSite } from '../../src/io/site.js';
import { ssj, ssjOk, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { buildYearDb } from '../helpers/year-db.js';

/** The annual plan (issue 18 part 5; 顺城 第十一、十二条: 范围、比例和频次、时间; 高青 6.1: 预估数量, 备案, 公开). */
const ANNUAL = {
  year: 2024,
  title: '测试县应急管理局2024年度“双随机、一公开”抽查工作计划',
  scope: '本县行政区域内的生产经营单位',
  inspectors: '持有执法证的执法人员',
  strata: [
    { name: '重点', where: { supervision: ['重点'] }, ratio: '50%', frequency: 2, estimated: 3 },
    { name: '一般', where: { supervision: ['一般'] }, ratio: '1/2', frequency: 1, estimated: 2 },
  ],
  schedule: [
    { name: '上半年', start: '2024-01-01', end: '2024-06-30', strata: ['重点', '一般'] },
    { name: '下半年', start: '2024-07-01', end: '2024-12-31' },
  ],
  estimated: { enterprises: 5, checks: 6 },
  filing: { date: '2023-12-20', office: '测试县市场监督管理局' },
};

const problems = (raw: unknown): string[] => {
  try {
    validateAnnualPlan(raw);
    return [];
  } catch (e) {
    if (!(e instanceof AnnualPlanInvalid)) throw e;
    return e.problems.map((p) => `${p.path} ${p.code}`);
  }
};

describe('annual plan file (table tests)', () => {
  it('reads a whole plan', () => {
    const a = validateAnnualPlan(ANNUAL);
    expect(a.strata.map((s) => [s.name, s.ratio, s.frequency, s.estimated])).toEqual([
      ['重点', '50%', 2, 3],
      ['一般', '1/2', 1, 2],
    ]);
    expect(a.schedule[1]!.strata).toEqual([]);
  });
  it.each([
    ['no filing (高青 6.1: 备案)', { filing: undefined }, ['filing annual.noFiling']],
    ['a misspelt key', { frequncy: 1 }, ['frequncy plan.unknownKey']],
    [
      'a bad ratio and frequency',
      { strata: [{ name: 'A', ratio: '150%', frequency: 0 }] },
      [
        'strata[0].ratio annual.badRatio',
        'strata[0].frequency annual.badFrequency',
        // the schedule names strata the file no longer has
        'schedule[0].strata annual.unknownStratum',
        'schedule[0].strata annual.unknownStratum',
      ],
    ],
    [
      'a period outside the year, backwards, naming an unknown stratum',
      { schedule: [{ name: 'x', start: '2025-02-01', end: '2024-01-01', strata: ['特别'] }] },
      [
        'schedule[0].start annual.dateOutsideYear',
        'schedule[0] annual.startAfterEnd',
        'schedule[0].strata annual.unknownStratum',
      ],
    ],
    [
      'two strata of one name',
      { strata: [ANNUAL.strata[0], ANNUAL.strata[0]] },
      ['strata[1].name annual.duplicateStratum', 'schedule[0].strata annual.unknownStratum'],
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(problems({ ...ANNUAL, ...change })).toEqual(expected);
  });

  const plan = (over: Record<string, unknown>) =>
    validatePlan({
      id: 'Q',
      title: 'Q',
      year: 2024,
      window: { start: '2024-02-01', end: '2024-03-31' },
      cap: { perYear: 1 },
      strata: [{ name: '重点', where: { supervision: ['重点'] }, ratio: '50%' }],
      team: { size: 2 },
      items: { perEnterprise: 1 },
      ...over,
    });
  it.each([
    ['a plan inside the annual plan', {}, 0, []],
    [
      'a window across two periods',
      { window: { start: '2024-06-01', end: '2024-07-31' } },
      0,
      ['annual.outsideSchedule'],
    ],
    ['another ratio', { strata: [{ name: '重点', where: {}, ratio: '30%' }] }, 0, ['annual.otherRatio']],
    [
      'a stratum the annual plan lacks',
      { strata: [{ name: '专项', where: {}, ratio: '10%' }] },
      0,
      ['annual.planStratumUnknown'],
    ],
    ['the third draw of a stratum planned twice', {}, 2, ['annual.overFrequency']],
  ])('%s', (_name, over, earlier, codes) => {
    const others = Array.from({ length: earlier }, (_, i) => plan({ id: `E${i}` }));
    expect(annualDeviations(validateAnnualPlan(ANNUAL), plan(over), others).map((d) => d.code)).toEqual(codes);
  });
});

describe('ssj plan annual, the year report against it, the site page and the Word form (in-process)', () => {
  let dir: string;
  let cleanup: () => void;
  const NOW = '2024-12-20T02:00:00.000Z';
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('ssj-annual-'));
    buildYearDb(join(dir, 'ssj.db'));
    writeFileSync(join(dir, 'annual.json'), JSON.stringify(ANNUAL));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...ANNUAL, filing: { date: '2023-13-01' } }));
  });
  afterAll(() => cleanup());

  it('refuses a bad file naming each field (exit 3), and a year that differs (exit 2), changing nothing', async () => {
    const before = dumpDb(join(dir, 'ssj.db'));
    const r = await ssj(dir, ['plan', 'annual', '2024', 'bad.json'], { SSJ_NOW: NOW });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('filing.date');
    expect(r.stderr).toContain('filing.office');
    expect((await ssj(dir, ['plan', 'annual', '2025', 'annual.json'], { SSJ_NOW: NOW })).code).toBe(2);
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
  });

  it('records it once; replacing needs --reason (高青 6.1 动态调整); both are audit entries', async () => {
    const r = await ssjOk(dir, ['plan', 'annual', '2024', 'annual.json'], undefined, { SSJ_NOW: NOW });
    expect(r.stdout).toContain('Recorded the annual plan of 2024');
    const before = dumpDb(join(dir, 'ssj.db'));
    expect((await ssj(dir, ['plan', 'annual', '2024', 'annual.json'], { SSJ_NOW: NOW })).code).toBe(2);
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
    await ssjOk(dir, ['plan', 'annual', '2024', 'annual.json', '--reason', '下半年增加专项'], undefined, {
      SSJ_NOW: NOW,
    });
    const log = (await ssjOk(dir, ['--json', 'audit', 'log'])).stdout;
    expect(log).toContain('plan.annual.replace');
    expect(log).toContain('下半年增加专项');
  });

  it('the year report compares planned and done per stratum and period', async () => {
    const r = JSON.parse((await ssjOk(dir, ['--json', 'report', '--year', '2024', '--now', NOW])).stdout);
    expect(
      r.annual.strata.map((s: Record<string, unknown>) => [s.name, s.frequency, s.draws, s.estimated, s.checked]),
    ).toEqual([
      ['重点', 2, 2, 3, 2], // P1, P2 drew it; E1, E5
      ['一般', 1, 2, 2, 1], // drawn twice against a frequency of 1; E4
    ]);
    expect(r.annual.schedule.map((e: { name: string; plans: string[] }) => [e.name, e.plans])).toEqual([
      ['上半年', ['P1']],
      ['下半年', ['P2']],
    ]);
    expect(r.annual.done).toEqual({ enterprises: 3, checks: 5 });
  });

  it('is on the site (annual.html, linked from the index) and in a Word form with its 备案 line', async () => {
    // The hand-built draws have no replayable inputs, so the site is rendered from its data directly.
    const site = renderSite({
      office: '测试县应急管理局',
      year: 2024,
      generatedOn: '2024-12-20',
      chainHead: { seq: 0, hash: '0'.repeat(64) },
      items: [],
      inspectors: [],
      plans: [],
      months: [],
      verifier: Buffer.from(''),
      annual: validateAnnualPlan(ANNUAL),
    });
    expect(site.get('index.html')!.toString()).toContain('href="annual.html"');
    const page = site.get('annual.html')!.toString();
    expect(page).toContain('2023年12月20日报测试县市场监督管理局备案');
    expect(page).toContain('上半年');
    await ssjOk(dir, ['export', 'annual', '--year', '2024', '--out', 'annual.docx']);
    const text = (await mammoth.extractRawText({ path: join(dir, 'annual.docx') })).value;
    expect(text).toContain(ANNUAL.title);
    expect(text).toContain('本计划已于2023年12月20日报测试县市场监督管理局备案');
    expect(text).toContain('50%');
    expect((await ssj(dir, ['export', 'annual', '--year', '2023', '--out', 'x.docx'])).code).toBe(4);
  });

  it('a draw plan outside it warns at plan add (nothing refused)', async () => {
    const plan = {
      id: 'P3',
      title: '专项',
      year: 2024,
      window: { start: '2024-06-15', end: '2024-07-15' },
      cap: { perYear: 1 },
      strata: [{ name: '一般', where: { supervision: ['一般'] }, ratio: '30%' }],
      team: { size: 2 },
      items: { perEnterprise: 1 },
    };
    writeFileSync(join(dir, 'p3.json'), JSON.stringify(plan));
    const r = await ssj(dir, ['plan', 'add', 'p3.json'], { SSJ_NOW: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('outside every period of the annual plan');
    expect(r.stderr).toContain('the annual plan says 1/2');
    expect(r.stderr).toContain('this is draw 3 of "一般"');
  });
});
