import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmp } from '../core/canonical.js';
import { MANIFEST_FILE } from '../core/verify.js';
import { refused, SsjError } from '../errors.js';

/**
 * Bundle folders on disk: writing the files of a bundle (src/app/export-bundle.ts builds them from the database)
 * and reading a folder back for `ssj verify`.
 */

/** Write the bundle's files into `dir` (created if missing); a folder holding other files is refused. */
export function writeBundleDir(dir: string, files: Map<string, string>): void {
  prepareDir(dir, files);
  for (const [name, text] of files) {
    try {
      writeFileSync(join(dir, name), text);
    } catch (e) {
      throw new SsjError('invalidInput', 'file.unwritable', { path: join(dir, name), reason: (e as Error).message }, e);
    }
  }
}

function prepareDir(dir: string, files: Map<string, string>): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new SsjError('usage', 'bundle.outIsFile', { path: dir });
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new SsjError('invalidInput', 'file.unwritable', { path: dir, reason: (e as Error).message }, e);
  }
  if (!statSync(dir).isDirectory())
    throw new SsjError('invalidInput', 'file.unwritable', { path: dir, reason: 'not a directory' });
  const foreign = readdirSync(dir).filter((f) => !files.has(f));
  if (foreign.length)
    throw refused('bundle.dirNotEmpty', {
      dir,
      files: foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ' …' : ''),
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
      if (!statSync(path).isFile()) continue;
      files.set(name, utf8.decode(readFileSync(path)));
    } catch (e) {
      if (e instanceof TypeError) throw new SsjError('invalidInput', 'verify.notUtf8', { file: path });
      throw new SsjError('invalidInput', 'verify.unreadable', { file: path, reason: (e as Error).message }, e);
    }
  }
  if (!files.has(MANIFEST_FILE)) throw new SsjError('invalidInput', 'verify.notBundle', { dir, file: MANIFEST_FILE });
  return files;
}
