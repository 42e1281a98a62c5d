import {
  EXPERTS_GROUP,
  type JointRules,
  OFFICERS_GROUP,
  RESERVED_GROUP_NAMES,
  type SeatGroup,
  type TeamOverride,
  type TeamRules2,
} from './types.js';

/**
 * The seat groups of a team, in the order they are filled (SSJ-2 "Seat groups"): without joint one officer group
 * (any department) of team.officers seats, the stratum's override applied; with joint one officer group per
 * department in plan order; then the expert group of team.experts seats, every one a specialist.
 */
export function seatGroups(team: TeamRules2, joint: JointRules | null, override?: TeamOverride): SeatGroup[] {
  const experts = override?.experts ?? team.experts;
  const officerGroups: SeatGroup[] = joint
    ? joint.departments.map((d) => ({
        name: d.name,
        kind: 'officer',
        department: d.name,
        seats: d.officers,
        specialists: d.specialists,
      }))
    : [
        {
          name: OFFICERS_GROUP,
          kind: 'officer',
          department: null,
          seats: override?.officers ?? team.officers,
          specialists: override?.specialists ?? team.specialists,
        },
      ];
  return [
    ...officerGroups,
    { name: EXPERTS_GROUP, kind: 'expert', department: null, seats: experts, specialists: experts },
  ];
}

/** A rule of SSJ-2 the plan's team rules break: a path into plan.json and a stable code. */
export interface RulesProblem {
  path: string;
  code:
    | 'ssj2.fewOfficers'
    | 'ssj2.noLeadOfficer'
    | 'ssj2.specialistsOverOfficers'
    | 'ssj2.overrideWithJoint'
    | 'ssj2.reservedDepartment'
    | 'ssj2.duplicateDepartment'
    | 'ssj2.noDepartments';
  params: Record<string, string | number>;
}

/**
 * The protocol's own validity rules (DESIGN.md SSJ-2 and Precisions): at least 2 officer seats in total and at least
 * one in the first group, for every stratum's shape; no override together with joint; department names unique and
 * never `officers` or `experts`. Plan validation reports these with the plan file's paths; verifiers refuse such a plan.
 */
export function teamRulesProblems(
  team: TeamRules2,
  joint: JointRules | null,
  strata: { name: string; team?: TeamOverride }[],
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (joint) {
    if (joint.departments.length === 0)
      problems.push({ path: 'joint.departments', code: 'ssj2.noDepartments', params: {} });
    const seen = new Set<string>();
    joint.departments.forEach((d, j) => {
      const path = `joint.departments[${j}].name`;
      if (RESERVED_GROUP_NAMES.includes(d.name))
        problems.push({ path, code: 'ssj2.reservedDepartment', params: { name: d.name } });
      if (seen.has(d.name)) problems.push({ path, code: 'ssj2.duplicateDepartment', params: { name: d.name } });
      seen.add(d.name);
    });
    strata.forEach((s, i) => {
      if (s.team)
        problems.push({ path: `strata[${i}].team`, code: 'ssj2.overrideWithJoint', params: { stratum: s.name } });
    });
  }
  const shapes: { path: string; override?: TeamOverride }[] = joint
    ? [{ path: 'joint.departments' }]
    : [
        { path: 'team' },
        ...strata.flatMap((s, i) => (s.team ? [{ path: `strata[${i}].team`, override: s.team }] : [])),
      ];
  for (const { path, override } of shapes) {
    const groups = seatGroups(team, joint, override).filter((g) => g.kind === 'officer');
    const total = groups.reduce((n, g) => n + g.seats, 0);
    if (total < 2) problems.push({ path, code: 'ssj2.fewOfficers', params: { officers: total } });
    if (groups.length > 0 && groups[0]!.seats < 1)
      problems.push({ path, code: 'ssj2.noLeadOfficer', params: { group: groups[0]!.name } });
    groups.forEach((g) => {
      if (g.specialists > g.seats)
        problems.push({
          path,
          code: 'ssj2.specialistsOverOfficers',
          params: { group: g.name, specialists: g.specialists, officers: g.seats },
        });
    });
  }
  return problems;
}
