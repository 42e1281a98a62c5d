import { teamRulesProblems } from '../core/ssj2/rules.js';
import { type JointRules, type Plan, PlanInvalid, type PlanProblem, readPlan } from '../domain/plan.js';

/**
 * A new plan file: its structure (domain/plan.ts) and the protocol's team rules (core/ssj2/rules.ts: 行政处罚法
 * 第四十二条 at least two officers, the 组长 an officer, 高青 8.2 of the lead department; no override with joint;
 * department names `officers`/`experts` refused), every problem with its JSON path, all reported at once. Stored
 * plans are read with validatePlan alone: a plan drawn under SSJ-1 with one-person teams stays readable.
 */
export function checkPlan(raw: unknown): Plan {
  const { plan, problems } = readPlan(raw, 'file');
  // The rules are checked once each team number is readable, so one mistake is reported once.
  const teamPath = /^(team|joint|strata\[\d+\]\.team)\b/;
  if (!problems.some((p) => teamPath.test(p.path)))
    for (const r of teamRulesProblems(plan.team, plan.joint, plan.strata))
      problems.push({ path: rulePath(r.path, r.code, plan.joint), code: `plan.${r.code}`, params: r.params });
  if (problems.length) throw new PlanInvalid(problems);
  return plan;
}

/** The rules' paths point at the number to change, so the message says where to look. */
function rulePath(path: string, code: string, joint: JointRules | null): PlanProblem['path'] {
  if (joint && code === 'ssj2.noLeadOfficer') return 'joint.departments[0].officers';
  if (path === 'team' || /^strata\[\d+\]\.team$/.test(path)) {
    if (code === 'ssj2.fewOfficers' || code === 'ssj2.noLeadOfficer') return `${path}.officers`;
    if (code === 'ssj2.specialistsOverOfficers') return `${path}.specialists`;
  }
  return path;
}
