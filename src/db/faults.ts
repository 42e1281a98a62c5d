import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SsjError } from '../errors.js';

/**
 * Faults of the environment around the database (issue 13 part 7), each with its own message and exit code instead
 * of "report to the maintainers" (70) or "not an ssj database":
 *
 * - disk full (SQLITE_FULL, and the I/O errors SQLite reports when it cannot grow a file): 5, nothing changed (the
 *   transaction rolled back), free space and run again;
 * - read-only media or a read-only file (SQLITE_READONLY*): 5 for a command that writes; commands that only read
 *   work on a private copy (openReadOnlyCopy);
 * - a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB): 3, restore the last backup;
 * - an empty file, or an SQLite file of another program, given as --db: 3, refused before anything is written.
 */
export function sqliteFault(e: unknown, path: string): SsjError | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'SQLITE_IOERR_FSYNC')
    return new SsjError('refused', 'db.diskFull', { path, sqlite: code }, e);
  if (code.startsWith('SQLITE_READONLY')) return new SsjError('refused', 'db.readOnly', { path, sqlite: code }, e);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new SsjError('invalidInput', 'db.damaged', { path, sqlite: code }, e);
  if (code.startsWith('SQLITE_IOERR')) return new SsjError('refused', 'db.ioError', { path, sqlite: code }, e);
  return undefined;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What the first bytes of an existing --db file say: empty, an SQLite database, or something else. */
export function fileKind(path: string): 'empty' | 'sqlite' | 'other' {
  const size = statSync(path).size;
  if (size === 0) return 'empty';
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_MAGIC) ? 'sqlite' : 'other';
}

/** Opening failed in a way a read-only folder or file explains (SQLite cannot create the -shm / -wal beside it). */
export function isReadOnlyOpenFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'));
}

/**
 * A private copy of a database on read-only media, with its -wal if there is one, in a temporary folder: SQLite
 * cannot read a WAL database where it cannot create the -shm index. The caller opens the copy read-only, so a
 * command that writes fails with SQLITE_READONLY (exit 5, db.readOnly) and the original is never touched.
 * `dispose` removes the copy.
 */
export function readOnlyCopy(path: string): { path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ssj-readonly-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, 'ssj.db');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return { path: copy, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
