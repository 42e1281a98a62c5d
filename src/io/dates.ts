/**
 * Dates as Chinese official documents write them (党政机关公文格式 GB/T 9704: "2024年1月15日", no leading zeros),
 * and the Beijing calendar day of a stored ISO time. Pure: the current time always comes in as an argument.
 */

import { dateInShanghai } from '../core/workdays.js';
import { beijingDateTime } from '../domain/dates.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-01-15" → "2024年1月15日". Anything that is not a YYYY-MM-DD date is returned unchanged rather than guessed. */
export function officialDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** "2024-03" → "2024年3月". */
export function officialMonth(yearMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  return m ? `${m[1]}年${Number(m[2])}月` : yearMonth;
}

/** The calendar day in Beijing (UTC+8) of an ISO 8601 time: "2024-01-14T17:30:00Z" → "2024-01-15". One definition: core's. */
export const beijingDate = dateInShanghai;

/** Beijing date and time to the minute, for records where the hour matters: "2024年1月10日 10:00". */
export function officialDateTime(isoTime: string): string {
  const b = beijingDateTime(isoTime);
  return b === undefined ? isoTime : `${officialDate(b.date)} ${b.time}`;
}

/** "2024年1月15日至2024年3月31日". */
export function officialRange(start: string, end: string): string {
  return `${officialDate(start)}至${officialDate(end)}`;
}

/** ISO date arithmetic on calendar days: core's, so there is one definition. */
export { addDays } from '../core/workdays.js';
