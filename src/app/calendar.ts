import { withOfficeDays, type CalendarDay, type WorkCalendar } from '../core/workdays.js';
import { officeDays } from '../db/calendar.js';
import type { Db } from '../db/open.js';
import { officialCalendar } from '../io/calendar.js';

/**
 * The working-day calendar for this office: the official data, then the office's stored days, then the days of a
 * one-off `--holidays FILE` (later entries win for the same date).
 */
export function loadCalendar(db: Db, extra: readonly CalendarDay[] = []): WorkCalendar {
  return withOfficeDays(officialCalendar(), [...officeDays(db), ...extra]);
}
