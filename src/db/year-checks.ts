import type { RemovedRow } from '../core/ssj2/types.js';
import { gunz } from './draw-inputs.js';
import type { Db } from './open.js';

/**
 * The other plans of a year as the yearly cap sees them, at two moments: now, and when a given plan was frozen
 * (DESIGN.md SSJ-2 "Pool after freeze"). A frozen plan's pool was computed with the checks counted at its freeze; the
 * draw must tell the checks added since (another plan's draw or replacement) from a roster that really changed.
 */

/** A plan of the year with a freeze, in freeze order. */
export interface FrozenPlanOfYear {
  planId: string;
  frozenAt: string;
  status: string;
  /** Its active draw, if any. */
  drawId: number | null;
}

/** Frozen plans of a year, in the order they were frozen (time, then the order the freezes were stored). */
export function frozenPlansOfYear(db: Db, year: number): FrozenPlanOfYear[] {
  return db
    .prepare(
      `SELECT f.plan_id AS planId, f.frozen_at AS frozenAt, p.status AS status,
         (SELECT d.id FROM draws d WHERE d.plan_id = f.plan_id AND d.status = 'active') AS drawId
       FROM freezes f JOIN plans p ON p.id = f.plan_id
       WHERE p.year = ? ORDER BY f.frozen_at, f.rowid`,
    )
    .all(year) as FrozenPlanOfYear[];
}

/** The frozen pool of a plan as uscc set (pool-enterprises.csv of its freeze). */
export function frozenPoolUsccs(db: Db, planId: string): Set<string> {
  const r = db.prepare('SELECT pool_enterprises_gz AS gz FROM freezes WHERE plan_id = ?').get(planId) as
    | { gz: Buffer }
    | undefined;
  if (!r) return new Set();
  // stratum,uscc,name,industry: the uscc is the second field and never contains a comma (GB 32100 charset).
  const lines = gunz(r.gz).split('\n').slice(1);
  return new Set(lines.filter((l) => l !== '').map((l) => l.split(',')[1]!));
}

/** One plan check: the enterprise selected by another plan's draw. */
export interface PlanCheck {
  uscc: string;
  planId: string;
}

interface DrawRow {
  id: number;
  planId: string;
  drawnAt: string;
  status: string;
  voidedAt: string | null;
}

/**
 * The checks other plans of the year counted at time `at` and now: enterprises selected (not reserves, not replaced)
 * by the draws active at that time. A draw's selection at `at` is its selection now with the replacements recorded
 * after `at` undone (a replacement is the only event that changes who is selected: the replaced enterprise leaves,
 * the reserve comes in); recusals, reassigns and swaps change teams only.
 */
export function planChecks(
  db: Db,
  year: number,
  exceptPlan: string,
  at: string,
): { then: PlanCheck[]; now: PlanCheck[] } {
  const draws = db
    .prepare(
      `SELECT d.id, d.plan_id AS planId, d.drawn_at AS drawnAt, d.status, d.voided_at AS voidedAt
       FROM draws d JOIN plans p ON p.id = d.plan_id WHERE p.year = ? AND d.plan_id <> ? ORDER BY d.id`,
    )
    .all(year, exceptPlan) as DrawRow[];
  const selectedOf = db.prepare(`SELECT uscc FROM selections WHERE draw_id = ? AND role = 'selected' ORDER BY uscc`);
  const replacementsAfter = db.prepare(
    `SELECT uscc, replacement_uscc AS replacementUscc FROM draw_events
     WHERE draw_id = ? AND type = 'replacement' AND at > ? ORDER BY seq DESC`,
  );
  const then: PlanCheck[] = [];
  const now: PlanCheck[] = [];
  for (const d of draws) {
    const selected = (selectedOf.all(d.id) as { uscc: string }[]).map((r) => r.uscc);
    if (d.status === 'active') for (const uscc of selected) now.push({ uscc, planId: d.planId });
    // Active at `at`: drawn by then (a freeze stored after a draw at the same instant saw it) and not yet voided.
    const activeThen = d.drawnAt <= at && (d.status === 'active' || (d.voidedAt !== null && d.voidedAt > at));
    if (!activeThen) continue;
    const set = new Set(selected);
    for (const r of replacementsAfter.all(d.id, at) as { uscc: string; replacementUscc: string }[]) {
      set.delete(r.replacementUscc);
      set.add(r.uscc);
    }
    for (const uscc of [...set].sort()) then.push({ uscc, planId: d.planId });
  }
  return { then, now };
}

/** The pool-removed.csv rows stored with an SSJ-2 draw (strata in plan order is the writer's job). */
export function poolRemovals(db: Db, drawId: number): RemovedRow[] {
  return db
    .prepare('SELECT stratum, uscc, by_plan AS byPlan FROM pool_removals WHERE draw_id = ? ORDER BY uscc')
    .all(drawId) as RemovedRow[];
}

export function storePoolRemovals(db: Db, drawId: number, rows: readonly RemovedRow[]): void {
  const ins = db.prepare('INSERT INTO pool_removals (draw_id, stratum, uscc, by_plan) VALUES (?, ?, ?, ?)');
  for (const r of rows) ins.run(drawId, r.stratum, r.uscc, r.byPlan);
}

/** Rows of the imported history in the year, per enterprise (the checks by other bodies, higher levels included). */
export function historyCounts(db: Db, year: number): Map<string, number> {
  const rows = db
    .prepare(`SELECT uscc, count(*) AS n FROM history WHERE active = 1 AND substr(date, 1, 4) = ? GROUP BY uscc`)
    .all(String(year)) as { uscc: string; n: number }[];
  return new Map(rows.map((r) => [r.uscc, r.n]));
}

/** Credit level and flags of the given enterprises (for cap.exempt). */
export function capFields(db: Db, usccs: Iterable<string>): Map<string, { credit: string; flags: string[] }> {
  const q = db.prepare('SELECT credit, flags FROM enterprises WHERE uscc = ?');
  const out = new Map<string, { credit: string; flags: string[] }>();
  for (const u of usccs) {
    const r = q.get(u) as { credit: string; flags: string } | undefined;
    if (r)
      out.set(u, {
        credit: r.credit,
        flags: r.flags
          .split(';')
          .map((f) => f.trim())
          .filter(Boolean),
      });
  }
  return out;
}

/** Results recorded for a plan (a redraw or a new freeze is refused once there is one). */
export function resultCount(db: Db, planId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM results WHERE plan_id = ?').get(planId) as { n: number }).n;
}

/** Drop a plan's freeze before its new freeze is stored (a redraw's new pre-announcement; app/redraw-rules.ts). */
export function dropFreeze(db: Db, planId: string): void {
  db.prepare('DELETE FROM freezes WHERE plan_id = ?').run(planId);
}
