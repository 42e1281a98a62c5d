import type { Db } from './open.js';
import type { Plan } from '../domain/plan.js';
import { validatePlan } from '../domain/plan.js';
import { notFound } from '../errors.js';

export type PlanStatus = 'draft' | 'frozen' | 'drawn' | 'withdrawn';

export interface StoredPlan {
  plan: Plan;
  status: PlanStatus;
  createdAt: string;
  operator: string;
}

export function findPlan(db: Db, id: string): StoredPlan | undefined {
  const row = db.prepare('SELECT json, status, created_at, operator FROM plans WHERE id = ?').get(id) as
    | { json: string; status: PlanStatus; created_at: string; operator: string }
    | undefined;
  if (!row) return undefined;
  return {
    plan: validatePlan(JSON.parse(row.json)),
    status: row.status,
    createdAt: row.created_at,
    operator: row.operator,
  };
}

export function getPlan(db: Db, id: string): StoredPlan {
  const p = findPlan(db, id);
  if (!p) throw notFound('plan.notFound', { id, known: listPlanIds(db).join(', ') || '-' });
  return p;
}

export function listPlanIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: string }[]).map((r) => r.id);
}

export function listPlans(db: Db): (StoredPlan & { drawnAt: string | null; seed: string | null })[] {
  const rows = db
    .prepare(
      `SELECT p.id, d.drawn_at, d.seed FROM plans p LEFT JOIN draws d ON d.plan_id = p.id AND d.status = 'active' ORDER BY p.year, p.id`,
    )
    .all() as { id: string; drawn_at: string | null; seed: string | null }[];
  return rows.map((r) => ({ ...getPlan(db, r.id), drawnAt: r.drawn_at, seed: r.seed }));
}

export function insertPlan(db: Db, plan: Plan, at: string, operator: string): void {
  db.prepare('INSERT INTO plans (id, year, json, status, created_at, operator) VALUES (?, ?, ?, ?, ?, ?)').run(
    plan.id,
    plan.year,
    JSON.stringify(plan),
    'draft',
    at,
    operator,
  );
}

export function updatePlan(db: Db, plan: Plan): void {
  db.prepare('UPDATE plans SET json = ?, year = ? WHERE id = ?').run(JSON.stringify(plan), plan.year, plan.id);
}

export function setPlanStatus(db: Db, id: string, status: PlanStatus): void {
  db.prepare('UPDATE plans SET status = ? WHERE id = ?').run(status, id);
}
