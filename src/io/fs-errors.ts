import { SsjError } from '../errors.js';

/**
 * A failed file-system call as the officer's problem, not a bug (issue 13, finding 9): a full disk and read-only
 * media are "refused by state" (exit 5) with what to do; a file that is not allowed to be written is exit 5 too;
 * anything else is the file's problem (exit 3), naming it.
 */
export function fsError(e: unknown, path: string): SsjError {
  if (e instanceof SsjError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = (e as Error)?.message ?? String(e);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG')
    return new SsjError('refused', 'fs.diskFull', { path }, e);
  if (code === 'EROFS') return new SsjError('refused', 'fs.readOnlyMedia', { path }, e);
  if (code === 'EACCES' || code === 'EPERM') return new SsjError('refused', 'fs.notWritable', { path }, e);
  return new SsjError('invalidInput', 'file.unwritable', { path, reason }, e);
}

/** True for the errors fsError reports as a full disk. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
