import type { Plan, PlanProblem } from './plan.js';
import { inspectorKind } from './rosters.js';

/** Active inspectors counted by the fields a plan's team rules look at (src/db/inspector-groups.ts). */
export interface InspectorCount {
  kind: string;
  department: string;
  unit: string;
  region: string;
  title: string;
  n: number;
}

/**
 * Team rules that only the roster can refute, checked when a plan is added so the office learns it before the freeze,
 * not from a failed draw: a joint department with no officer (a misspelt 所属部门 would leave its group empty), an
 * inspectors.where that leaves no officer, experts asked for with no expert roster. An empty roster is not checked
 * (plans may be written before the rosters are imported). A department left empty in the roster is the office's.
 */
export function planRosterProblems(plan: Plan, rows: readonly InspectorCount[], officeName: string): PlanProblem[] {
  if (rows.length === 0) return [];
  const problems: PlanProblem[] = [];
  const dept = (r: InspectorCount) => r.department.trim() || officeName;
  const matches = (r: InspectorCount) =>
    Object.entries(plan.inspectors.where).every(([field, values]) => {
      const v = field === 'kind' ? inspectorKind(r.kind) : field === 'department' ? dept(r) : r[field as 'unit'];
      return (values as string[]).includes(v.trim());
    });
  const pool = rows.filter(matches);
  const officers = pool.filter((r) => inspectorKind(r.kind) === 'officer');
  const known = [...new Set(rows.filter((r) => inspectorKind(r.kind) === 'officer').map(dept))].join('、') || '-';
  if (officers.length === 0 && Object.keys(plan.inspectors.where).length > 0)
    problems.push({
      path: 'inspectors.where',
      code: 'plan.inspectorWhereNone',
      params: { where: JSON.stringify(plan.inspectors.where) },
    });
  plan.joint?.departments.forEach((d, j) => {
    if (d.officers > 0 && !officers.some((r) => dept(r) === d.name))
      problems.push({
        path: `joint.departments[${j}].name`,
        code: 'plan.departmentNoOfficers',
        params: { department: d.name, known },
      });
  });
  const experts = Math.max(plan.team.experts, ...plan.strata.map((s) => s.team?.experts ?? 0));
  if (experts > 0 && !pool.some((r) => inspectorKind(r.kind) === 'expert'))
    problems.push({ path: 'team.experts', code: 'plan.noExperts', params: { experts } });
  return problems;
}
