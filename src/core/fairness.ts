import { draw, type DrawInput } from './draw.js';

/**
 * Fairness evidence (issue 18): draw one plan under many seeds and compare how often each enterprise and each
 * inspector was chosen with what equal chances predict. Pure: the seeds come in as an argument.
 *
 * Within a stratum every enterprise should be selected with probability n/pool (SHA-256 tickets, smallest n win),
 * so over S seeds each expects S·n/pool selections; Pearson's chi-square over the stratum's enterprises (pool − 1
 * degrees of freedom) tests that. Inspectors are expected to share the seats equally only when the team rules do
 * not tell them apart: specialists (a seat reserved for an inspector of the enterprise's trade) and
 * maxPerInspector make chances unequal on purpose, and the statistic then shows it.
 */
export interface StratumFairness {
  stratum: string;
  pool: number;
  n: number;
  /** n / pool: each enterprise's chance in one draw. */
  probability: number;
  /** Selections per enterprise over all seeds: the least and most, and the expected S·n/pool. */
  min: number;
  max: number;
  expected: number;
  chiSquare: number;
  df: number;
  pValue: number;
}

export interface InspectorFairness {
  seats: number;
  inspectors: number;
  /** Seats per inspector if all had equal chances: total seats / inspectors. */
  expected: number;
  min: number;
  max: number;
  chiSquare: number;
  df: number;
  pValue: number;
  /** Per inspector: certNo and seats over all seeds (for the ones furthest from equal). */
  counts: { certNo: string; seats: number }[];
}

export interface FairnessRun {
  seeds: number;
  strata: StratumFairness[];
  inspectors: InspectorFairness;
}

export function fairnessRun(input: DrawInput, seeds: readonly string[]): FairnessRun {
  const picked = new Map<string, number>(input.pool.map((e) => [e.uscc, 0]));
  const seats = new Map<string, number>(input.inspectors.map((i) => [i.certNo, 0]));
  const counts = new Map<string, number>();
  for (const seed of seeds) {
    const state = draw({ ...input, seed });
    for (const r of state.selection) if (r.role === 'selected') picked.set(r.uscc, (picked.get(r.uscc) ?? 0) + 1);
    for (const team of state.teams.values()) for (const s of team) seats.set(s.certNo, (seats.get(s.certNo) ?? 0) + 1);
    if (counts.size === 0) for (const c of state.strata) counts.set(c.name, c.selected);
  }
  const strata = input.strata.map((s) => {
    const members = input.pool.filter((e) => e.stratum === s.name).map((e) => picked.get(e.uscc) ?? 0);
    const n = counts.get(s.name) ?? 0;
    const expected = (seeds.length * n) / members.length;
    const chi = chiSquareUniform(members, expected);
    return {
      stratum: s.name,
      pool: members.length,
      n,
      probability: n / members.length,
      min: Math.min(...members),
      max: Math.max(...members),
      expected,
      chiSquare: chi,
      df: members.length - 1,
      pValue: chiSquarePValue(chi, members.length - 1),
    };
  });
  const perInspector = [...seats.entries()].map(([certNo, n]) => ({ certNo, seats: n }));
  const total = perInspector.reduce((a, b) => a + b.seats, 0);
  const expected = total / perInspector.length;
  const chi = chiSquareUniform(
    perInspector.map((i) => i.seats),
    expected,
  );
  return {
    seeds: seeds.length,
    strata,
    inspectors: {
      seats: total,
      inspectors: perInspector.length,
      expected,
      min: Math.min(...perInspector.map((i) => i.seats)),
      max: Math.max(...perInspector.map((i) => i.seats)),
      chiSquare: chi,
      df: perInspector.length - 1,
      pValue: chiSquarePValue(chi, perInspector.length - 1),
      counts: perInspector,
    },
  };
}

/** Pearson's statistic against one expected count for every cell. */
export function chiSquareUniform(observed: readonly number[], expected: number): number {
  return expected === 0 ? 0 : observed.reduce((a, o) => a + ((o - expected) * (o - expected)) / expected, 0);
}

/** P(X ≥ x) for X chi-square with k degrees of freedom: the regularized upper incomplete gamma Q(k/2, x/2). */
export function chiSquarePValue(x: number, k: number): number {
  if (k <= 0) return 1;
  if (x <= 0) return 1;
  return gammaQ(k / 2, x / 2);
}

/** Regularized upper incomplete gamma Q(a, x) (Numerical Recipes: series below a + 1, continued fraction above). */
function gammaQ(a: number, x: number): number {
  const lnPre = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(lnPre);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lnPre) * h;
}

/** ln Γ(x), Lanczos approximation (g = 7, 9 terms). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = g[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}
