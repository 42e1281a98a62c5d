import { createRequire } from 'node:module';
import type { CalendarDay, WorkCalendar } from '../core/workdays.js';
import { statutoryDaysOf, type StatutoryDay } from '../core/arrangement.js';

/**
 * The official Chinese holiday calendar, from the `chinese-days` package: its data file dist/chinese-days.json
 * holds the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知), holidays and make-up workdays
 * (调休上班), maintained upstream. Keys are 'YYYY-MM-DD'; values are "English,中文,days".
 */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export const OFFICIAL_SOURCE = 'chinese-days';

/** Node's require cache keeps the parsed file, so this is cheap to call per command. */
function officialData(): ChineseDaysData {
  return createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
}

/** The bundled official calendar; it covers the years its data has holidays in. */
export function officialCalendar(): WorkCalendar {
  const data = officialData();
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  return {
    coveredYears: [Math.min(...years), Math.max(...years)],
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
  };
}

/** The official days of one year with their Chinese names, for `ssj calendar list`. */
export function officialDays(year: number): (CalendarDay & { name: string })[] {
  const data = officialData();
  const prefix = `${year}-`;
  const pick = (kind: CalendarDay['kind'], m: Record<string, string>) =>
    Object.entries(m)
      .filter(([d]) => d.startsWith(prefix))
      .map(([date, v]) => ({ date, kind, name: v.split(',')[1] ?? '' }));
  return [...pick('holiday', data.holidays), ...pick('workday', data.workdays)].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  );
}

interface ChineseDaysLib {
  getSolarDateFromLunar(lunar: string): { date: string };
  getSolarTerms(start: string, end: string): { date: string; name: string }[];
}

/** The package's version, named in the message that its data is older than the current year. */
export function officialVersion(): string {
  return (createRequire(import.meta.url)('chinese-days/package.json') as { version: string }).version;
}

/**
 * The 13 statutory holidays of a year (全国年节及纪念日放假办法, in force 2025), the lunar ones and 清明 from the
 * chinese-days lunar and solar-term tables, which reach far beyond its holiday data.
 */
export function statutoryDays(year: number): StatutoryDay[] {
  const lib = createRequire(import.meta.url)('chinese-days') as ChineseDaysLib;
  const lunar = (md: string) => lib.getSolarDateFromLunar(`${year}-${md}`).date;
  const qingming = lib.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明');
  if (!qingming) throw new Error(`no 清明 in ${year}-04-01..10 from chinese-days`);
  return statutoryDaysOf(year, {
    springFirstDay: lunar('01-01'),
    qingming: qingming.date,
    dragonBoat: lunar('05-05'),
    midAutumn: lunar('08-15'),
  });
}
