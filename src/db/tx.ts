import { refused } from '../errors.js';
import type { Db } from './open.js';

/**
 * One snapshot per command (issue 13, finding 4). Every command reads the database in one transaction, so it sees one
 * committed state throughout even while another ssj process writes: without it, a recusal committed between two
 * SELECTs looks like a database edited behind ssj's back (stored result ≠ replayed events), and an export publishes
 * a task page without the recusal beside a bundle with it.
 *
 * - Read-only work runs in `inSnapshot` (a deferred transaction: in WAL mode its first read fixes the snapshot).
 * - Check-then-write runs in `inWrite` (BEGIN IMMEDIATE: the write lock is taken before the first check, so nothing
 *   can change between the check and the write). Async work (the draw's worker threads, a file being streamed) uses
 *   `inWriteAsync`, which manages BEGIN/COMMIT by hand: better-sqlite3's db.transaction() wraps synchronous code only.
 * - A command that must ask the officer before writing computes in a snapshot, asks, then writes in `inWrite` after
 *   `assertUnchanged`: if another command wrote meanwhile it refuses with exit 5 (`db.raced`) instead of storing a
 *   result computed from data that is no longer there.
 */

/** Run `fn` in one read snapshot. Inside an open transaction it simply runs (the outer one is the snapshot). */
export function inSnapshot<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  return db.transaction(fn).deferred();
}

/** `inSnapshot` for asynchronous work (BEGIN DEFERRED by hand). */
export async function inSnapshotAsync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn();
  db.exec('BEGIN');
  try {
    const v = await fn();
    db.exec('COMMIT');
    return v;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/** Run `fn` under the write lock (BEGIN IMMEDIATE), committing when it returns and rolling back when it throws. */
export function inWrite<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  return db.transaction(fn).immediate();
}

/** `inWrite` for asynchronous work. Every path out commits or rolls back. */
export async function inWriteAsync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const v = await fn();
    db.exec('COMMIT');
    return v;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/**
 * Where the database stands: every ssj write appends an audit entry in the same transaction, so the newest entry
 * identifies the committed state. Read it inside the snapshot the command computed from.
 */
export function stateMark(db: Db): string {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return last ? `${last.seq}:${last.hash}` : '0:';
}

/** Inside the write transaction: refuse (exit 5, nothing written) when another command wrote since `mark` was taken. */
export function assertUnchanged(db: Db, mark: string, details: Record<string, unknown> = {}): void {
  if (stateMark(db) !== mark) throw refused('db.raced', details);
}

/**
 * BEGIN IMMEDIATE / COMMIT / ROLLBACK by hand, for a write that decides at the end whether to keep its work
 * (`ssj import --dry-run` rolls back after checking everything). Every path out must commit or roll back.
 */
export const begin = (db: Db): void => {
  db.exec('BEGIN IMMEDIATE');
};
export const commit = (db: Db): void => {
  db.exec('COMMIT');
};
export const rollback = (db: Db): void => {
  db.exec('ROLLBACK');
};
