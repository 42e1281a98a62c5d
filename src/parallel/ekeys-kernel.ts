import { sha256Hex } from '../core/hash.js';

/** What the main thread shares with the E-key workers (./ekeys-sync.ts): every enterprise's uscc as bytes. */
export interface EKeyJob {
  /** UTF-8 of seed + "|E|" + planId + "|": the common start of every E ticket's message. */
  prefix: Uint8Array;
  /** The usccs' bytes, one after another; uscc i is data[offsets[i], offsets[i + 1]). */
  data: Uint8Array;
  offsets: Int32Array;
  /** out[i]: the first 32 bits of ticket("E", planId, uscc i), the number its first 8 hex digits spell. */
  out: Uint32Array;
  /** control[0]: the next unit to take; control[1 + c]: 1 once unit c is written. */
  control: Int32Array;
  unit: number;
}

/** Write the keys of unit c (enterprises c·unit … (c+1)·unit − 1): hashing bytes, no string per ticket. */
export function eKeysUnit(job: EKeyJob, c: number, scratch: Uint8Array): void {
  const { prefix, data, offsets, out, unit } = job;
  const n = out.length;
  for (let i = c * unit; i < Math.min(n, (c + 1) * unit); i++) {
    const from = offsets[i]!;
    const len = offsets[i + 1]! - from;
    scratch.set(data.subarray(from, from + len), prefix.length);
    out[i] = Number.parseInt(sha256Hex(scratch.subarray(0, prefix.length + len)).slice(0, 8), 16);
  }
}

/** A scratch buffer that starts with the prefix and holds the longest uscc after it. */
export function eKeyScratch(job: EKeyJob): Uint8Array {
  let longest = 0;
  for (let i = 0; i + 1 < job.offsets.length; i++) longest = Math.max(longest, job.offsets[i + 1]! - job.offsets[i]!);
  const scratch = new Uint8Array(job.prefix.length + longest);
  scratch.set(job.prefix, 0);
  return scratch;
}
