import { maskIdNumber, maskPhone } from './rosters.js';

/**
 * Personal data out of error outputs (issue 13, finding 7: the --errors CSV and the --json error of a failed import
 * carried the raw ID number while the printed message masked it). Two nets:
 *  - by field: any object key that names an ID number or a phone is masked whatever its value looks like;
 *  - by shape: in free text (a rejected cell, a message), anything that reads as a resident ID number (18 digits
 *    or 17 and X with a real birth date, or the old 15 digits) or a mainland mobile number is masked where it
 *    stands. Digits inside a longer run of digits or letters are left alone (a USCC or an order number).
 * `--show-personal` turns both off for the office's own use.
 */

/** Codes that are not personal and must reach scripts as they are (an all-digit USCC can look like an ID). */
const PUBLIC_KEYS =
  /^(uscc|enterprise|certNo|cert_no|code|hash|seed|seedInput|poolHash|head|统一社会信用代码|执法证号|事项编码)$/i;

const PERSONAL_KEYS = /^(idNumber|idNo|id_number|身份证号|phone|mobile|tel|联系方式|联系电话|手机)$/i;

/** 18-digit ID (birth date 18xx-20xx), 15-digit ID, mobile phone; not inside a longer alphanumeric run. */
const SHAPES =
  /(?<![0-9A-Za-z])(?:\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]|\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}|(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2})(?![0-9A-Za-z])/g;

/** Mask ID numbers and mobile phones wherever they appear in a text. */
export function scrubText(s: string): string {
  return s.replace(SHAPES, (m) => {
    const digits = m.replace(/[^\dXx]/g, '');
    return digits.length >= 15 ? maskIdNumber(m) : maskPhone(m);
  });
}

/** A deep copy with personal keys masked and every string scrubbed (for --json output and error details). */
export function scrubPersonal<T>(value: T, key = ''): T {
  if (typeof value === 'string') {
    if (PUBLIC_KEYS.test(key)) return value;
    // Already masked (list does it itself): masking again would lose the asterisks.
    if (PERSONAL_KEYS.test(key) && value !== '' && !value.includes('*'))
      return (/^1\d{10}$|[-\s]/.test(value) || value.length < 15 ? maskPhone(value) : maskIdNumber(value)) as T;
    return scrubText(value) as T;
  }
  if (Array.isArray(value)) return value.map((v) => scrubPersonal(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrubPersonal(v, k);
    return out as T;
  }
  return value;
}
