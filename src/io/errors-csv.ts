import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { inputError } from '../errors.js';

/**
 * The --errors file of an import: one row per problem, written as the problems are found (a broken file may have
 * a million of them), UTF-8 with a BOM so Excel opens the Chinese text correctly.
 */
export class ErrorsCsv {
  private fd: number;
  private buffer = '';
  count = 0;

  constructor(
    readonly path: string,
    header: string[],
  ) {
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw inputError('file.unwritable', { path, reason: (e as Error).message });
    }
    this.buffer = `\uFEFF${stringify([header])}`;
  }

  add(row: (string | number)[]): void {
    this.count++;
    this.buffer += stringify([row.map(safeCell)]);
    if (this.buffer.length > 1 << 16) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** A cell starting with = + - @ would run as a formula in Excel: keep it text. */
function safeCell(v: string | number): string {
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
}
