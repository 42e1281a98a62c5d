import * as crypto from 'node:crypto';

/**
 * ticket(stage, scope, id) = hex(SHA-256(UTF-8(seed + "|" + stage + "|" + scope + "|" + id))).
 * Stages: "E" enterprises, "C" check items, "I" inspectors, "R" recusal with a fresh seed.
 * Tickets are 64 lowercase hex digits and compare as strings.
 */
export type Stage = 'E' | 'C' | 'I' | 'R';

// crypto.hash (Node >= 20.12) is a one-shot hash about 2.5x faster than createHash for short inputs.
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
export const sha256HexUtf8: (s: string) => string = oneShot
  ? (s) => oneShot('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

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
