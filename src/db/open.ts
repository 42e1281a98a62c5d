import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SsjError } from '../errors.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Refuse to create a new file (read-only commands). */
  mustExist?: boolean;
  readonly?: boolean;
  /** How long to wait for another process's write lock before SQLITE_BUSY (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** A standalone copy (backup): rollback journal, so the file needs no -wal/-shm beside it. Default WAL. */
  journal?: 'wal' | 'delete';
  /**
   * Runs inside the migration transaction after migrations were applied (from → to): the CLI appends the audit
   * entry that binds the upgraded tables (src/audit/bind.ts; db must not import audit).
   */
  afterMigrate?: (db: Db, from: number, to: number) => void;
}

/** Busy timeout: a second ssj process waits this long for the writer before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

/**
 * Open (and if needed create and migrate) an ssj database.
 * A database from a newer ssj is refused before anything is written to it.
 */
export function openDb(path: string, opts: OpenOptions = {}): Db {
  if ((opts.mustExist || opts.readonly) && path !== ':memory:' && !existsSync(path)) {
    throw new SsjError('notFound', 'db.missing', { path });
  }
  if (path !== ':memory:' && !existsSync(dirname(path)))
    throw new SsjError('notFound', 'db.dirMissing', { dir: dirname(path) });
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: (e as Error).message }, e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      db.close();
      throw new SsjError('refused', 'db.newerVersion', { path, found: version, supported: migrations.length });
    }
    if (!opts.readonly) {
      db.pragma(opts.journal === 'delete' ? 'journal_mode = DELETE' : 'journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (version < migrations.length && !opts.readonly) migrate(db, version, opts.afterMigrate);
    return db;
  } catch (e) {
    if (db.open) db.close();
    if (e instanceof SsjError) throw e;
    throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: (e as Error).message }, e);
  }
}

function migrate(db: Db, from: number, after?: OpenOptions['afterMigrate']): void {
  // BEGIN IMMEDIATE: two processes creating the same new database must not both migrate.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const start = Math.max(from, current);
    for (let v = start; v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
    if (start < migrations.length) after?.(db, start, migrations.length);
  }).immediate();
}

/** The schema version this build writes. */
export const SCHEMA_VERSION = migrations.length;
