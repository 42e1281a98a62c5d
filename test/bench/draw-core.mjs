// Pure protocol speed: draw 1% of 1,000,000 enterprises with 500 inspectors, teams of 2 with 1 specialist.
// Run in its own process so peak memory (maxRSS) is the draw's alone. Prints one JSON line.
// Protocol (4th argument): ssj1, ssj2 (the same team size: 2 officers, 1 specialist, no expert) or ssj2-joint (two
// departments of 1 officer each, the lead one a specialist, plus 1 expert: the same hashing, one more seat).
import { draw } from '../../dist/core/draw.js';
import { draw2 } from '../../dist/core/ssj2/draw.js';
import { withUsccCheck } from '../../dist/domain/uscc.js';

const N = Number(process.argv[2] ?? 1_000_000);
const M = Number(process.argv[3] ?? 500);
const PROTOCOL = process.argv[4] ?? 'ssj1';
const industries = ['危险化学品', '烟花爆竹', '非煤矿山', '冶金', '有色', '建材', '机械', '轻工', '纺织', '商贸'];
const pool = new Array(N);
for (let i = 0; i < N; i++) {
  pool[i] = {
    stratum: i % 10 === 0 ? '重点' : '一般',
    uscc: withUsccCheck(`91${String(i).padStart(15, '0')}`),
    name: `企业${i}有限公司`,
    industry: industries[i % industries.length],
  };
}
const inspectors = Array.from({ length: M }, (_, j) => ({
  certNo: `37032300${String(j).padStart(4, '0')}`,
  name: `检查员${j}`,
  unit: '应急管理局',
  specialties: [industries[j % 10], industries[(j + 3) % 10]],
}));
const pop = (s) => pool.filter((e) => e.stratum === s).length;
const input = {
  planId: 'BENCH',
  seed: '9319./2.5.8.10.12./9.18.26.34.41.45./',
  strata: [
    { name: '重点', population: pop('重点'), rule: { ratio: '1%' }, reserves: 3 },
    { name: '一般', population: pop('一般'), rule: { ratio: '1%' }, reserves: 3 },
  ],
  team: { size: 2, specialists: 1, maxPerInspector: null },
  itemsPerEnterprise: 3,
  pool,
  inspectors,
  items: Array.from({ length: 12 }, (_, k) => ({
    code: `AQ-${String(k + 1).padStart(2, '0')}`,
    name: `事项${k + 1}`,
    industries: k < 4 ? '*' : [industries[k % 10]],
  })),
  conflicts: [],
};
const DEPTS = ['区应急管理局', '区市场监督管理局'];
const input2 = {
  ...input,
  algorithm: 'SSJ-2',
  strata: input.strata.map((s) => ({ ...s })),
  team: { officers: 2, specialists: 1, experts: PROTOCOL === 'ssj2-joint' ? 1 : 0, maxPerInspector: null },
  joint:
    PROTOCOL === 'ssj2-joint'
      ? {
          departments: [
            { name: DEPTS[0], officers: 1, specialists: 1, items: 2 },
            { name: DEPTS[1], officers: 1, specialists: 0, items: 1 },
          ],
        }
      : null,
  removed: [],
  inspectors: inspectors.map((i, j) => ({
    ...i,
    kind: j % 10 === 9 ? 'expert' : 'officer',
    department: DEPTS[j % 2],
    // Experts cover every trade (j % 10 === 9 alone would give them two).
    specialties:
      j % 10 === 9 ? [industries[Math.floor(j / 10) % 10], industries[(Math.floor(j / 10) + 5) % 10]] : i.specialties,
  })),
  items: input.items.map((it, k) => ({ ...it, department: DEPTS[k % 2] })),
};
const t0 = performance.now();
const state = PROTOCOL === 'ssj1' ? draw(input) : draw2(input2);
const ms = performance.now() - t0;
const selected = state.selection.filter((r) => r.role === 'selected').length;
console.log(
  JSON.stringify({
    protocol: PROTOCOL,
    enterprises: N,
    inspectors: M,
    selected,
    hashes: state.hashes,
    ms: Math.round(ms),
    hashesPerSecond: Math.round(state.hashes / (ms / 1000)),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
