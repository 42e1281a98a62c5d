import { describe, expect, it } from 'vitest';
import { chiSquarePValue, chiSquareUniform, fairnessRun } from '../../src/core/fairness.js';
// @ts-expect-error a plain .mjs helper shared with the bench script
import { fairnessInput } from '../bench/fairness-input.mjs';

describe('fairness evidence: selection frequencies against n/pool (chi-square)', () => {
  it('computes chi-square p-values that match the tables (3.841 at df 1 and 18.307 at df 10 are p = 0.05)', () => {
    expect(chiSquarePValue(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(18.307038, 10)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(124.342, 100)).toBeCloseTo(0.05, 3);
    expect(chiSquareUniform([10, 10, 10], 10)).toBe(0);
    expect(chiSquareUniform([12, 8], 10)).toBeCloseTo(0.8, 12);
  });

  it('on the fixed seed list fixed-0 .. fixed-299: the statistics are these, and equal chances are not rejected', () => {
    const r = fairnessRun(
      fairnessInput({ specialists: 0 }),
      Array.from({ length: 300 }, (_, i) => `fixed-${i}`),
    );
    expect(r.strata.map((s) => [s.stratum, s.n, s.pool, s.expected])).toEqual([
      ['重点', 4, 40, 30],
      ['一般', 8, 160, 15],
    ]);
    expect(r.strata.map((s) => [s.chiSquare.toFixed(6), s.pValue.toFixed(6), s.min, s.max])).toEqual([
      ['30.266667', '0.840627', 17, 40],
      ['173.733333', '0.200707', 5, 27],
    ]);
    expect(r.inspectors.chiSquare).toBeCloseTo(13.06, 10);
    for (const p of [...r.strata.map((s) => s.pValue), r.inspectors.pValue]) expect(p).toBeGreaterThan(0.01);
  });

  it('shows where the team rules make chances unequal on purpose: a specialist seat favours rare trades', () => {
    const r = fairnessRun(
      fairnessInput({ specialists: 1 }),
      Array.from({ length: 300 }, (_, i) => `fixed-${i}`),
    );
    expect(r.inspectors.pValue).toBeLessThan(1e-6);
    // enterprises are drawn before teams: their chances do not depend on the team rules
    expect(r.strata.map((s) => s.chiSquare.toFixed(6))).toEqual(['30.266667', '173.733333']);
  });
});
