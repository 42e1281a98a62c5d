import { sha256Hex } from '../core/hash.js';
import type { Db } from '../db/open.js';
import { tableDigests, type BoundTable } from '../db/table-digest.js';

/**
 * The hash-chained audit log. Each entry's hash covers the previous entry's hash and the entry itself,
 * so deleting, editing or reordering any entry breaks every hash after it.
 *
 * hash = sha256(prev_hash + "\n" + canonicalJson({seq, at, operator, action, planId, payload}))
 */
export const GENESIS = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  operator: string;
  action: string;
  planId?: string | null;
  /** What the command wrote: summary fields and hashes of the written data. A JSON object. */
  payload: object;
  /**
   * Every table the command changed (src/db/table-digest.ts). Their digests, as they stand after the change, go
   * into the payload under `tables`, so that `ssj audit verify` notices any later change made without ssj.
   * Leaving one out makes the next verify fail on that table: every e2e test that verifies catches it.
   */
  tables: readonly BoundTable[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  operator: string;
  action: string;
  planId: string | null;
  payload: string;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted, so the same data always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function entryHash(
  prevHash: string,
  e: { seq: number; at: string; operator: string; action: string; planId: string | null; payload: string },
): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    operator: e.operator,
    action: e.action,
    planId: e.planId,
    payload: e.payload,
  });
  return sha256Hex(`${prevHash}\n${body}`);
}

/**
 * Append one entry. Call inside the same transaction as the write it records,
 * so a rolled-back write leaves no entry and a committed write always has one.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const payload = canonicalJson(
    input.tables.length ? { ...input.payload, tables: tableDigests(db, input.tables) } : input.payload,
  );
  const planId = input.planId ?? null;
  const hash = entryHash(prevHash, {
    seq,
    at: input.at,
    operator: input.operator,
    action: input.action,
    planId,
    payload,
  });
  db.prepare(
    'INSERT INTO audit_log (seq, at, operator, action, plan_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, input.at, input.operator, input.action, planId, payload, prevHash, hash);
  return { seq, at: input.at, operator: input.operator, action: input.action, planId, payload, prevHash, hash };
}

/** The newest entry's hash (the chain head), or GENESIS for an empty log. */
export function chainHead(db: Db): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return last ?? { seq: 0, hash: GENESIS };
}
