import type { DueReport, UncoveredItem } from '../core/deadlines.js';
import { inWorkYears } from '../domain/result-dates.js';

/**
 * `ssj due` must never fail, or send the office after the wrong fix, because of one row (issue 13 part 8). A row
 * whose date is a typo (1900-01-01, or a report dated 2099) made its deadlines fall in a year the calendar does not
 * cover, and `due` then told the office to import the State Council notice for 1900. Such a row is reported as a
 * row with a wrong date, with the command that fixes it; every other deadline is still counted.
 *
 * A deadline's starting date is suspect when it is outside the years ssj works in (domain/result-dates.ts
 * WORK_YEARS); when it is a recorded date (a check, the written feedback, an objection's receipt) after today, which
 * cannot have happened yet; or when it is more than a year ahead (a feedback deadline counts from the report date or
 * from the report's own deadline, a few weeks at most after a check; a plan window ends within its year). New rows are
 * refused such dates when they are recorded; this catches rows stored before that check, or by an older ssj.
 */
const RECORDED: ReadonlySet<string> = new Set(['report', 'opinion', 'publication', 'objection-review']);
const YEAR_AHEAD_DAYS = 366;

export function splitSuspectRows(report: DueReport): { report: DueReport; suspect: UncoveredItem[] } {
  const yearAhead = addDays(report.today, YEAR_AHEAD_DAYS);
  const suspect = report.uncovered.filter(
    (u) => !inWorkYears(u.from) || u.from > yearAhead || (RECORDED.has(u.kind) && u.from > report.today),
  );
  if (suspect.length === 0) return { report, suspect };
  const uncovered = report.uncovered.filter((u) => !suspect.includes(u));
  return {
    report: { ...report, uncovered, uncoveredYears: [...new Set(uncovered.map((u) => u.year))].sort((a, b) => a - b) },
    suspect,
  };
}

function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
