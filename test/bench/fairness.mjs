// Fairness evidence (issue 18): one plan drawn under many seeds (default 10,000), per stratum the selection
// frequencies against n/pool (chi-square, p-value) and each inspector's seats against an equal share.
// Usage: npx tsc -p tsconfig.json && node test/bench/fairness.mjs [SEEDS]   (prints Markdown for docs/ALGORITHM.md)
import { fairnessRun } from '../../dist/core/fairness.js';
import { fairnessInput } from './fairness-input.mjs';

const S = Number(process.argv[2] ?? 10_000);
const seeds = Array.from({ length: S }, (_, i) => `fairness-${i}`);
const fmt = (x, d = 2) => x.toFixed(d);
for (const [label, input] of [
  ['team of 2, no specialist, no cap', fairnessInput({ specialists: 0 })],
  ['team of 2 with 1 specialist (trade match)', fairnessInput({ specialists: 1 })],
]) {
  const t0 = Date.now();
  const r = fairnessRun(input, seeds);
  console.log(`\n### ${label}: ${S} seeds (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  console.log('| stratum | pool | n | n/pool | expected per enterprise | min | max | chi-square | df | p |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of r.strata)
    console.log(
      `| ${s.stratum} | ${s.pool} | ${s.n} | ${fmt(s.probability, 3)} | ${fmt(s.expected, 1)} | ${s.min} | ${s.max} | ${fmt(s.chiSquare)} | ${s.df} | ${fmt(s.pValue, 3)} |`,
    );
  const i = r.inspectors;
  console.log(
    `\nInspectors: ${i.seats} seats over ${i.inspectors} inspectors, equal share ${fmt(i.expected, 1)}, min ${i.min}, max ${i.max}; chi-square ${fmt(i.chiSquare)} (df ${i.df}), p ${i.pValue < 0.001 ? i.pValue.toExponential(1) : fmt(i.pValue, 3)}`,
  );
}
