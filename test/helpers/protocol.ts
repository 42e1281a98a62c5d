import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DrawInput } from '../../src/core/state.js';
import { withUsccCheck } from '../../src/domain/uscc.js';
import type { PoolEnterprise, PoolInspector } from '../../src/core/types.js';

export const VECTORS = join(__dirname, '..', 'vectors');

export function tinyInput(): DrawInput & { seedRfc3797: string } {
  return JSON.parse(readFileSync(join(VECTORS, 'tiny.json'), 'utf8')) as DrawInput & { seedRfc3797: string };
}

/** A deterministic synthetic input: n enterprises over a few industries, m inspectors with specialties. */
export function syntheticInput(n: number, m: number, overrides: Partial<DrawInput> = {}): DrawInput {
  const industries = ['危险化学品', '烟花爆竹', '非煤矿山', '冶金', '机械', '商贸'];
  const pool: PoolEnterprise[] = [];
  for (let i = 0; i < n; i++) {
    const body = `91370322MA${String(i).padStart(7, '0')}`;
    pool.push({
      stratum: i % 4 === 0 ? '重点' : '一般',
      uscc: withUsccCheck(body),
      name: `企业${i}（有限公司）`,
      industry: industries[i % industries.length]!,
    });
  }
  const inspectors: PoolInspector[] = [];
  for (let j = 0; j < m; j++)
    inspectors.push({
      certNo: `3703230${String(j).padStart(4, '0')}`,
      name: `检查员${j}`,
      unit: '县应急管理局',
      specialties: [industries[j % industries.length]!, industries[(j + 2) % industries.length]!],
    });
  const pop = (s: string) => pool.filter((e) => e.stratum === s).length;
  return {
    planId: 'T1',
    seed: 'synthetic seed 2024',
    strata: [
      { name: '重点', population: pop('重点'), rule: { ratio: '20%', min: 1 }, reserves: 3 },
      { name: '一般', population: pop('一般'), rule: { ratio: '5%' }, reserves: 3 },
    ],
    team: { size: 2, specialists: 1, maxPerInspector: 6 },
    itemsPerEnterprise: 2,
    pool,
    inspectors,
    items: [
      { code: 'A1', name: '责任制', industries: '*' },
      { code: 'A2', name: '培训', industries: '*' },
      { code: 'B1', name: '危险源', industries: ['危险化学品', '烟花爆竹'] },
      { code: 'B2', name: '特种作业', industries: ['机械', '冶金', '非煤矿山'] },
    ],
    conflicts: [],
    ...overrides,
  };
}

/** Deterministic shuffle (a seeded LCG), for order-independence tests. */
export function shuffled<T>(xs: T[], seed = 7): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
