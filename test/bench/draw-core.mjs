// Pure protocol speed: draw 1% of 1,000,000 enterprises with 500 inspectors, teams of 2 with 1 specialist.
// Run in its own process so peak memory (maxRSS) is the draw's alone. Prints one JSON line.
import { draw } from '../../dist/core/draw.js';
import { withUsccCheck } from '../../dist/domain/uscc.js';

const N = Number(process.argv[2] ?? 1_000_000);
const M = Number(process.argv[3] ?? 500);
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
const t0 = performance.now();
const state = draw(input);
const ms = performance.now() - t0;
const selected = state.selection.filter((r) => r.role === 'selected').length;
console.log(
  JSON.stringify({
    enterprises: N,
    inspectors: M,
    selected,
    hashes: state.hashes,
    ms: Math.round(ms),
    hashesPerSecond: Math.round(state.hashes / (ms / 1000)),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
