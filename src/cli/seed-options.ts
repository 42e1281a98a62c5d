import { normalizeSeed, rfc3797Key, SeedFormatError } from '../core/seed.js';
import { usageError } from '../errors.js';

/** --seed TEXT or --seed-rfc3797 NUMBERS (exactly one), as `ssj draw`, `ssj recuse` and `ssj plan` take them. */
export function seedFromOptions(opts: { seed?: string; seedRfc3797?: string }): {
  seed: string;
  input: string;
  kind: 'text' | 'rfc3797';
} {
  if ((opts.seed === undefined) === (opts.seedRfc3797 === undefined)) throw usageError('draw.needSeed');
  if (opts.seedRfc3797 !== undefined) {
    try {
      return { seed: rfc3797Key(opts.seedRfc3797), input: opts.seedRfc3797, kind: 'rfc3797' };
    } catch (e) {
      if (e instanceof SeedFormatError) throw usageError('draw.badRfc3797', { value: opts.seedRfc3797 });
      throw e;
    }
  }
  const seed = normalizeSeed(opts.seed!);
  if (!seed) throw usageError('draw.emptySeed');
  return { seed, input: opts.seed!, kind: 'text' };
}
