import { describe, expect, it } from 'vitest';
import { editDistance, nearestKey, unknownKeys } from '../../src/domain/plan-keys.js';
import { checkPlan } from '../../src/app/plan-check.js';
import { PlanInvalid, validatePlan, type Plan } from '../../src/domain/plan.js';
import { planRosterProblems, type InspectorCount } from '../../src/domain/plan-roster.js';
import { t } from '../../src/i18n/index.js';

/** SSJ-2 plan files (DESIGN.md "Plan file" and SSJ-2 "Seat groups", Precisions "Defaults"). */
const base = (over: Record<string, unknown> = {}) => ({
  id: '2024Q1',
  title: '青禾县2024年第一季度抽查',
  year: 2024,
  window: { start: '2024-01-15', end: '2024-03-31' },
  cap: { perYear: 1 },
  strata: [
    { name: '非煤矿山', where: { industry: ['非煤矿山'] }, ratio: '20%' },
    { name: '一般行业', where: { supervision: ['一般'] }, ratio: '5%' },
  ],
  team: { officers: 2, specialists: 1, maxPerInspector: 6 },
  items: { perEnterprise: 3 },
  ...over,
});

const JOINT = {
  departments: [
    { name: '青禾县应急管理局', officers: 2, specialists: 1, items: 2 },
    { name: '青禾县市场监督管理局', officers: 1 },
  ],
};

function problems(raw: unknown): [string, string][] {
  try {
    checkPlan(raw);
  } catch (e) {
    if (e instanceof PlanInvalid) return e.problems.map((p) => [p.path, p.code]);
    throw e;
  }
  return [];
}

describe('team rules of a plan file', () => {
  it('reads an SSJ-1 file: team.size counts officers, no experts (DESIGN.md "Plan file")', () => {
    const p = validatePlan(base({ team: { size: 3, specialists: 1 } }));
    expect(p.team).toEqual({ officers: 3, specialists: 1, experts: 0, maxPerInspector: null });
    expect(p.joint).toBeNull();
    expect(p.inspectors.where).toEqual({});
    expect(p.items).toEqual({ perEnterprise: 3, department: null });
  });

  it('officers wins over size when both are given', () => {
    expect(validatePlan(base({ team: { size: 5, officers: 2 } })).team.officers).toBe(2);
  });

  it('reads experts, stratum overrides (顺城 第十三条: 3 with a 非煤矿山 specialist), inspectors.where, items.department', () => {
    const raw = base({
      team: { officers: 2, specialists: 0, experts: 1, maxPerInspector: 4 },
      inspectors: { where: { unit: ['青禾县应急管理局', '青禾县安监站'], kind: ['执法人员', '安全生产专家'] } },
      items: { perEnterprise: 3, department: '青禾县应急管理局' },
    });
    (raw.strata as Record<string, unknown>[])[0]!.team = { officers: 3, specialists: 1 };
    const p = validatePlan(raw);
    expect(p.team).toEqual({ officers: 2, specialists: 0, experts: 1, maxPerInspector: 4 });
    expect(p.strata[0]!.team).toEqual({ officers: 3, specialists: 1 });
    expect(p.strata[1]!.team).toBeUndefined();
    expect(p.inspectors.where).toEqual({ unit: ['青禾县应急管理局', '青禾县安监站'], kind: ['officer', 'expert'] });
    expect(p.items.department).toBe('青禾县应急管理局');
    expect(validatePlan(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('reads a joint plan (高青 6.2): departments in order, specialists default 0, items default perEnterprise', () => {
    const p = validatePlan(base({ joint: JOINT, team: { experts: 1 } }));
    expect(p.joint).toEqual({
      departments: [
        { name: '青禾县应急管理局', officers: 2, specialists: 1, items: 2 },
        { name: '青禾县市场监督管理局', officers: 1, specialists: 0, items: 3 },
      ],
    });
    expect(p.team.experts).toBe(1);
    expect(validatePlan(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    [
      '行政处罚法 第四十二条: fewer than 2 officer seats',
      { team: { officers: 1, experts: 2 } },
      [['team.officers', 'plan.ssj2.fewOfficers']],
    ],
    [
      '行政处罚法 第四十二条: an SSJ-1 file with one-person teams',
      { team: { size: 1 } },
      [['team.officers', 'plan.ssj2.fewOfficers']],
    ],
    ['a plan without officers', { team: { experts: 1 } }, [['team.officers', 'plan.required']]],
    [
      '行政处罚法 第四十二条: a stratum override below 2 officers',
      { strata: [{ name: 'a', ratio: '5%', team: { officers: 1 } }] },
      [['strata[0].team.officers', 'plan.ssj2.fewOfficers']],
    ],
    [
      'more specialists than officer seats',
      { team: { officers: 2, specialists: 3 } },
      [['team.specialists', 'plan.ssj2.specialistsOverOfficers']],
    ],
    [
      '高青 8.2: no officer of the lead department to lead the team',
      {
        joint: {
          departments: [
            { name: '甲局', officers: 0 },
            { name: '乙局', officers: 2 },
          ],
        },
      },
      [['joint.departments[0].officers', 'plan.ssj2.noLeadOfficer']],
    ],
    [
      '高青 6.2: a joint plan with fewer than 2 officers in all',
      { joint: { departments: [{ name: '甲局', officers: 1 }] } },
      [['joint.departments', 'plan.ssj2.fewOfficers']],
    ],
    [
      'a stratum override together with joint',
      { joint: JOINT, strata: [{ name: 'a', ratio: '5%', team: { officers: 3 } }] },
      [['strata[0].team', 'plan.ssj2.overrideWithJoint']],
    ],
    [
      'a department named like a group',
      {
        joint: {
          departments: [
            { name: '甲局', officers: 2 },
            { name: 'experts', officers: 1 },
          ],
        },
      },
      [['joint.departments[1].name', 'plan.ssj2.reservedDepartment']],
    ],
    [
      'a department without officers given',
      { joint: { departments: [{ name: '甲局', officers: 2 }, { name: '乙局' }] } },
      [['joint.departments[1].officers', 'plan.required']],
    ],
    [
      'a department listed twice',
      {
        joint: {
          departments: [
            { name: '甲局', officers: 2 },
            { name: '甲局', officers: 1 },
          ],
        },
      },
      [['joint.departments[1].name', 'plan.ssj2.duplicateDepartment']],
    ],
    ['an empty joint', { joint: { departments: [] } }, [['joint.departments', 'plan.noDepartments']]],
    [
      'an unknown inspector kind',
      { inspectors: { where: { kind: ['协管员'] } } },
      [['inspectors.where.kind', 'plan.badKind']],
    ],
  ])('%s is an error with its path', (_, over, expected) => {
    expect(problems(base(over))).toEqual(expected);
  });

  it('a stored plan (drawn under SSJ-1 with one-person teams) stays readable', () => {
    expect(validatePlan(base({ team: { size: 1 } })).team.officers).toBe(1);
  });
});

describe('unknown keys at any depth name the nearest known key (#15: "maxPerInspecter" was silently no limit)', () => {
  it.each<[string, Record<string, unknown>, string, string | null]>([
    ['team.maxPerInspecter', { team: { officers: 2, maxPerInspecter: 1 } }, 'team.maxPerInspecter', 'maxPerInspector'],
    ['team.inspectors', { team: { officers: 2, inspectors: 3 } }, 'team.inspectors', null],
    ['items.mustInclude', { items: { perEnterprise: 2, mustInclude: ['YJ-001'] } }, 'items.mustInclude', null],
    ['strata[1].team.officer', {}, 'strata[1].team.officer', 'officers'],
    [
      'inspectors.where.depatment',
      { inspectors: { where: { depatment: ['甲局'] } } },
      'inspectors.where.depatment',
      'department',
    ],
    [
      'joint.departments[0].offcers',
      { joint: { departments: [{ name: '甲局', offcers: 2 }] } },
      'joint.departments[0].offcers',
      'officers',
    ],
    ['a top-level typo', { tilte: 'x' }, 'tilte', 'title'],
    ['strata[0].where.industy', {}, 'strata[0].where.industy', 'industry'],
  ])('%s', (_, over, path, nearest) => {
    const raw = base(over) as Record<string, unknown>;
    const strata = raw.strata as Record<string, unknown>[];
    if (path.startsWith('strata[1].team')) strata[1]!.team = { officer: 3 };
    if (path.startsWith('strata[0].where')) strata[0]!.where = { industy: ['非煤矿山'] };
    const found = unknownKeys(raw);
    expect(found.map((u) => [u.path, u.nearest])).toContainEqual([path, nearest]);
    expect(problems(raw).map((p) => p[0])).toContain(path);
  });

  it('the message says "did you mean", in Chinese too', () => {
    const params = { key: 'maxPerInspecter', nearest: 'maxPerInspector', known: 'officers, maxPerInspector' };
    expect(t('en', 'plan.unknownKeyNear', params)).toContain('did you mean "maxPerInspector"');
    expect(t('zh', 'plan.unknownKeyNear', params)).toContain('是否应为 "maxPerInspector"');
  });

  it('edit distance counts a swap of neighbours as one', () => {
    expect(editDistance('maxPerInspecter', 'maxPerInspector')).toBe(1);
    expect(editDistance('ofifcers', 'officers')).toBe(1);
    expect(nearestKey('colour', ['region', 'industry'])).toBeNull();
  });
});

describe('team rules against the roster', () => {
  const row = (kind: string, department: string, n = 3, unit = ''): InspectorCount => ({
    kind,
    department,
    unit,
    region: '',
    title: '',
    n,
  });
  const plan = (over: Record<string, unknown>): Plan => validatePlan(base(over));

  it('高青 6.2: a joint department with no officer in the roster is an error with its path', () => {
    const roster = [row('officer', '青禾县应急管理局'), row('expert', '青禾县市场监督管理局')];
    expect(planRosterProblems(plan({ joint: JOINT }), roster, '青禾县应急管理局')).toEqual([
      expect.objectContaining({ path: 'joint.departments[1].name', code: 'plan.departmentNoOfficers' }),
    ]);
  });

  it("an empty 所属部门 is the office's own department", () => {
    const roster = [row('officer', ''), row('officer', '青禾县市场监督管理局')];
    expect(planRosterProblems(plan({ joint: JOINT }), roster, '青禾县应急管理局')).toEqual([]);
  });

  it('高青 7.3: experts asked for with no expert in the roster', () => {
    const p = plan({ team: { officers: 2, experts: 1 } });
    expect(planRosterProblems(p, [row('officer', '')], '局').map((x) => x.code)).toEqual(['plan.noExperts']);
    expect(planRosterProblems(p, [row('officer', ''), row('expert', '')], '局')).toEqual([]);
  });

  it('顺城 第十六条: an inspectors.where no officer meets', () => {
    const p = plan({ inspectors: { where: { unit: ['青禾县安监站'] } } });
    expect(planRosterProblems(p, [row('officer', '', 3, '青禾县应急管理局')], '局').map((x) => x.path)).toEqual([
      'inspectors.where',
    ]);
    expect(planRosterProblems(p, [row('officer', '', 3, '青禾县安监站')], '局')).toEqual([]);
  });

  it('an empty roster is not checked (plans may come before the rosters)', () => {
    expect(planRosterProblems(plan({ joint: JOINT }), [], '局')).toEqual([]);
  });
});
