import type { Conflict, PoolEnterprise } from '../types.js';
import type {
  DrawInput2,
  InspectorKind,
  JointRules,
  PoolInspector2,
  PoolItem2,
  RemovedRow,
  TeamOverride,
  TeamRules2,
} from './types.js';

/** What SSJ-2 reads from a validated plan (src/domain/plan.ts's Plan has this shape). */
export interface PlanForDraw2 {
  id: string;
  strata: readonly {
    name: string;
    ratio?: string;
    count?: number;
    min: number;
    reserves: number;
    team?: TeamOverride;
  }[];
  team: TeamRules2;
  joint: JointRules | null;
  items: { perEnterprise: number; department?: string | null };
}

/**
 * The SSJ-2 protocol input for a plan, the seed the tickets use (publicSeed, or publicSeed + "#" + secret: see
 * ./seed.ts ticketSeed) and its data: the frozen pool with the rows removed after freeze, the inspector and item pools
 * (inspectorPool2 / itemPool2 below) and the conflicts.
 */
export function drawInput2(
  plan: PlanForDraw2,
  seed: string,
  strata: readonly { name: string; population: number }[],
  data: {
    pool: PoolEnterprise[];
    removed: RemovedRow[];
    inspectors: PoolInspector2[];
    items: PoolItem2[];
    conflicts: Conflict[];
  },
): DrawInput2 {
  const population = new Map(strata.map((s) => [s.name, s.population]));
  return {
    algorithm: 'SSJ-2',
    planId: plan.id,
    seed,
    strata: plan.strata.map((s) => ({
      name: s.name,
      population: population.get(s.name) ?? 0,
      rule: {
        ...(s.ratio !== undefined ? { ratio: s.ratio } : {}),
        ...(s.count !== undefined ? { count: s.count } : {}),
        min: s.min,
      },
      reserves: s.reserves,
      ...(s.team && !plan.joint ? { team: s.team } : {}),
    })),
    team: plan.team,
    joint: plan.joint,
    itemsPerEnterprise: plan.items.perEnterprise,
    ...data,
  };
}

/** An inspector as the roster holds it: the fields inspectors.where can filter on. */
export interface RosterInspector2 {
  certNo: string;
  name: string;
  /** '' is an officer. */
  kind: InspectorKind | '';
  department: string;
  unit: string;
  region: string;
  title: string;
  specialties: string[];
  active: boolean;
}

export type InspectorWhere = Partial<Record<'department' | 'unit' | 'region' | 'title' | 'kind', readonly string[]>>;

/**
 * SSJ-2 "Pools of inspectors and items": the active inspectors matching inspectors.where (AND across keys, OR within a
 * list, exact after trimming; the department compared after the office's name fills an empty one); with joint, only
 * officers of the listed departments, and experts. `officeName` is the department of an inspector whose roster row
 * leaves it empty.
 */
export function inspectorPool2(
  roster: Iterable<RosterInspector2>,
  plan: { joint: JointRules | null; inspectors?: { where: InspectorWhere } },
  officeName: string,
): PoolInspector2[] {
  const where = plan.inspectors?.where ?? {};
  const listed = plan.joint ? new Set(plan.joint.departments.map((d) => d.name)) : null;
  const out: PoolInspector2[] = [];
  for (const i of roster) {
    if (!i.active) continue;
    const kind: InspectorKind = i.kind === 'expert' ? 'expert' : 'officer';
    const department = i.department.trim() || officeName;
    const fields = { department, unit: i.unit.trim(), region: i.region.trim(), title: i.title.trim(), kind };
    if (!Object.entries(where).every(([k, allowed]) => allowed!.includes(fields[k as keyof typeof fields]))) continue;
    if (listed && kind === 'officer' && !listed.has(department)) continue;
    out.push({ certNo: i.certNo, name: i.name, kind, department, unit: i.unit, specialties: i.specialties });
  }
  return out;
}

/**
 * The item pool: active items whose department is empty or equals items.department when the plan sets it; with joint,
 * those of the listed departments and those with an empty department. Without joint and without items.department,
 * every active item (items then apply by industry alone).
 */
export function itemPool2(
  items: Iterable<PoolItem2 & { active: boolean }>,
  plan: { joint: JointRules | null; items: { department?: string | null } },
): PoolItem2[] {
  const allowed = plan.joint
    ? new Set(plan.joint.departments.map((d) => d.name))
    : plan.items.department
      ? new Set([plan.items.department])
      : null;
  const out: PoolItem2[] = [];
  for (const { active, ...i } of items)
    if (active && (allowed === null || i.department === '' || allowed.has(i.department))) out.push(i);
  return out;
}
