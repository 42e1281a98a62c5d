import { parseRatio, RatioFormatError } from '../../domain/ratio.js';
import { type RulesProblem, teamRulesProblems } from './rules.js';
import type { JointRules, Stratum2, TeamOverride, TeamRules2 } from './types.js';

/** The protocol's fields of an SSJ-2 plan.json, defaults applied (DESIGN.md SSJ-2 Precisions "Defaults"). */
export interface PlanRules2 {
  id: string;
  strata: Omit<Stratum2, 'population'>[];
  team: TeamRules2;
  joint: JointRules | null;
  itemsPerEnterprise: number;
}

/** plan.json cannot be read as SSJ-2 rules: the field at fault, or a rule of the protocol it breaks. */
export class PlanRulesError extends Error {
  constructor(
    readonly field: string,
    readonly problem?: RulesProblem,
  ) {
    super(problem ? `${field}: ${problem.code}` : `bad ${field}`);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read the protocol's fields of an SSJ-2 plan.json (as published, or as stored at the draw). `team.size` means
 * `team.officers` (`officers` wins); with joint, team.officers/specialists are ignored and every department gives
 * `officers`. Plans breaking a rule of the protocol (fewer than 2 officer seats, none in the first group, an override
 * with joint, a department named `officers`/`experts`) are refused.
 */
export function planRules2(raw: unknown): PlanRules2 {
  const bad = (field: string) => new PlanRulesError(field);
  const int = (v: unknown, field: string, dflt?: number): number => {
    if (v === undefined && dflt !== undefined) return dflt;
    if (!Number.isInteger(v) || (v as number) < 0) throw bad(field);
    return v as number;
  };
  if (!isObj(raw) || typeof raw.id !== 'string') throw bad('id');
  if (!Array.isArray(raw.strata)) throw bad('strata');
  const strata = raw.strata.map((s: unknown, i: number): Omit<Stratum2, 'population'> => {
    const p = `strata[${i}]`;
    if (!isObj(s) || typeof s.name !== 'string') throw bad(`${p}.name`);
    const min = int(s.min, `${p}.min`, 0);
    const reserves = int(s.reserves, `${p}.reserves`, 3);
    let team: TeamOverride | undefined;
    if (s.team !== undefined && s.team !== null) {
      if (!isObj(s.team)) throw bad(`${p}.team`);
      team = {};
      for (const k of ['officers', 'specialists', 'experts'] as const)
        if (s.team[k] !== undefined) team[k] = int(s.team[k], `${p}.team.${k}`);
      if (team.officers === undefined && s.team.size !== undefined) team.officers = int(s.team.size, `${p}.team.size`);
    }
    const base = { name: s.name, reserves, ...(team ? { team } : {}) };
    if (s.count !== undefined) return { ...base, rule: { count: int(s.count, `${p}.count`), min } };
    try {
      if (typeof s.ratio !== 'string') throw new RatioFormatError(String(s.ratio));
      parseRatio(s.ratio);
    } catch (e) {
      if (e instanceof RatioFormatError) throw bad(`${p}.ratio`);
      throw e;
    }
    return { ...base, rule: { ratio: s.ratio, min } };
  });
  const t = isObj(raw.team) ? raw.team : {};
  const items = isObj(raw.items) ? raw.items : {};
  const itemsPerEnterprise = int(items.perEnterprise, 'items.perEnterprise', 0);
  let joint: JointRules | null = null;
  if (raw.joint !== undefined && raw.joint !== null) {
    if (!isObj(raw.joint) || !Array.isArray(raw.joint.departments)) throw bad('joint.departments');
    joint = {
      departments: raw.joint.departments.map((d: unknown, j: number) => {
        const p = `joint.departments[${j}]`;
        if (!isObj(d) || typeof d.name !== 'string' || d.name === '') throw bad(`${p}.name`);
        return {
          name: d.name,
          officers: int(d.officers, `${p}.officers`),
          specialists: int(d.specialists, `${p}.specialists`, 0),
          items: int(d.items, `${p}.items`, itemsPerEnterprise),
        };
      }),
    };
  }
  const officers = t.officers !== undefined ? t.officers : t.size;
  const team: TeamRules2 = {
    officers: joint ? int(officers ?? 0, 'team.officers', 0) : int(officers, 'team.officers'),
    specialists: int(t.specialists, 'team.specialists', 0),
    experts: int(t.experts, 'team.experts', 0),
    maxPerInspector:
      t.maxPerInspector === undefined || t.maxPerInspector === null
        ? null
        : int(t.maxPerInspector, 'team.maxPerInspector'),
  };
  const problems = teamRulesProblems(team, joint, strata);
  if (problems.length) throw new PlanRulesError(problems[0]!.path, problems[0]);
  return { id: raw.id, strata, team, joint, itemsPerEnterprise };
}
