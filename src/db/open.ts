import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SsjError } from '../errors.js';
import { fileKind, isReadOnlyOpenFault, readOnlyCopy, sqliteFault } from './faults.js';
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
  // An existing file must be an SQLite database before anything opens it: an empty file is not silently made a new
  // database (a crash or a typo made it; it may be the wrong path), and another program's file is never written.
  const kind = path !== ':memory:' && existsSync(path) ? existingKind(path) : 'new';
  if (kind === 'empty') throw new SsjError('invalidInput', 'db.emptyFile', { path });
  if (kind === 'other') throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: 'not an SQLite file' });
  try {
    return openAt(path, path, opts);
  } catch (e) {
    const cause = e instanceof SsjError ? e.cause : e;
    // Read-only media (or a read-only folder): SQLite cannot create the -shm of a WAL database. Reading works on
    // a private copy, opened read-only; a command that writes then fails with db.readOnly (exit 5).
    if (kind === 'sqlite' && isReadOnlyOpenFault(cause)) return openCopy(path, opts);
    throw e;
  }
}

function existingKind(path: string): 'empty' | 'sqlite' | 'other' {
  try {
    return fileKind(path);
  } catch (e) {
    throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: (e as Error).message }, e);
  }
}

function openCopy(path: string, opts: OpenOptions): Db {
  let copy: ReturnType<typeof readOnlyCopy>;
  try {
    copy = readOnlyCopy(path);
  } catch (e) {
    throw new SsjError('refused', 'db.readOnlyNoCopy', { path, reason: (e as Error).message }, e);
  }
  try {
    const db = openAt(copy.path, path, { ...opts, readonly: true });
    if ((db.pragma('user_version', { simple: true }) as number) < migrations.length) {
      db.close();
      throw new SsjError('refused', 'db.readOnlyOld', { path });
    }
    const close = db.close.bind(db);
    db.close = () => {
      close();
      copy.dispose();
      return db;
    };
    return db;
  } catch (e) {
    copy.dispose();
    throw e;
  }
}

/** Open `file` (`path` as the user named it, for messages). */
function openAt(file: string, path: string, opts: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: (e as Error).message }, e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      db.close();
      throw new SsjError('refused', 'db.newerVersion', { path, found: version, supported: migrations.length });
    }
    // Before any pragma writes to it (journal_mode = WAL changes the file's header).
    if (version === 0 && hasTables(db)) {
      db.close();
      throw new SsjError('invalidInput', 'db.foreign', { path });
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
    // A full disk while creating, a damaged file, read-only media: said as what they are (db/faults.ts).
    const fault = sqliteFault(e, path);
    if (fault && fault.code !== 'db.readOnly') throw fault;
    throw new SsjError('invalidInput', 'db.notDatabase', { path, reason: (e as Error).message }, e);
  }
}

/** An SQLite file with tables but no ssj schema version belongs to another program: never migrate it. */
const hasTables = (db: Db): boolean =>
  (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n > 0;

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
