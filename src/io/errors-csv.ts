import { stringify } from 'csv-stringify/sync';
import { StagedFile } from './atomic.js';

/**
 * The --errors file of an import: one row per problem, written as the problems are found (a broken file may have
 * a million of them), UTF-8 with a BOM so Excel opens the Chinese text correctly. Written under a temporary name
 * and renamed into place on close (src/io/atomic.ts): an earlier errors file is replaced whole or not at all.
 */
export class ErrorsCsv {
  private file: StagedFile;
  private buffer = '';
  /** A write failed: the error is on its way up; close() then only cleans up. */
  private broken = false;
  count = 0;

  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.file = new StagedFile(path);
    this.buffer = `\uFEFF${stringify([header])}`;
  }

  add(row: (string | number)[]): void {
    this.count++;
    this.buffer += stringify([row.map(safeCell)]);
    if (this.buffer.length > 1 << 16) {
      try {
        this.flush();
      } catch (e) {
        this.broken = true;
        throw e;
      }
    }
  }

  /** Put the file in place. If writing it failed (a full disk), nothing is left behind and the error is thrown. */
  close(): void {
    if (this.broken) {
      this.file.discard();
      return;
    }
    try {
      this.flush();
      this.file.commit();
    } catch (e) {
      this.file.discard();
      throw e;
    }
  }

  /** Drop the file (the import failed for a reason that is not about its rows). */
  discard(): void {
    this.file.discard();
  }

  private flush(): void {
    if (this.buffer) this.file.write(this.buffer);
    this.buffer = '';
  }
}

/** A cell starting with = + - @ would run as a formula in Excel: keep it text. */
function safeCell(v: string | number): string {
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
}
