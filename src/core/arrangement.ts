import { parseIsoDate } from '../domain/dates.js';
import { addDays, type CalendarDay } from './workdays.js';

/**
 * Is a year's holiday file the whole official arrangement? (`ssj calendar import`, `ssj due --holidays`.)
 *
 * Each December the State Council's General Office publishes the next year's arrangement
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知): for each of the seven festivals, the days off and the make-up
 * workdays (调休上班). A file that holds only part of it (say 元旦 alone) would make every count through the
 * Spring Festival silently wrong, so a year the bundled data does not cover is accepted only when:
 *
 * 1. every statutory holiday (全国年节及纪念日放假办法, as revised 2024-11-10, in force 2025-01-01: 元旦 1 day,
 *    春节 除夕 to 初三 4 days, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3; 13 days) is a day off in the file, and
 * 2. the days off that fall Monday to Friday, less the make-up workdays, equal the statutory days. Each notice
 *    keeps this balance: a statutory day on a weekend is given back on a weekday, and every extra weekday off
 *    (bridging to a weekend) is paid for by a make-up Saturday or Sunday. A missing make-up day breaks it.
 *
 * The statutory dates of the lunar festivals and 清明 are computed elsewhere (src/io/calendar.ts, from the
 * chinese-days lunar tables) and passed in: this module stays pure.
 */
export const FESTIVALS = ['new-year', 'spring', 'qingming', 'labour', 'dragon-boat', 'mid-autumn', 'national'] as const;
export type Festival = (typeof FESTIVALS)[number];

export const FESTIVAL_ZH: Record<Festival, string> = {
  'new-year': '元旦',
  spring: '春节',
  qingming: '清明节',
  labour: '劳动节',
  'dragon-boat': '端午节',
  'mid-autumn': '中秋节',
  national: '国庆节',
};

export interface StatutoryDay {
  date: string;
  festival: Festival;
}

export type ArrangementProblem =
  | { kind: 'statutory-missing'; year: number; festival: Festival; dates: string[] }
  | { kind: 'unbalanced'; year: number; weekdaysOff: number; makeUpDays: number; statutory: number };

const isWeekday = (date: string) => {
  const d = new Date(parseIsoDate(date)!).getUTCDay();
  return d >= 1 && d <= 5;
};

/**
 * The problems of one year's days as a file gives them; none means the file has the whole arrangement.
 * `days` may hold other years' days too (only `year` is looked at); `statutory` are that year's statutory days.
 */
export function checkArrangement(
  year: number,
  days: readonly CalendarDay[],
  statutory: readonly StatutoryDay[],
): ArrangementProblem[] {
  const prefix = `${year}-`;
  const mine = days.filter((d) => d.date.startsWith(prefix));
  const off = new Set(mine.filter((d) => d.kind === 'holiday').map((d) => d.date));
  const problems: ArrangementProblem[] = [];
  for (const festival of FESTIVALS) {
    const missing = statutory.filter((s) => s.festival === festival && !off.has(s.date)).map((s) => s.date);
    if (missing.length) problems.push({ kind: 'statutory-missing', year, festival, dates: missing });
  }
  const weekdaysOff = [...off].filter(isWeekday).length;
  const makeUpDays = mine.filter((d) => d.kind === 'workday').length;
  if (weekdaysOff - makeUpDays !== statutory.length)
    problems.push({ kind: 'unbalanced', year, weekdaysOff, makeUpDays, statutory: statutory.length });
  return problems;
}

/** The statutory days of a year from its lunar-festival dates (初一 of 春节, 端午, 中秋) and 清明 (a solar term). */
export function statutoryDaysOf(
  year: number,
  d: { springFirstDay: string; qingming: string; dragonBoat: string; midAutumn: string },
): StatutoryDay[] {
  const y = String(year);
  return [
    { date: `${y}-01-01`, festival: 'new-year' },
    { date: addDays(d.springFirstDay, -1), festival: 'spring' }, // 除夕, statutory since 2025
    { date: d.springFirstDay, festival: 'spring' },
    { date: addDays(d.springFirstDay, 1), festival: 'spring' },
    { date: addDays(d.springFirstDay, 2), festival: 'spring' },
    { date: d.qingming, festival: 'qingming' },
    { date: `${y}-05-01`, festival: 'labour' },
    { date: `${y}-05-02`, festival: 'labour' },
    { date: d.dragonBoat, festival: 'dragon-boat' },
    { date: d.midAutumn, festival: 'mid-autumn' },
    { date: `${y}-10-01`, festival: 'national' },
    { date: `${y}-10-02`, festival: 'national' },
    { date: `${y}-10-03`, festival: 'national' },
  ];
}
