/**
 * Exact ratio arithmetic (SSJ-1 "How many"): "5%", "0.05", "12.5%" or "1/20" are parsed to an integer fraction,
 * so 200 x 5% is exactly 10 (floating point would give 10.000000000000002 and ceil to 11).
 */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export class RatioFormatError extends Error {
  constructor(readonly input: string) {
    super(`bad ratio: ${input}`);
  }
}

export function parseRatio(input: string): Fraction {
  const s = input.normalize('NFKC').trim();
  let m = /^(\d+)(?:\.(\d+))?%$/.exec(s);
  if (m) {
    const dec = m[2] ?? '';
    return check(input, { num: BigInt(m[1]! + dec), den: 100n * 10n ** BigInt(dec.length) });
  }
  m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (m) {
    const dec = m[2] ?? '';
    return check(input, { num: BigInt(m[1]! + dec), den: 10n ** BigInt(dec.length) });
  }
  m = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (m) return check(input, { num: BigInt(m[1]!), den: BigInt(m[2]!) });
  throw new RatioFormatError(input);
}

function check(input: string, f: Fraction): Fraction {
  if (f.den === 0n || f.num > f.den) throw new RatioFormatError(input);
  return f;
}

/** ceil(ratio x population), exactly. */
export function ceilRatio(f: Fraction, population: number): number {
  const p = BigInt(population) * f.num;
  return Number((p + f.den - 1n) / f.den);
}

export interface CountRule {
  ratio?: string;
  count?: number;
  min?: number;
}

/** n_s = count, else ceil(ratio x population); then max(n, min); then min(n, pool). */
export function drawCount(rule: CountRule, population: number, poolSize: number): number {
  let n = rule.count !== undefined ? rule.count : ceilRatio(parseRatio(rule.ratio ?? '0'), population);
  n = Math.max(n, rule.min ?? 0);
  return Math.min(n, poolSize);
}
