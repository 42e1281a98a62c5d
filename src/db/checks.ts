import type { Db } from './open.js';

/**
 * Checks counted against the yearly cap (DESIGN.md "Caps and exclusions"): enterprises selected
 * (not reserves, not replaced) by non-void draws of plans of that year, plus imported history rows of that year
 * (including checks by the higher level).
 */
export interface CheckCount {
  drawn: number;
  history: number;
  total: number;
}

export function checksInYear(db: Db, uscc: string, year: number, excludePlanId?: string): CheckCount {
  const drawn = (
    db
      .prepare(
        `SELECT count(*) AS n FROM selections s JOIN draws d ON d.id = s.draw_id JOIN plans p ON p.id = d.plan_id
         WHERE s.uscc = ? AND s.role = 'selected' AND d.status = 'active' AND p.year = ? AND p.id IS NOT ?`,
      )
      .get(uscc, year, excludePlanId ?? null) as { n: number }
  ).n;
  const history = (
    db
      .prepare(`SELECT count(*) AS n FROM history WHERE uscc = ? AND active = 1 AND substr(date, 1, 4) = ?`)
      .get(uscc, String(year)) as { n: number }
  ).n;
  return { drawn, history, total: drawn + history };
}

/** The same counts for every enterprise with at least one check in the year (for building a pool). */
export function checkCountsForYear(db: Db, year: number, excludePlanId?: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT uscc, count(*) AS n FROM (
         SELECT s.uscc FROM selections s JOIN draws d ON d.id = s.draw_id JOIN plans p ON p.id = d.plan_id
           WHERE s.role = 'selected' AND d.status = 'active' AND p.year = ? AND p.id IS NOT ?
         UNION ALL
         SELECT uscc FROM history WHERE active = 1 AND substr(date, 1, 4) = ?
       ) GROUP BY uscc`,
    )
    .all(year, excludePlanId ?? null, String(year)) as { uscc: string; n: number }[];
  return new Map(rows.map((r) => [r.uscc, r.n]));
}
