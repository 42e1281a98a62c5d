import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { usageError } from '../errors.js';

/**
 * No output ever lands on the database or on an input (issue 13, finding 1: `ssj import … --errors ssj.db` once
 * emptied the live database and exited 0).
 *
 * Every file or folder a command is about to write is compared with every file it must not touch: the database,
 * its -wal, -shm and -journal, and every input file of the command. The comparison is by identity, not by the
 * spelling of the path: symlinks are resolved (dangling ones too: writing through a dangling link to `ssj.db-wal`
 * would create SQLite's own log), and when both exist, device + inode decide, so a hard link is caught as well.
 * The check runs before anything is opened or written; a clash is a usage error (exit 2).
 */

export interface ProtectedFile {
  /** Absolute path as the user named it. */
  path: string;
  /** 'database' (the db and its side files) or 'input' (a file the command reads). */
  role: 'database' | 'input';
}

export interface OutputTarget {
  /** Absolute path the command will write. */
  path: string;
  /** How the user named it, for the message: '--out', '--errors', 'FILE'. */
  option: string;
  /** A folder export (its whole tree is replaced), rather than one file. */
  folder?: boolean;
}

/** The database and the files SQLite keeps beside it, under the name given and under its real name. */
export function databaseFiles(dbPath: string): ProtectedFile[] {
  if (dbPath === ':memory:') return [];
  const names = new Set([dbPath, realName(dbPath)]);
  const files: ProtectedFile[] = [];
  for (const n of names)
    for (const suffix of ['', '-wal', '-shm', '-journal']) files.push({ path: n + suffix, role: 'database' });
  return files;
}

/** Throw `output.clobbers` (exit 2) when any output is, or (for a folder) contains, a protected file. */
export function guardOutputs(outputs: OutputTarget[], protect: ProtectedFile[]): void {
  for (const out of outputs) {
    const clash = protect.find((p) => (out.folder ? folderHolds(out.path, p.path) : sameFile(out.path, p.path)));
    if (clash)
      throw usageError('output.clobbers', {
        option: out.option,
        path: out.path,
        role: clash.role,
        target: clash.path,
        folder: out.folder === true,
      });
  }
  // Two outputs of one command on the same file: the second would overwrite the first.
  for (let i = 0; i < outputs.length; i++)
    for (let j = i + 1; j < outputs.length; j++) {
      const a = outputs[i]!;
      const b = outputs[j]!;
      if (
        sameFile(a.path, b.path) ||
        (a.folder && folderHolds(a.path, b.path)) ||
        (b.folder && folderHolds(b.path, a.path))
      )
        throw usageError('output.twice', { first: a.option, second: b.option, path: b.path });
    }
}

/** True when writing `a` would write `b`: the same inode when both exist, else the same real path. */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a);
  const sb = statOrUndefined(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return realName(a) === realName(b);
}

/** True when `file` is `dir` itself or lies anywhere under it (by real paths). */
export function folderHolds(dir: string, file: string): boolean {
  if (sameFile(dir, file)) return true;
  const rel = relative(realName(dir), realName(file));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The real path a name stands for, whether or not it exists yet: symlinks are followed (dangling ones included,
 * up to a sane depth) and the first existing ancestor is resolved by the system.
 */
export function realName(path: string, depth = 0): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // It does not exist (or a link in it dangles). A dangling link: follow it by hand.
    if (depth < 40) {
      try {
        if (lstatSync(abs).isSymbolicLink()) return realName(resolve(dirname(abs), readlinkSync(abs)), depth + 1);
      } catch {
        // not there at all
      }
    }
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(realName(parent, depth + 1), basename(abs));
  }
}

function statOrUndefined(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
