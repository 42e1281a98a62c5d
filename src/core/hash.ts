import * as crypto from 'node:crypto';

/**
 * The one SHA-256 helper: tickets, file hashes, the pool hash, the audit chain and the bundle manifest all hash
 * through here, so there is one definition of "hex SHA-256 of UTF-8 text".
 */

// crypto.hash (Node >= 20.12) is a one-shot hash about 2.5x faster than createHash for short inputs.
const oneShot = (crypto as { hash?: (alg: string, data: string | Uint8Array, enc: 'hex') => string }).hash;

/** 64 lowercase hex digits of SHA-256 over the UTF-8 bytes of a string (or over the given bytes). */
export const sha256Hex: (data: string | Uint8Array) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** An incremental SHA-256, for a file read in chunks; `.digest('hex')` at the end. */
export const sha256Stream = (): crypto.Hash => crypto.createHash('sha256');
