import { createHash } from 'node:crypto';
import { rfc3797Key, SeedFormatError } from '../seed.js';
import type { SeedRule } from './types.js';

/**
 * SSJ-2 "Seed rule" and "Secret part". The public seed is the SSJ-1 seed; with a secret committed at freeze the seed
 * the tickets use is publicSeed + "#" + secretHex, so nobody outside the office can rank the enterprises of an
 * unannounced plan before the reveal, and the office cannot grind: the secret was fixed before the lottery.
 */

export const SECRET_HEX = /^[0-9a-f]{64}$/;

/** hex(SHA-256(UTF-8("ssj-secret|" + planId + "|" + secretHex))), published in the pre-announcement. */
export function secretCommitment(planId: string, secretHex: string): string {
  return createHash('sha256').update(`ssj-secret|${planId}|${secretHex}`, 'utf8').digest('hex');
}

/** The seed the tickets use. A fresh recusal/reassign seed is used alone, never through this. */
export function ticketSeed(publicSeed: string, secretHex: string | null): string {
  return secretHex === null ? publicSeed : `${publicSeed}#${secretHex}`;
}

/** Number of sources in an RFC 3797 input ("9319 / 2 5 12 8 10 / 9 18 26 34 41 45" has 3); null if unreadable. */
export function rfc3797SourceCount(input: string): number | null {
  try {
    return rfc3797Key(input).split('/').length - 1;
  } catch (e) {
    if (e instanceof SeedFormatError) return null;
    throw e;
  }
}

/** Why a seed does not follow the plan's pre-announced rule, or null when it does (or there is no rule). */
export type SeedRuleBreach =
  | { code: 'seedRule.kind'; rule: SeedRule; seedKind: string }
  | { code: 'seedRule.sources'; rule: SeedRule; expected: number; found: number | null };

export function seedRuleBreach(rule: SeedRule | null, seedKind: string, seedInput: string): SeedRuleBreach | null {
  if (rule === null) return null;
  if (seedKind !== rule.kind) return { code: 'seedRule.kind', rule, seedKind };
  const found = rfc3797SourceCount(seedInput);
  if (found !== rule.sources.length) return { code: 'seedRule.sources', rule, expected: rule.sources.length, found };
  return null;
}

/** Made-up numbers for the worked example of a rule, one group per source (a two-source rule reads like 双色球). */
const EXAMPLE_NUMBERS = ['03 09 14 22 27 31', '08', '05 17', '11', '26 30'];

/**
 * How a lottery result will be typed under a rule, with made-up numbers: the pre-announcement prints it so that
 * nobody can argue afterwards about how the result becomes the seed (sources in order, separated by "/").
 */
export function seedRuleExample(rule: SeedRule): { input: string; seed: string } {
  const input = rule.sources.map((_, i) => EXAMPLE_NUMBERS[i % EXAMPLE_NUMBERS.length]).join(' / ');
  return { input, seed: rfc3797Key(input) };
}
