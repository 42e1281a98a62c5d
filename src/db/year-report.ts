import type { Db } from './open.js';
import { gunz } from './draw-inputs.js';

/**
 * The reads behind `ssj report --year` (src/app/report.ts). Inspectors are read by name, unit, kind and 执法证号
 * only: the report never holds an ID number or a phone, so no renderer can print one.
 */

export interface EnterpriseRow {
  uscc: string;
  name: string;
  industry: string;
  region: string;
  credit: string;
  flags: string;
  active: number;
}

export function reportEnterprises(db: Db): EnterpriseRow[] {
  return db
    .prepare('SELECT uscc, name, industry, region, credit, flags, active FROM enterprises ORDER BY uscc')
    .all() as EnterpriseRow[];
}

export function reportInspectors(
  db: Db,
): { cert_no: string; name: string; unit: string; kind: string; active: number }[] {
  return db.prepare('SELECT cert_no, name, unit, kind, active FROM inspectors ORDER BY cert_no').all() as {
    cert_no: string;
    name: string;
    unit: string;
    kind: string;
    active: number;
  }[];
}

/** Active history rows dated in the years from..to. */
export function reportHistory(
  db: Db,
  from: number,
  to: number,
): { uscc: string; date: string; source: string; task: string }[] {
  return db
    .prepare(
      `SELECT uscc, date, source, task FROM history WHERE active = 1 AND substr(date, 1, 4) BETWEEN ? AND ?
       ORDER BY date, uscc, source`,
    )
    .all(String(from), String(to)) as { uscc: string; date: string; source: string; task: string }[];
}

export interface DrawRow {
  id: number;
  plan_id: string;
  plan_year: number;
  plan_json: string;
  status: 'active' | 'void';
  drawn_at: string;
  strata_json: string;
}

/** Draws (active and void) of plans of the years from..to, oldest first. */
export function reportDraws(db: Db, from: number, to: number): DrawRow[] {
  return db
    .prepare(
      `SELECT d.id, d.plan_id, p.year AS plan_year, d.plan_json, d.status, d.drawn_at, d.strata_json
       FROM draws d JOIN plans p ON p.id = d.plan_id WHERE p.year BETWEEN ? AND ? ORDER BY d.drawn_at, d.id`,
    )
    .all(from, to) as DrawRow[];
}

/** The draw's frozen pool file (pool-enterprises.csv), as text. */
export function drawPoolText(db: Db, drawId: number): string {
  const r = db.prepare('SELECT pool_enterprises_gz FROM draws WHERE id = ?').get(drawId) as
    | { pool_enterprises_gz: Buffer }
    | undefined;
  return r?.pool_enterprises_gz.length ? gunz(r.pool_enterprises_gz) : '';
}

export function drawSelections(
  db: Db,
  drawId: number,
): { uscc: string; name: string; stratum: string; role: string }[] {
  return db
    .prepare('SELECT uscc, name, stratum, role FROM selections WHERE draw_id = ? ORDER BY stratum, rank')
    .all(drawId) as { uscc: string; name: string; stratum: string; role: string }[];
}

export function drawSeats(db: Db, drawId: number): { uscc: string; cert_no: string }[] {
  return db.prepare('SELECT uscc, cert_no FROM team_seats WHERE draw_id = ? ORDER BY uscc, seat').all(drawId) as {
    uscc: string;
    cert_no: string;
  }[];
}

export interface ReportResultRow {
  id: number;
  plan_id: string;
  plan_json: string;
  uscc: string;
  name: string;
  check_date: string;
  published_at: string | null;
}

/** Results of the plans of one year, with the enterprise's name as drawn. */
export function reportResults(db: Db, year: number): ReportResultRow[] {
  return db
    .prepare(
      `SELECT r.id, r.plan_id, p.json AS plan_json, r.uscc, r.check_date, r.published_at,
         COALESCE((SELECT s.name FROM selections s JOIN draws d ON d.id = s.draw_id
                   WHERE d.plan_id = r.plan_id AND s.uscc = r.uscc ORDER BY d.status = 'active' DESC, d.id DESC LIMIT 1), '') AS name
       FROM results r JOIN plans p ON p.id = r.plan_id WHERE p.year = ? ORDER BY r.plan_id, r.check_date, r.uscc`,
    )
    .all(year) as ReportResultRow[];
}

export function reportCorrections(
  db: Db,
  year: number,
): {
  plan_id: string;
  uscc: string;
  reason: string;
  approved_by: string | null;
  approved_on: string | null;
  recorded_at: string;
  published_at: string | null;
}[] {
  return db
    .prepare(
      `SELECT r.plan_id, r.uscc, c.reason, c.approved_by, c.approved_on, c.recorded_at, c.published_at
       FROM corrections c JOIN results r ON r.id = c.result_id JOIN plans p ON p.id = r.plan_id
       WHERE p.year = ? ORDER BY c.recorded_at, c.id`,
    )
    .all(year) as ReturnType<typeof reportCorrections>;
}

export function reportObjections(
  db: Db,
  year: number,
): {
  id: number;
  plan_id: string;
  uscc: string;
  received: string;
  decision: string | null;
  reviewed_at: string | null;
  answered_at: string | null;
}[] {
  return db
    .prepare(
      `SELECT o.id, r.plan_id, r.uscc, o.received, o.decision, o.reviewed_at, o.answered_at
       FROM objections o JOIN results r ON r.id = o.result_id JOIN plans p ON p.id = r.plan_id
       WHERE p.year = ? ORDER BY o.received, o.id`,
    )
    .all(year) as ReturnType<typeof reportObjections>;
}
