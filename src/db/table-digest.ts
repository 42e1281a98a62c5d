import { createHash } from 'node:crypto';
import type { Db } from './open.js';

/**
 * Table digests: how the audit log binds every stored fact that is not re-derived from it (issue 13, finding 5).
 *
 * Each audit entry records, under `payload.tables`, the digest of every table its command changed, as the table stands
 * after the change (src/audit/log.ts). `ssj audit verify` recomputes each table's digest and compares it with the
 * newest entry that recorded one: a row edited, added or deleted behind ssj's back anywhere in a bound table fails.
 *
 * The digest is one pass over the table in primary-key order: SHA-256 of the table name, its column names, then one
 * JSON array per row as SQLite's json_array() writes it (in the two tables with blobs, JSON.stringify of the row with
 * each blob replaced by {"sha256": …} of its bytes). No sorting in JavaScript and no row kept in
 * memory: at a million enterprises it costs about as long as reading the table once (README "Reliability").
 */

/** Every bound table with its primary key (the order the digest reads it in). */
export const BOUND_TABLES = {
  settings: 'key',
  imports: 'id',
  enterprises: 'uscc',
  inspectors: 'cert_no',
  items: 'code',
  conflicts: 'cert_no, uscc',
  history: 'uscc, date, source',
  plans: 'id',
  freezes: 'plan_id',
  draws: 'id',
  draw_events: 'draw_id, seq',
  results: 'id',
  corrections: 'id',
  objections: 'id',
  calendar_days: 'date',
  feedback: 'id',
  plan_withdrawals: 'plan_id',
  annual_plans: 'year',
  pool_removals: 'draw_id, uscc',
  freeze_seeds: 'plan_id',
  draw_seeds: 'draw_id',
  publications: 'draw_id',
} as const;

export type BoundTable = keyof typeof BOUND_TABLES;

/**
 * Tables not bound by digest because `ssj audit verify` re-derives them from the log: a draw's selection, teams and
 * check items are replayed from its seed, snapshot and events and compared with the logged result hash.
 */
export const DERIVED_TABLES = ['selections', 'team_seats', 'check_items'] as const;

/** The tables a result, correction, objection or feedback command may change (small: all three are digested each time). */
export const RESULT_TABLES: readonly BoundTable[] = ['results', 'corrections', 'objections', 'feedback'];

export const ALL_BOUND: readonly BoundTable[] = Object.keys(BOUND_TABLES) as BoundTable[];

/** Tables whose rows carry blobs (the frozen and drawn input files): hashed, not serialised. */
const BLOB_TABLES = new Set<BoundTable>(['freezes', 'draws']);

const CHUNK = 1 << 16;

export function tableDigest(db: Db, table: BoundTable): string {
  const order = BOUND_TABLES[table];
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const h = createHash('sha256');
  h.update(`${table}\n${JSON.stringify(columns)}\n`);
  // SQLite's json_array() writes each row's canonical JSON in C, half the cost of JSON.stringify on row arrays
  // (measured at a million enterprises); it cannot hold blobs, so the two tables with blobs are encoded here.
  const rows: Iterable<unknown> = BLOB_TABLES.has(table)
    ? mapRows(db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw(true).iterate() as Iterable<unknown[]>)
    : db
        .prepare(`SELECT json_array(${columns.map((c) => `"${c}"`).join(', ')}) FROM ${table} ORDER BY ${order}`)
        .pluck()
        .iterate();
  let buf = '';
  for (const row of rows) {
    buf += `${row as string}\n`;
    if (buf.length >= CHUNK) {
      h.update(buf);
      buf = '';
    }
  }
  h.update(buf);
  return h.digest('hex');
}

function* mapRows(rows: Iterable<unknown[]>): Iterable<string> {
  for (const row of rows) yield JSON.stringify(row.map(blobless));
}

function blobless(v: unknown): unknown {
  return Buffer.isBuffer(v) ? { sha256: createHash('sha256').update(v).digest('hex') } : v;
}

/** The digests of these tables, as an audit payload records them. */
export function tableDigests(db: Db, tables: readonly BoundTable[]): Record<string, string> {
  return Object.fromEntries([...new Set(tables)].sort().map((t) => [t, tableDigest(db, t)]));
}
