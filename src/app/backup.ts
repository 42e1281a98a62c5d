import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chainHead } from '../audit/log.js';
import { type Db, openDb } from '../db/open.js';
import { SsjError } from '../errors.js';
import { fsError, isDiskFull } from '../io/fs-errors.js';

/**
 * `ssj backup`: a consistent copy of the database while it is in use (SQLite's online backup), written whole or not
 * at all. The copy is made under a hidden temporary name in the target's folder and renamed: a crash or a full disk
 * never leaves a half-written file under the target, and a failure removes the copy with every side file SQLite
 * made for it. Returns the copy's size and chain head (what `ssj --db COPY audit verify` will report).
 */
export async function backupDatabase(
  db: Db,
  target: string,
): Promise<{ bytes: number; head: { seq: number; hash: string } }> {
  const partial = join(
    dirname(target),
    `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const sideFiles = (f: string) => [f, `${f}-wal`, `${f}-shm`, `${f}-journal`];
  let head: { seq: number; hash: string };
  try {
    await db.backup(partial);
    // A standalone file: rollback journal instead of WAL, so opening the copy (here or later, read-only on a
    // USB stick) needs no -wal/-shm beside it. Closing it leaves none.
    const copy = openDb(partial, { journal: 'delete' });
    try {
      head = chainHead(copy);
    } finally {
      copy.close();
    }
    // A stale -wal beside an old target would be replayed into the new copy when it is opened: remove it first.
    for (const extra of ['-wal', '-shm', '-journal']) rmSync(target + extra, { force: true });
    renameSync(partial, target);
  } catch (e) {
    for (const f of sideFiles(partial)) rmSync(f, { force: true });
    if (isDiskFull(e)) throw fsError(Object.assign(new Error('disk full'), { code: 'ENOSPC' }), target);
    throw new SsjError('invalidInput', 'backup.failed', { file: target, reason: (e as Error).message }, e);
  }
  return { bytes: statSync(target).size, head };
}
