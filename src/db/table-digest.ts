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
 * JSON array per row (blobs replaced by {"sha256": …} of their bytes). No sorting in JavaScript and no row kept in
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
  const stmt = db.prepare(`SELECT * FROM ${table} ORDER BY ${BOUND_TABLES[table]}`).raw(true);
  const h = createHash('sha256');
  h.update(`${table}\n${JSON.stringify(stmt.columns().map((c) => c.name))}\n`);
  const blobs = BLOB_TABLES.has(table);
  let buf = '';
  for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
    buf += `${JSON.stringify(blobs ? row.map(blobless) : row)}\n`;
    if (buf.length >= CHUNK) {
      h.update(buf);
      buf = '';
    }
  }
  h.update(buf);
  return h.digest('hex');
}

function blobless(v: unknown): unknown {
  return Buffer.isBuffer(v) ? { sha256: createHash('sha256').update(v).digest('hex') } : v;
}

/** The digests of these tables, as an audit payload records them. */
export function tableDigests(db: Db, tables: readonly BoundTable[]): Record<string, string> {
  return Object.fromEntries([...new Set(tables)].sort().map((t) => [t, tableDigest(db, t)]));
}
