import { describe, expect, it } from 'vitest';
import { isValidUscc, usccProblem, withUsccCheck } from '../../src/domain/uscc.js';
import { idNumberProblem, withIdCheck } from '../../src/domain/idnumber.js';

describe('USCC check character (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43', // example code printed in GB 32100-2015 explanations
    '91110000600037341L',
    '914403001922038216', // a published company code
  ])('accepts %s', (code) => expect(isValidUscc(code)).toBe(true));

  it('rejects a wrong check character, wrong length and letters outside the charset', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100I43')).toBe('charset');
  });

  it('completes a body with its check character', () => {
    expect(withUsccCheck('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
});

describe('ID number (GB 11643-1999)', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
  });
  it('rejects a bad check digit, an impossible birth date and a future birth date', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check');
    expect(idNumberProblem(withIdCheck('11010519490231002'))).toBe('birthDate');
    expect(idNumberProblem(withIdCheck('11010520300101002'), '2024-01-01')).toBe('birthDate');
    expect(idNumberProblem('1101051949123100')).toBe('format');
  });
});
