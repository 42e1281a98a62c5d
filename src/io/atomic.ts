import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { SsjError } from '../errors.js';
import { fsError } from './fs-errors.js';
import { realName } from './output-guard.js';

/**
 * Atomic files and folders (issue 13, finding 6: a killed `export site` left a truncated CSV and new bundles beside
 * old pages). A file is written to a temporary name in its own folder, flushed, and renamed over the target, so a
 * reader sees the old file or the new one, never half of one; a failed write removes the temporary file. A folder
 * export is built in a fresh sibling folder and swapped in with two renames, so a reader sees the old folder or
 * the new one, never a mix; since it is built from nothing, no symlink planted in the old folder is ever followed.
 *
 * The one window that is not atomic (Node has no renameat2 RENAME_EXCHANGE): between the two renames of a swap the
 * target is briefly missing, with the old folder beside it as `.NAME.old-…`. A process killed exactly there leaves
 * that folder whole, and the next write to the same target puts it back before doing anything else.
 */

/** Write `bytes` to `path` atomically (parent folders are created). A symlink at `path` is written through. */
export function writeFileAtomic(path: string, bytes: Buffer | string): void {
  const staged = new StagedFile(path);
  try {
    staged.write(bytes);
    staged.commit();
  } catch (e) {
    staged.discard();
    throw e;
  }
}

/**
 * A file being written under a temporary name: write() as often as needed, then commit() renames it into place,
 * or discard() removes it. Lets a command stage a file before a database commit and publish it only after.
 */
export class StagedFile {
  readonly target: string;
  readonly temp: string;
  private fd: number | undefined;
  /**
   * The target exists and is not a regular file (a device such as /dev/stdout or /dev/full, a FIFO): it cannot be
   * replaced by a rename, so it is written directly, and a failure still happens before commit().
   */
  private readonly direct: boolean;

  constructor(path: string) {
    this.target = realName(path);
    const dir = dirname(this.target);
    this.direct = isSpecial(this.target);
    if (this.direct) {
      this.temp = this.target;
      try {
        this.fd = openSync(this.target, 'w');
      } catch (e) {
        throw fsError(e, this.target);
      }
      return;
    }
    try {
      mkdirSync(dir, { recursive: true });
      removeStale(dir, `.${basename(this.target)}.tmp-`);
      this.temp = join(dir, `.${basename(this.target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
      this.fd = openSync(this.temp, 'wx', 0o666);
    } catch (e) {
      throw fsError(e, this.target);
    }
  }

  write(bytes: Buffer | string): void {
    if (this.fd === undefined) throw new Error('StagedFile written after commit or discard');
    const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    try {
      for (let off = 0; off < buf.length; ) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (e) {
      throw fsError(e, this.target);
    }
  }

  /** Flush and rename into place. */
  commit(): void {
    if (this.fd === undefined) throw new Error('StagedFile committed twice');
    try {
      if (!this.direct) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      if (!this.direct) renameSync(this.temp, this.target);
    } catch (e) {
      this.discard();
      throw fsError(e, this.target);
    }
  }

  /** Remove the temporary file; harmless after commit. */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed or never usable
      }
      this.fd = undefined;
    }
    if (this.direct) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // committed, or never created
    }
  }
}

export interface FolderOptions {
  /**
   * Given every entry of the existing target folder (relative paths, '/'-separated, folders end with '/'),
   * return those that an earlier export of this kind cannot have written: when any is returned, the folder is
   * not replaced and `refuse` is thrown instead (an office's own files are never swapped away).
   */
  foreign: (entries: string[]) => string[];
  refuse: (dir: string, foreign: string[]) => SsjError;
  /** Refusal when the target exists and is not a folder. */
  notFolder: (dir: string) => SsjError;
}

/**
 * Write a whole folder: `files` maps relative paths ('/'-separated) to contents. Built beside the target and
 * swapped in; on any failure the target is untouched and the partial build is removed. Returns the real path.
 */
export function writeFolderAtomic(dir: string, files: Map<string, Buffer | string>, opts: FolderOptions): string {
  const target = realName(dir);
  const parent = dirname(target);
  const base = basename(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (e) {
    throw fsError(e, parent);
  }
  recoverSwap(parent, base, target);
  removeStale(parent, `.${base}.new-`);
  const existing = entryType(target);
  if (existing === 'other') throw opts.notFolder(target);
  if (existing === 'dir') {
    const foreign = opts.foreign(listTree(target));
    if (foreign.length) throw opts.refuse(target, foreign);
  }
  let temp: string | undefined;
  try {
    temp = mkdtempSync(join(parent, `.${base}.new-${process.pid}-`));
    for (const [rel, bytes] of files) {
      if (rel.split('/').some((p) => p === '' || p === '.' || p === '..')) throw new Error(`bad export path ${rel}`);
      const path = join(temp, ...rel.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'wx', 0o666);
      try {
        const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
        for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    // mkdtemp makes the folder private (0700); a published folder is readable like any other.
    chmodSync(temp, 0o755 & ~process.umask());
    if (existing === 'dir') {
      const old = join(parent, `.${base}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      renameSync(target, old);
      renameSync(temp, target);
      temp = undefined;
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, target);
      temp = undefined;
    }
  } catch (e) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw fsError(e, target);
  }
  return target;
}

function isSpecial(path: string): boolean {
  try {
    const s = statSync(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

function entryType(path: string): 'none' | 'dir' | 'other' {
  try {
    const s = lstatSync(path);
    return s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'none';
  }
}

/** Every entry under `dir`, relative, '/'-separated; folders end with '/'; symlinks are listed, never followed. */
export function listTree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${d.name}`;
    if (d.isDirectory()) out.push(`${rel}/`, ...listTree(join(dir, d.name), `${rel}/`));
    else out.push(rel);
  }
  return out;
}

/** A swap killed between its two renames: the target is missing and the old folder waits beside it. Put it back. */
function recoverSwap(parent: string, base: string, target: string): void {
  if (entryType(target) !== 'none') return;
  let olds: string[];
  try {
    olds = readdirSync(parent).filter((n) => n.startsWith(`.${base}.old-`));
  } catch {
    return;
  }
  if (olds.length === 1) renameSync(join(parent, olds[0]!), target);
}

/** Temporary files and folders left by killed processes (their pid is in the name): remove them. */
function removeStale(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const n of names) {
    const pid = Number(/^(\d+)-/.exec(n.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, n), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
