import type { DrawEvent, Seat, SelectionRow, CheckItem, StratumCount } from '../core/types.js';
import { gunz, gz, hashFiles, type InputFiles, type StratumPopulation } from './draw-inputs.js';
import type { Db } from './open.js';

export interface FreezeRecord {
  planId: string;
  seedSource: string;
  frozenAt: string;
  operator: string;
  hashes: Record<keyof InputFiles, string>;
  strata: StratumPopulation[];
  files: InputFiles;
}

export function storeFreeze(db: Db, f: FreezeRecord): void {
  db.prepare(
    `INSERT INTO freezes (plan_id, seed_source, frozen_at, operator, pool_hash, inspectors_hash, items_hash, conflicts_hash, strata_json,
       pool_enterprises_gz, pool_inspectors_gz, items_gz, conflicts_gz) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.planId,
    f.seedSource,
    f.frozenAt,
    f.operator,
    f.hashes.poolEnterprises,
    f.hashes.poolInspectors,
    f.hashes.items,
    f.hashes.conflicts,
    JSON.stringify(f.strata),
    gz(f.files.poolEnterprises),
    gz(f.files.poolInspectors),
    gz(f.files.items),
    gz(f.files.conflicts),
  );
}

export function findFreeze(db: Db, planId: string): FreezeRecord | undefined {
  const r = db.prepare('SELECT * FROM freezes WHERE plan_id = ?').get(planId) as Record<string, unknown> | undefined;
  if (!r) return undefined;
  const files: InputFiles = {
    poolEnterprises: gunz(r.pool_enterprises_gz as Buffer),
    poolInspectors: gunz(r.pool_inspectors_gz as Buffer),
    items: gunz(r.items_gz as Buffer),
    conflicts: gunz(r.conflicts_gz as Buffer),
  };
  return {
    planId,
    seedSource: r.seed_source as string,
    frozenAt: r.frozen_at as string,
    operator: r.operator as string,
    hashes: hashFiles(files),
    strata: JSON.parse(r.strata_json as string) as StratumPopulation[],
    files,
  };
}

export interface DrawRecord {
  id: number;
  planId: string;
  algorithm: string;
  planJson: string;
  seed: string;
  seedInput: string;
  seedKind: 'text' | 'rfc3797';
  seedSource: string;
  frozenAt: string | null;
  drawnAt: string;
  operator: string;
  status: 'active' | 'void';
  voidReason: string | null;
  voidedAt: string | null;
  redrawReason: string | null;
  poolHash: string;
  strata: StratumCount[];
}

const DRAW_COLUMNS = `id, plan_id, algorithm, plan_json, seed, seed_input, seed_kind, seed_source, frozen_at, drawn_at, operator, status,
  void_reason, voided_at, redraw_reason, pool_hash, strata_json`;

function toRecord(r: Record<string, unknown>): DrawRecord {
  return {
    id: r.id as number,
    planId: r.plan_id as string,
    algorithm: r.algorithm as string,
    planJson: r.plan_json as string,
    seed: r.seed as string,
    seedInput: r.seed_input as string,
    seedKind: r.seed_kind as 'text' | 'rfc3797',
    seedSource: r.seed_source as string,
    frozenAt: (r.frozen_at as string | null) ?? null,
    drawnAt: r.drawn_at as string,
    operator: r.operator as string,
    status: r.status as 'active' | 'void',
    voidReason: (r.void_reason as string | null) ?? null,
    voidedAt: (r.voided_at as string | null) ?? null,
    redrawReason: (r.redraw_reason as string | null) ?? null,
    poolHash: r.pool_hash as string,
    strata: JSON.parse(r.strata_json as string) as StratumCount[],
  };
}

export function activeDraw(db: Db, planId: string): DrawRecord | undefined {
  const r = db.prepare(`SELECT ${DRAW_COLUMNS} FROM draws WHERE plan_id = ? AND status = 'active'`).get(planId) as
    | Record<string, unknown>
    | undefined;
  return r ? toRecord(r) : undefined;
}

export function drawsOfPlan(db: Db, planId: string): DrawRecord[] {
  return (
    db.prepare(`SELECT ${DRAW_COLUMNS} FROM draws WHERE plan_id = ? ORDER BY id`).all(planId) as Record<
      string,
      unknown
    >[]
  ).map(toRecord);
}

export function allDraws(db: Db): DrawRecord[] {
  return (db.prepare(`SELECT ${DRAW_COLUMNS} FROM draws ORDER BY id`).all() as Record<string, unknown>[]).map(toRecord);
}

export function drawFiles(db: Db, drawId: number): InputFiles {
  const r = db
    .prepare('SELECT pool_enterprises_gz, pool_inspectors_gz, items_gz, conflicts_gz FROM draws WHERE id = ?')
    .get(drawId) as Record<string, Buffer>;
  return {
    poolEnterprises: gunz(r.pool_enterprises_gz!),
    poolInspectors: gunz(r.pool_inspectors_gz!),
    items: gunz(r.items_gz!),
    conflicts: gunz(r.conflicts_gz!),
  };
}

/** What a new draw stores: its record as it starts (active, nothing voided) and its input files. */
export type NewDraw = Omit<DrawRecord, 'id' | 'status' | 'voidReason' | 'voidedAt'> & { files: InputFiles };

/** Void the active draw of a plan (a redraw keeps both on record). */
export function voidActiveDraw(db: Db, planId: string, reason: string, at: string): number | undefined {
  const d = activeDraw(db, planId);
  if (!d) return undefined;
  db.prepare(`UPDATE draws SET status = 'void', void_reason = ?, voided_at = ? WHERE id = ?`).run(reason, at, d.id);
  return d.id;
}

export function insertDraw(db: Db, d: NewDraw): number {
  const info = db
    .prepare(
      `INSERT INTO draws (plan_id, algorithm, plan_json, seed, seed_input, seed_kind, seed_source, frozen_at, drawn_at, operator, status, redraw_reason,
         pool_hash, strata_json, pool_enterprises_gz, pool_inspectors_gz, items_gz, conflicts_gz)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.planId,
      d.algorithm,
      d.planJson,
      d.seed,
      d.seedInput,
      d.seedKind,
      d.seedSource,
      d.frozenAt,
      d.drawnAt,
      d.operator,
      d.redrawReason,
      d.poolHash,
      JSON.stringify(d.strata),
      gz(d.files.poolEnterprises),
      gz(d.files.poolInspectors),
      gz(d.files.items),
      gz(d.files.conflicts),
    );
  return Number(info.lastInsertRowid);
}

/** Replace the stored selection, teams and check items of a draw with the given state. */
export function storeState(db: Db, drawId: number, state: StateToStore): void {
  for (const t of ['selections', 'team_seats', 'check_items'])
    db.prepare(`DELETE FROM ${t} WHERE draw_id = ?`).run(drawId);
  const sel = db.prepare(
    'INSERT INTO selections (draw_id, stratum, rank, uscc, name, industry, ticket, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of state.selection) sel.run(drawId, r.stratum, r.rank, r.uscc, r.name, r.industry, r.ticket, r.role);
  const seat = db.prepare(
    'INSERT INTO team_seats (draw_id, uscc, seat, cert_no, name, ticket, grp) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [uscc, seats] of state.teams)
    for (const s of seats) seat.run(drawId, uscc, s.seat, s.certNo, s.name, s.ticket, s.group ?? '');
  const item = db.prepare('INSERT INTO check_items (draw_id, uscc, code, ticket) VALUES (?, ?, ?, ?)');
  for (const [uscc, items] of state.checkItems) for (const c of items) item.run(drawId, uscc, c.code, c.ticket);
}

/** An SSJ-1 seat, or an SSJ-2 seat with its group. */
export type StoredSeat = Seat & { group?: string };

/** What storeState writes: an SSJ-1 DrawState or an SSJ-2 DrawState2 (seats with groups). */
export interface StateToStore {
  selection: SelectionRow[];
  teams: ReadonlyMap<string, StoredSeat[]>;
  checkItems: ReadonlyMap<string, CheckItem[]>;
}

export interface StoredState {
  selection: SelectionRow[];
  /** Seats of an SSJ-2 draw carry their group; SSJ-1 seats have none. */
  teams: Map<string, StoredSeat[]>;
  checkItems: Map<string, CheckItem[]>;
}

export function loadState(db: Db, drawId: number): StoredState {
  const selection = db
    .prepare(
      'SELECT stratum, rank, uscc, name, industry, ticket, role FROM selections WHERE draw_id = ? ORDER BY stratum, rank',
    )
    .all(drawId) as SelectionRow[];
  const teams = new Map<string, StoredSeat[]>();
  for (const r of db
    .prepare(
      'SELECT uscc, seat, cert_no AS certNo, name, ticket, grp FROM team_seats WHERE draw_id = ? ORDER BY uscc, seat',
    )
    .all(drawId) as (Seat & { uscc: string; grp: string })[]) {
    if (!teams.has(r.uscc)) teams.set(r.uscc, []);
    const seat: StoredSeat = { seat: r.seat, certNo: r.certNo, name: r.name, ticket: r.ticket };
    if (r.grp !== '') seat.group = r.grp;
    teams.get(r.uscc)!.push(seat);
  }
  const checkItems = new Map<string, CheckItem[]>();
  for (const r of db
    .prepare('SELECT uscc, code, ticket FROM check_items WHERE draw_id = ? ORDER BY uscc, ticket')
    .all(drawId) as (CheckItem & { uscc: string })[]) {
    if (!checkItems.has(r.uscc)) checkItems.set(r.uscc, []);
    checkItems.get(r.uscc)!.push({ code: r.code, ticket: r.ticket });
  }
  return { selection, teams, checkItems };
}

export interface StoredEvent extends DrawEvent {
  operator: string;
  at: string;
}

export function drawEvents(db: Db, drawId: number): StoredEvent[] {
  return db
    .prepare(
      `SELECT seq, type, uscc, cert_no AS certNo, replacement_cert_no AS replacementCertNo, replacement_uscc AS replacementUscc, seed, reason, operator, at
       FROM draw_events WHERE draw_id = ? ORDER BY seq`,
    )
    .all(drawId) as StoredEvent[];
}

export function insertEvent(db: Db, drawId: number, e: StoredEvent): void {
  db.prepare(
    `INSERT INTO draw_events (draw_id, seq, type, uscc, cert_no, replacement_cert_no, replacement_uscc, seed, reason, operator, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    drawId,
    e.seq,
    e.type,
    e.uscc,
    e.certNo,
    e.replacementCertNo,
    e.replacementUscc,
    e.seed,
    e.reason,
    e.operator,
    e.at,
  );
}
