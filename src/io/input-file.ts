import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputError } from '../errors.js';

/**
 * An input that can be read only once (issue 13 part 6): a FIFO, a pipe such as bash's `<(…)` (/dev/fd/63), a
 * character device (/dev/stdin, /dev/zero) or `-` for standard input. The readers open a file more than once
 * (sniff the format, scan the bytes, then parse), which hangs on a FIFO and sees an empty /dev/stdin the second
 * time. So such an input is read once, as a stream, into a private temporary file, and the readers read that.
 *
 * While copying: a NUL byte ends the copy at once (no roster, results or calendar file contains one; /dev/zero would
 * otherwise be read forever): the scan then refuses the file as binary naming the line. And a stream longer than
 * MAX_STREAM_BYTES is refused. A regular file is used where it is, untouched.
 */
export interface InputFile {
  /** What the readers open: the file itself, or the temporary copy of a stream. */
  path: string;
  /** As the user named it, for messages ('-' becomes "stdin"). */
  name: string;
  /** True when the input was a stream copied to `path`. */
  copied: boolean;
  /** Remove the temporary copy (no-op for a regular file). Call in a finally. */
  dispose(): void;
}

/** No roster a county office keeps comes near this; it stops an endless stream long before the disk fills. */
export const MAX_STREAM_BYTES = 4 * 1024 ** 3;

/** `-` on the command line: standard input. */
export const STDIN_ARG = '-';

/**
 * Make `path` (absolute; `arg` as typed) readable more than once. `limit` is for tests. Throws input errors:
 * input.tooLarge, input.notRegular (a socket, a block device).
 */
export async function readableInput(path: string, arg: string, limit = MAX_STREAM_BYTES): Promise<InputFile> {
  const stdin = arg === STDIN_ARG;
  const name = stdin ? 'stdin' : arg;
  let st: Stats | undefined;
  if (!stdin) {
    try {
      st = statSync(path);
    } catch {
      // Missing or unreadable: the readers report it in their words (file.notFound, file.noPermission).
      return { path, name, copied: false, dispose: () => {} };
    }
    if (st.isFile() || st.isDirectory()) return { path, name, copied: false, dispose: () => {} };
    if (!st.isFIFO() && !st.isCharacterDevice())
      throw inputError('input.notRegular', { file: name, type: st.isSocket() ? 'socket' : 'block device' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ssj-input-'));
  const copy = join(dir, 'input');
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    await copyStream(
      stdin ? createReadStream('', { fd: 0, autoClose: false }) : createReadStream(path),
      copy,
      name,
      limit,
    );
  } catch (e) {
    dispose();
    throw e;
  }
  return { path: copy, name, copied: true, dispose };
}

async function copyStream(
  source: NodeJS.ReadableStream & { destroy(): void },
  to: string,
  name: string,
  limit: number,
) {
  // 0600: a roster holds ID numbers and phones; the copy is nobody else's to read.
  const out = createWriteStream(to, { mode: 0o600 });
  let bytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw inputError('input.tooLarge', { file: name, limit });
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      if (chunk.includes(0)) break; // binary: the scan refuses it from what was copied
    }
  } finally {
    source.destroy();
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
  }
}
