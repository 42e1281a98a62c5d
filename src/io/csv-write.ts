import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

/**
 * CSV for the website and for officers opening it in Excel or WPS (DESIGN.md "Publication and privacy").
 *
 * - Encoding: UTF-8 with a byte-order mark by default (without the BOM, Chinese Excel reads UTF-8 as GBK and shows
 *   mojibake); `gb18030` on request for older Excel, written without a BOM.
 * - Formula injection (OWASP "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return gets a leading apostrophe, so `=cmd|' /C calc'!A0` is shown as text and never evaluated.
 * - Codes are data: a code cell holds the code and nothing else (issue 16: the tab earlier versions put before each
 *   code to keep Excel from turning it into 9.13713E+17 sat in the data for every other reader). The office that
 *   opens a list in Excel or WPS takes the .xlsx export, where codes are text cells (src/io/xlsx-write.ts).
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
  /** An identifier that must stay text in a spreadsheet: a text cell in .xlsx; in CSV written as it is. */
  code?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a cell that a spreadsheet would read as a formula. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The CSV text (no BOM) of `rows` under `columns`. */
export function csvText<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const records = rows.map((r) => columns.map((c) => neutralise(String(c.value(r)))));
  return stringify([columns.map((c) => neutralise(c.header)), ...records], { record_delimiter: '\r\n' });
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
