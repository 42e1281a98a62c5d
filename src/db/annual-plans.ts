import type { Db } from './open.js';
import { validateAnnualPlan, type AnnualPlan } from '../domain/annual-plan.js';

/** The annual plans (table annual_plans, migration 10), one per year. */
export interface StoredAnnualPlan {
  plan: AnnualPlan;
  recordedAt: string;
  operator: string;
}

export function findAnnualPlan(db: Db, year: number): StoredAnnualPlan | undefined {
  const r = db.prepare('SELECT json, recorded_at, operator FROM annual_plans WHERE year = ?').get(year) as
    | { json: string; recorded_at: string; operator: string }
    | undefined;
  return r
    ? { plan: validateAnnualPlan(JSON.parse(r.json)), recordedAt: r.recorded_at, operator: r.operator }
    : undefined;
}

export function putAnnualPlan(db: Db, plan: AnnualPlan, at: string, operator: string): void {
  db.prepare(
    `INSERT INTO annual_plans (year, json, recorded_at, operator) VALUES (?, ?, ?, ?)
     ON CONFLICT(year) DO UPDATE SET json = excluded.json, recorded_at = excluded.recorded_at, operator = excluded.operator`,
  ).run(plan.year, JSON.stringify(plan), at, operator);
}
