/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the charset below; the last is a check character
 * computed from the first 17 with weights 3^(i-1) mod 31.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'charset' | 'check';

/** Why a (normalised) code is not a valid USCC, or undefined when it is. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'charset';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === undefined;

/** Complete 17 characters into a valid USCC (fixtures, generators, tests). */
export function withUsccCheck(first17: string): string {
  const c = usccCheckChar(first17);
  if (c === undefined) throw new Error(`not a USCC body: ${first17}`);
  return first17 + c;
}
