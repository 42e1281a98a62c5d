// The plan of the fairness evidence: 200 enterprises (40 重点 of which 10% drawn, 160 一般 of which 5%) in four
// trades, 12 inspectors each covering one or two trades. Shared by test/bench/fairness.mjs and its unit test.
export function fairnessInput({ specialists = 0, maxPerInspector = null } = {}) {
  const trades = ['危险化学品', '冶金', '机械', '商贸'];
  const pool = Array.from({ length: 200 }, (_, i) => ({
    stratum: i < 40 ? '重点' : '一般',
    uscc: `E${String(i).padStart(4, '0')}`,
    name: `企业${i}`,
    industry: trades[i % 4],
  }));
  const inspectors = Array.from({ length: 12 }, (_, j) => ({
    certNo: `C${String(j).padStart(3, '0')}`,
    name: `检查员${j}`,
    unit: '应急管理局',
    // Trade 0 (危险化学品) has three specialists, the others fewer: a specialist seat favours the rare ones.
    specialties: j < 3 ? [trades[0]] : j < 5 ? [trades[1]] : j < 6 ? [trades[2], trades[3]] : [],
  }));
  return {
    planId: 'FAIR',
    seed: '',
    strata: [
      { name: '重点', population: 40, rule: { ratio: '10%' }, reserves: 0 },
      { name: '一般', population: 160, rule: { ratio: '5%' }, reserves: 0 },
    ],
    team: { size: 2, specialists, maxPerInspector },
    itemsPerEnterprise: 1,
    pool,
    inspectors,
    items: [{ code: 'AQ-01', name: '事项1', industries: '*' }],
    conflicts: [],
  };
}
