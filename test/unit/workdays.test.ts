import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  dateInShanghai,
  isWorkday,
  nthWorkdayOfMonth,
  withOfficeDays,
  workdaysBetween,
  type WorkCalendar,
} from '../../src/core/workdays.js';
import { officialCalendar } from '../../src/io/calendar.js';
import { SsjError } from '../../src/errors.js';
import { toUserError } from '../../src/app/errors.js';

/**
 * Expected dates are counted by hand from the State Council notices:
 * 2024: 国办发明电〔2023〕7号 — 春节 2月10日至17日放假，2月4日（周日）、2月18日（周日）上班；
 *       国庆节 10月1日至7日放假，9月29日（周日）、10月12日（周六）上班。
 * 2025: 国办发明电〔2024〕12号 — 春节 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班。
 */
const cal = officialCalendar();

/** Core throws its own CalendarError; the user sees it as the SsjError that src/app/errors.ts maps it to. */
function refusal(fn: () => unknown): SsjError {
  try {
    fn();
  } catch (thrown) {
    const e = toUserError(thrown);
    if (e instanceof SsjError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the official calendar (chinese-days data)', () => {
  it('covers 2004 to 2026', () => {
    expect(cal.coveredYears).toEqual([2004, 2026]);
  });

  it.each([
    ['2024-02-04', true, 'Sunday make-up workday before Spring Festival 2024'],
    ['2024-02-09', true, '除夕 2024 is a Friday and not an official holiday'],
    ['2024-02-10', false, 'Spring Festival 2024, first day'],
    ['2024-02-12', false, 'Spring Festival 2024, a Monday off'],
    ['2024-02-17', false, 'Spring Festival 2024, last day'],
    ['2024-02-18', true, 'Sunday make-up workday after Spring Festival 2024'],
    ['2024-09-29', true, 'Sunday make-up workday before National Day 2024'],
    ['2024-10-01', false, 'National Day 2024'],
    ['2024-10-07', false, 'National Day 2024, a Monday off'],
    ['2024-10-12', true, 'Saturday make-up workday after National Day 2024'],
    ['2024-10-13', false, 'an ordinary Sunday'],
    ['2025-01-26', true, 'Sunday make-up workday before Spring Festival 2025'],
    ['2025-01-28', false, 'Spring Festival 2025'],
    ['2025-02-04', false, 'Spring Festival 2025, last day (Tuesday)'],
    ['2025-02-08', true, 'Saturday make-up workday after Spring Festival 2025'],
    ['2026-02-14', true, 'Saturday make-up workday before Spring Festival 2026'],
    ['2026-02-23', false, 'Spring Festival 2026, last day (Monday)'],
    ['2024-03-05', true, 'an ordinary Tuesday'],
  ])('%s is a workday: %s (%s)', (date, expected) => {
    expect(isWorkday(cal, date)).toBe(expected);
  });
});

describe('addWorkdays across holidays', () => {
  it.each([
    // 02-09 Fri (1), 02-10..17 off, 02-18 Sun make-up (2), 02-19 (3), 02-20 (4), 02-21 (5)
    ['2024-02-08', 5, '2024-02-21'],
    // report 5 working days after a check on the make-up Sunday 2024-02-04: 05,06,07,08,09
    ['2024-02-04', 5, '2024-02-09'],
    // publication 20 working days after 2024-01-25, across Spring Festival and both make-up Sundays
    ['2024-01-25', 20, '2024-02-27'],
    // 09-28 Sat off, 09-29 Sun make-up (1), 09-30 (2), 10-01..07 off, 10-08 (3), 10-09 (4), 10-10 (5)
    ['2024-09-27', 5, '2024-10-10'],
    // ... 10-11 (6), 10-12 Sat make-up (7), 10-14 (8), 10-15 (9), 10-16 (10)
    ['2024-09-27', 10, '2024-10-16'],
    // 01-26 Sun make-up (1), 01-27 (2), 01-28..02-04 off, 02-05 (3), 02-06 (4), 02-07 (5)
    ['2025-01-24', 5, '2025-02-07'],
    ['2025-01-24', 6, '2025-02-08'],
    ['2024-03-05', 0, '2024-03-05'],
    ['2024-02-21', -5, '2024-02-08'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkdays(cal, from, n)).toBe(expected);
  });
});

describe('nthWorkdayOfMonth (the first N working days of a month)', () => {
  it.each([
    // 10-01..07 off: 08 (1), 09 (2), 10 (3), 11 (4), 12 Sat make-up (5)
    [2024, 10, 5, '2024-10-12'],
    // 01 Thu (1), 02 Fri (2), 04 Sun make-up (3), 05 (4), 06 (5)
    [2024, 2, 5, '2024-02-06'],
    // 01-02 weekend, 03-04 Spring Festival: 05 (1), 06 (2), 07 (3), 08 Sat make-up (4), 10 (5)
    [2025, 2, 5, '2025-02-10'],
    [2024, 3, 1, '2024-03-01'],
    [2024, 6, 1, '2024-06-03'],
  ])('%i-%i working day %i is %s', (y, m, n, expected) => {
    expect(nthWorkdayOfMonth(cal, y, m, n)).toBe(expected);
  });
});

describe('workdaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workdaysBetween(cal, '2024-02-08', '2024-02-21')).toBe(5);
    expect(workdaysBetween(cal, '2024-02-21', '2024-02-08')).toBe(-5);
    expect(workdaysBetween(cal, '2024-02-10', '2024-02-17')).toBe(0);
    // 09-29 Sun make-up, 09-30, 10-08, 10-09, 10-10, 10-11, 10-12 Sat make-up
    expect(workdaysBetween(cal, '2024-09-28', '2024-10-12')).toBe(7);
  });
});

describe('coverage', () => {
  it('refuses a date after the covered years, naming the years and how to extend', () => {
    const e = refusal(() => isWorkday(cal, '2027-01-04'));
    expect(e.kind).toBe('refused');
    expect(e.code).toBe('calendar.notCovered');
    expect(e.details).toMatchObject({ date: '2027-01-04', year: 2027, from: 2004, to: 2026 });
  });

  it('refuses a count that runs past the covered years instead of guessing Monday to Friday', () => {
    expect(refusal(() => addWorkdays(cal, '2026-12-28', 5)).code).toBe('calendar.notCovered');
    expect(refusal(() => workdaysBetween(cal, '2003-12-30', '2004-01-05')).code).toBe('calendar.notCovered');
  });

  it('refuses a date that does not exist', () => {
    const e = refusal(() => addWorkdays(cal, '2024-02-30', 1));
    expect(e.kind).toBe('invalidInput');
  });

  it("extends to a later year once the office lists that year's holidays, and office days win", () => {
    const ext: WorkCalendar = withOfficeDays(cal, [
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-02-06', kind: 'workday' }, // a Saturday
      { date: '2024-03-05', kind: 'holiday' }, // a local day off
    ]);
    expect(ext.coveredYears).toEqual([2004, 2027]);
    expect(isWorkday(ext, '2027-01-01')).toBe(false);
    expect(isWorkday(ext, '2027-02-06')).toBe(true);
    expect(isWorkday(ext, '2027-01-04')).toBe(true);
    expect(isWorkday(ext, '2024-03-05')).toBe(false);
    expect(refusal(() => isWorkday(ext, '2028-01-03')).code).toBe('calendar.notCovered');
    // only make-up days for a year do not make it covered
    expect(withOfficeDays(cal, [{ date: '2027-02-06', kind: 'workday' }]).coveredYears).toEqual([2004, 2026]);
  });
});

describe('dateInShanghai', () => {
  it('gives the date in UTC+8', () => {
    expect(dateInShanghai('2024-02-08T15:59:59Z')).toBe('2024-02-08');
    expect(dateInShanghai('2024-02-08T16:00:00Z')).toBe('2024-02-09');
    expect(dateInShanghai('2024-02-09T00:30:00+08:00')).toBe('2024-02-09');
  });
});
