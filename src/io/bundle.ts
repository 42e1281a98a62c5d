import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFolderAtomic } from './atomic.js';
import { join } from 'node:path';
import { cmp } from '../core/canonical.js';
import { MANIFEST_FILE } from '../core/verify.js';
import { refused, SsjError } from '../errors.js';

/**
 * Bundle folders on disk: writing the files of a bundle (src/app/export-bundle.ts builds them from the database)
 * and reading a folder back for `ssj verify`.
 */

/**
 * Write the bundle's files as the folder `dir`: built beside it and swapped in whole (src/io/atomic.ts). Anything
 * the bundle does not list (a subfolder too) would make the verification fail, and may be the office's own: such a
 * folder is refused rather than lost. Returns the folder's real path.
 */
export function writeBundleDir(dir: string, files: Map<string, string>): string {
  return writeFolderAtomic(dir, files, {
    foreign: (entries) => entries.filter((e) => !files.has(e)),
    refuse: (path, foreign) =>
      refused('bundle.dirNotEmpty', {
        dir: path,
        files: foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ' …' : ''),
      }),
    notFolder: (path) => new SsjError('usage', 'bundle.outIsFile', { path }),
  });
}

/**
 * Read a bundle directory for verification: every regular file in it (not recursing), as UTF-8 text.
 * A missing directory is "not found" (exit 4); anything unreadable is invalid input (exit 3), naming the file.
 */
export function readBundleDir(dir: string): Map<string, string> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new SsjError('invalidInput', 'verify.notDirectory', { dir });
    names = readdirSync(dir).sort(cmp);
    // A folder without a manifest is not a bundle: say so before reading (and complaining about) other files in it.
    if (!names.includes(MANIFEST_FILE))
      throw new SsjError('invalidInput', 'verify.notBundle', { dir, file: MANIFEST_FILE });
  } catch (e) {
    if (e instanceof SsjError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SsjError('notFound', 'verify.dirNotFound', { dir });
    throw new SsjError('invalidInput', 'verify.unreadable', { file: dir, reason: (e as Error).message }, e);
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const files = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    try {
      // Never follow a symlink (it once printed the first line of whatever it pointed at) and never accept a
      // subfolder: a bundle is one flat folder of the plain files its manifest lists.
      const st = lstatSync(path);
      if (st.isSymbolicLink()) throw new SsjError('invalidInput', 'verify.symlink', { file: path });
      if (st.isDirectory()) throw new SsjError('invalidInput', 'verify.subfolder', { file: path });
      if (!st.isFile()) throw new SsjError('invalidInput', 'verify.notPlainFile', { file: path });
      files.set(name, utf8.decode(readFileSync(path)));
    } catch (e) {
      if (e instanceof SsjError) throw e;
      if (e instanceof TypeError) throw new SsjError('invalidInput', 'verify.notUtf8', { file: path });
      throw new SsjError('invalidInput', 'verify.unreadable', { file: path, reason: (e as Error).message }, e);
    }
  }
  if (!files.has(MANIFEST_FILE)) throw new SsjError('invalidInput', 'verify.notBundle', { dir, file: MANIFEST_FILE });
  return files;
}
