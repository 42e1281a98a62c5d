import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

/**
 * CSV for the website and for officers opening it in Excel or WPS (DESIGN.md "Publication and privacy").
 *
 * - Encoding: UTF-8 with a byte-order mark by default (without the BOM, Chinese Excel reads UTF-8 as GBK and shows
 *   mojibake); `gb18030` on request for older Excel, written without a BOM.
 * - Formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return gets a leading apostrophe, so `=cmd|' /C calc'!A0` is shown as text and never evaluated.
 * - Codes kept as text: cells of code columns (统一社会信用代码, 执法证号, tickets, item codes) are written quoted with
 *   a leading tab, e.g. `"\t913713231234567890"`. Excel and WPS then keep the cell as text: no 9.13713E+17, no lost
 *   leading zeros, no date guessing. `="…"` is not used because it is itself a formula. A program reading these
 *   files should trim the cell (the tab is whitespace, never part of a code: codes contain no spaces).
 * - Rows end with CRLF (RFC 4180).
 */
export type CsvEncoding = 'utf8' | 'gb18030';

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf8', 'gb18030'];

/** Accept the spellings people type (utf-8, UTF8, GB18030, gbk → gb18030, which is a superset of GBK). */
export function parseCsvEncoding(s: string): CsvEncoding | undefined {
  const k = s.trim().toLowerCase().replace(/[-_]/g, '');
  if (k === 'utf8') return 'utf8';
  if (k === 'gb18030' || k === 'gbk' || k === 'gb2312') return 'gb18030';
  return undefined;
}

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number;
  /** An identifier that must stay text in a spreadsheet (see above). */
  code?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a cell that a spreadsheet would read as a formula. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Mark a code cell as text for spreadsheets (after neutralising, so a hostile "code" still gets its apostrophe). */
export function asTextCode(cell: string): string {
  return cell === '' ? '' : `\t${neutralise(cell)}`;
}

/** The CSV text (no BOM) of `rows` under `columns`. */
export function csvText<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const records = rows.map((r) =>
    columns.map((c) => {
      const v = String(c.value(r));
      return c.code ? asTextCode(v) : neutralise(v);
    }),
  );
  return stringify([columns.map((c) => neutralise(c.header)), ...records], {
    record_delimiter: '\r\n',
    quoted_match: /^\t/, // a code cell: quoted so the tab is inside the cell, which is what keeps Excel from converting it
  });
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Encode CSV text for a file: UTF-8 with BOM, or GB18030 (no BOM). */
export function encodeCsv(text: string, encoding: CsvEncoding = 'utf8'): Buffer {
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

/** Columns and rows straight to file bytes. */
export function csvBytes<R>(
  columns: readonly CsvColumn<R>[],
  rows: readonly R[],
  encoding: CsvEncoding = 'utf8',
): Buffer {
  return encodeCsv(csvText(columns, rows), encoding);
}
