/**
 * 公民身份号码 (GB 11643-1999): 17 digits + check character (ISO 7064 MOD 11-2), with the birth date
 * YYYYMMDD at positions 7-14.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdProblem = 'format' | 'birthDate' | 'check';

/** Why a (normalised, upper-case) ID number is invalid, or undefined. `today` (YYYY-MM-DD) bounds the birth date. */
export function idNumberProblem(id: string, today?: string): IdProblem | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'birthDate';
  if (today !== undefined && `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return 'birthDate';
  return idCheckChar(id.slice(0, 17)) === id[17] ? undefined : 'check';
}

export function withIdCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}
