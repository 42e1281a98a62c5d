/**
 * Seeds (SSJ-1 "Seed"). The published seed string is NFC-normalised and trimmed; its UTF-8 bytes are hashed.
 * An RFC 3797 key is built from public lottery numbers so that anyone can rebuild the seed from the draw results.
 */
export function normalizeSeed(seed: string): string {
  return seed.normalize('NFC').trim();
}

export class SeedFormatError extends Error {
  constructor(
    readonly reason: 'empty' | 'notNumber' | 'emptySource',
    readonly token?: string,
  ) {
    super(`bad RFC 3797 input: ${reason}${token ? ` (${token})` : ''}`);
  }
}

/**
 * RFC 3797 section 4 key: sources separated by "/", numbers sorted ascending within a source
 * (numerically), each written in decimal without leading zeros and followed by ".", each source closed by "/".
 * "9319 / 2 5 12 8 10 / 9 18 26 34 41 45" -> "9319./2.5.8.10.12./9.18.26.34.41.45./"
 */
export function rfc3797Key(input: string): string {
  const sources = input
    .normalize('NFKC')
    .split('/')
    .map((s) => s.trim());
  if (sources.every((s) => s === '')) throw new SeedFormatError('empty');
  if (sources.length > 1 && sources[sources.length - 1] === '') sources.pop();
  return sources
    .map((src) => {
      const tokens = src.split(/[ \t\r\n,.;]+/).filter((t) => t !== '');
      if (tokens.length === 0) throw new SeedFormatError('emptySource');
      const nums = tokens.map((t) => {
        if (!/^\d+$/.test(t)) throw new SeedFormatError('notNumber', t);
        return BigInt(t);
      });
      nums.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `${nums.map((n) => `${n.toString()}.`).join('')}/`;
    })
    .join('');
}
