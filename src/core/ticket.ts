import { sha256Hex } from './hash.js';

/**
 * ticket(stage, scope, id) = hex(SHA-256(UTF-8(seed + "|" + stage + "|" + scope + "|" + id))).
 * Stages: "E" enterprises, "C" check items, "I" inspectors, "R" recusal with a fresh seed.
 * Tickets are 64 lowercase hex digits and compare as strings.
 */
export type Stage = 'E' | 'C' | 'I' | 'R';

/** SHA-256 of UTF-8 text as hex: core/hash.ts's, under the name the draw code and benchmarks use. */
export const sha256HexUtf8: (s: string) => string = sha256Hex;

export function ticket(seed: string, stage: Stage, scope: string, id: string): string {
  return sha256HexUtf8(`${seed}|${stage}|${scope}|${id}`);
}

/** A ticket function with seed, stage and scope fixed (hot loops build the prefix once). */
export function ticketer(seed: string, stage: Stage, scope: string): (id: string) => string {
  const prefix = `${seed}|${stage}|${scope}|`;
  return (id) => sha256HexUtf8(prefix + id);
}

/** Number of SHA-256 computations, counted by draw() for the benchmark. */
export interface HashCounter {
  hashes: number;
}
