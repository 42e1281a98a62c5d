import type { DrawInput2, PoolInspector2, PoolItem2 } from '../../src/core/ssj2/types.js';
import type { PoolEnterprise } from '../../src/core/types.js';
import { withUsccCheck } from '../../src/domain/uscc.js';

export const INDUSTRIES = ['危险化学品', '非煤矿山', '烟花爆竹', '机械', '商贸', ''];
export const DEPARTMENTS = ['区应急管理局', '区市场监督管理局', '区消防救援大队'];

/** A small seeded PRNG (mulberry32): generated rosters are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated SSJ-2 input: a random roster of officers in up to three departments and experts, items with and without
 * departments and trades, and either a joint plan (two or three departments) or a plan with a stratum override.
 * Feasibility is not guaranteed: callers skip inputs whose draw fails (the protocol refuses them).
 */
export function generatedInput(seed: number): DrawInput2 {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: T[], p: number) => xs.filter(() => r() < p);
  const joint = r() < 0.5;
  const nDept = joint ? int(2, 3) : 1;
  const depts = DEPARTMENTS.slice(0, nDept);
  const pool: PoolEnterprise[] = Array.from({ length: int(6, 30) }, (_, i) => ({
    stratum: i % 3 === 0 ? '重点' : '一般',
    uscc: withUsccCheck(`91370322MA${String(seed % 1000).padStart(3, '0')}${String(i).padStart(4, '0')}`),
    name: `企业${i}`,
    industry: pick(INDUSTRIES.slice(0, 5)),
  }));
  const inspectors: PoolInspector2[] = [];
  for (let j = 0; j < int(8, 30); j++)
    inspectors.push({
      certNo: `370323${String(j).padStart(5, '0')}`,
      name: `执法${j}`,
      kind: 'officer',
      department: pick(depts),
      unit: '县应急管理局',
      specialties: some(INDUSTRIES.slice(0, 5), 0.3),
    });
  for (let j = 0; j < int(0, 10); j++)
    inspectors.push({
      certNo: `ZJ-${String(j).padStart(3, '0')}`,
      name: `专家${j}`,
      kind: 'expert',
      department: pick(depts),
      unit: '专家库',
      specialties: some(INDUSTRIES.slice(0, 5), 0.4),
    });
  const items: PoolItem2[] = Array.from({ length: int(3, 14) }, (_, i) => ({
    code: `IT-${String(i).padStart(2, '0')}`,
    name: `事项${i}`,
    industries: r() < 0.4 ? '*' : some(INDUSTRIES.slice(0, 5), 0.3).concat(pick(INDUSTRIES.slice(0, 5))),
    department: r() < 0.3 ? '' : pick(depts),
  }));
  const count = (s: string) => pool.filter((e) => e.stratum === s).length;
  const removed = pool.filter(() => r() < 0.1).map((e) => ({ stratum: e.stratum, uscc: e.uscc, byPlan: 'P0' }));
  return {
    algorithm: 'SSJ-2',
    planId: `G${seed}`,
    seed: `generated seed ${seed}`,
    strata: [
      {
        name: '重点',
        population: count('重点') + int(0, 2),
        rule: { ratio: '30%', min: 1 },
        reserves: 3,
        ...(!joint && r() < 0.7 ? { team: { officers: int(2, 3), specialists: int(0, 1), experts: int(0, 1) } } : {}),
      },
      { name: '一般', population: count('一般'), rule: { ratio: '20%' }, reserves: 2 },
    ],
    team: { officers: 2, specialists: int(0, 1), experts: int(0, 1), maxPerInspector: r() < 0.5 ? null : int(2, 5) },
    joint: joint
      ? {
          departments: depts.map((name, j) => ({
            name,
            officers: j === 0 ? int(1, 2) : int(1, 2),
            specialists: int(0, 1),
            items: int(0, 3),
          })),
        }
      : null,
    itemsPerEnterprise: int(1, 4),
    pool,
    removed,
    inspectors,
    items,
    conflicts: pool.flatMap((e) => (r() < 0.2 ? [{ certNo: pick(inspectors).certNo, uscc: e.uscc }] : [])),
  };
}
