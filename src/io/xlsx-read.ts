import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
// exceljs (and its ~150 dependencies) loads in 0.4 s: only when a workbook is read or written, not at every start.
import type ExcelJS from 'exceljs';
import {
  guessRoster,
  isIgnoredHeader,
  mapHeaders,
  maskIdNumber,
  ROSTER_DEFS,
  RowValidator,
  SEP,
  type RosterName,
  type RowProblem,
} from '../domain/rosters.js';
import { inputError, notFound } from '../errors.js';
import type { RowEvent } from './roster-rows.js';

/**
 * Rosters as offices have them: an .xlsx workbook exported from the provincial system or kept in Excel/WPS.
 * The workbook is read whole (exceljs; workbooks are small next to the million-row CSVs the streaming reader is
 * built for), one sheet is chosen, the header row is found below any title rows, and each row's cells are turned
 * into the strings the CSV path would have read, so the same RowValidator checks them and the same all-or-nothing
 * import (src/db/roster-import.ts) writes them.
 *
 * Cells are read as Excel stores them, not as it displays them: a date cell is a date (written YYYY-MM-DD), a
 * date column holding bare serial numbers (45292) is read as dates, and a code (USCC, 执法证号, ID number)
 * stored as a number is refused naming the cell, because Excel keeps only 15 significant digits and the rest of
 * the code is already gone from the file.
 */

/** What the first bytes say the file is. */
export type SpreadsheetKind = 'xlsx' | 'xls' | 'encrypted';

/**
 * An .xlsx is a zip; an old .xls is an OLE2 compound file, and so is an .xlsx saved with a password (the
 * encrypted package sits inside a compound file next to an "EncryptionInfo" stream). Anything else is text (CSV).
 */
export async function sniffSpreadsheet(path: string): Promise<SpreadsheetKind | undefined> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch {
    return undefined; // the CSV path reports a missing file
  }
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    if (head[0] !== 0xd0 || head[1] !== 0xcf || head[2] !== 0x11 || head[3] !== 0xe0) return undefined;
    const size = (await fh.stat()).size;
    const all = Buffer.alloc(Math.min(size, 8 << 20));
    await fh.read(all, 0, all.length, 0);
    return all.includes(Buffer.from('EncryptionInfo', 'utf16le')) ? 'encrypted' : 'xls';
  } finally {
    await fh.close();
  }
}

export interface SheetRow {
  /** The sheet's row number (what Excel shows at the left; messages call it the line). */
  line: number;
  /** Cells from column A; undefined/null for empty. */
  cells: unknown[];
}

export interface Workbook {
  /** The chosen sheet's name. */
  sheet: string;
  /** Other sheets that hold data (the officer may have meant one of them). */
  otherSheets: string[];
  rows: SheetRow[];
  bytes: number;
  sha256: string;
}

/**
 * Load a workbook and pick the sheet: `sheet` is a sheet name or a 1-based number; by default the first sheet that
 * holds any value (offices often keep an empty 说明 or 封面 sheet first).
 */
export async function readWorkbook(path: string, name: string, sheet: string | undefined): Promise<Workbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('file.notFound', { path: name });
    throw e;
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs types its argument as its own Buffer; Node's Buffer is that at run time.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw inputError('xlsx.corrupt', { file: name, reason: (e as Error).message });
  }
  const sheets = wb.worksheets;
  const hasData = (ws: ExcelJS.Worksheet) => ws.actualRowCount > 0;
  let ws: ExcelJS.Worksheet | undefined;
  if (sheet !== undefined) {
    const wanted = sheet.trim();
    ws = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim() === wanted);
    if (!ws && /^\d+$/.test(wanted)) ws = sheets[Number(wanted) - 1];
    if (!ws)
      throw inputError('xlsx.noSheet', { file: name, sheet: wanted, sheets: sheets.map((s) => s.name).join('、') });
    if (!hasData(ws))
      throw inputError('xlsx.emptySheet', {
        file: name,
        sheet: ws.name,
        others:
          sheets
            .filter(hasData)
            .map((s) => s.name)
            .join('、') || '—',
      });
  } else {
    ws = sheets.find(hasData);
    if (!ws) throw inputError('xlsx.emptyWorkbook', { file: name });
  }
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as unknown[]; // 1-based: values[1] is column A
    rows.push({ line, cells: values.slice(1) });
  });
  return {
    sheet: ws.name,
    otherSheets: sheets.filter((s) => s !== ws && hasData(s)).map((s) => s.name),
    rows,
    bytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** Column letters as Excel names them: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug makes serials from 61 on line up with it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Largest integer Excel stores exactly: it keeps 15 significant digits. */
const EXACT_DIGITS = 1e15;

type CellKind = 'text' | 'code' | 'date';

/** A cell as the CSV path would have read it, or the reason it cannot be read. */
function cellText(v: unknown, kind: CellKind): string | { problem: 'number' | 'error'; shown: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (kind === 'code' && !(Number.isInteger(v) && v >= 0 && v < EXACT_DIGITS))
      return { problem: 'number', shown: Number.isInteger(v) ? BigInt(v).toString() : String(v) };
    if (kind === 'date' && Number.isInteger(v) && v > 0 && v < 2958466) return serialToIsoDate(v);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('error' in o) return { problem: 'error', shown: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result, kind);
    if ('text' in o) return cellText(o.text, kind); // hyperlink: its shown text
  }
  return String(v);
}

/** A row's cells as plain text, for finding the header row. */
const rowText = (cells: unknown[]): string[] =>
  cells.map((c) => {
    const t = cellText(c, 'text');
    return typeof t === 'string' ? t : '';
  });

/** Rows searched for the header below title rows (XX县安全生产检查对象名录库, 填报单位, 日期 …). */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the first of the top rows that has every required column of the roster; failing that, the
 * one that matches most columns (so the missing-column error shows the right row); failing that, the first row.
 */
export function findHeaderRow(rows: readonly SheetRow[], roster: RosterName, map: ReadonlyMap<string, string>): number {
  const def = ROSTER_DEFS[roster];
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const headers = rowText(rows[i]!.cells);
    const m = mapHeaders(def, headers, map);
    const score = m.columns.filter((c) => c >= 0).length;
    if (score > 0 && m.missing.length === 0) return i;
    // A row with another roster's full header is that roster's header row (the wrong-roster message needs it).
    if (score > 0 && guessRoster(headers, roster)) return i;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

export interface XlsxRowsRequest {
  roster: RosterName;
  name: string;
  map: [string, string][];
  today: string;
  /** --allow-formula-start (domain/text-hygiene.ts). */
  allowFormulaStart?: boolean;
}

/** Rows per 'rows' event: the importer stages and reports progress per event. */
const CHUNK_ROWS = 5000;

/**
 * The workbook's rows as the same events the CSV reader yields (roster-rows.ts): the header, then chunks of
 * checked rows. Line numbers are the sheet's row numbers; a cell problem names its cell (B7).
 */
export async function* xlsxCheckedRows(book: Workbook, req: XlsxRowsRequest): AsyncGenerator<RowEvent> {
  const def = ROSTER_DEFS[req.roster];
  const map = new Map(req.map);
  const rows = book.rows;
  if (rows.length === 0) {
    yield { kind: 'header', headers: undefined };
    return;
  }
  const h = findHeaderRow(rows, req.roster, map);
  const headers = trimTrailingEmpty(rowText(rows[h]!.cells));
  yield { kind: 'header', headers };
  const hm = mapHeaders(def, headers, map);
  if (hm.missing.length || hm.duplicates.length) return;
  const validator = new RowValidator(def, headers, hm, {
    today: req.today,
    allowFormulaStart: req.allowFormulaStart === true,
  });
  const kinds: CellKind[] = headers.map(() => 'text');
  def.fields.forEach((fd, i) => {
    if (hm.columns[i]! >= 0 && fd.cell) kinds[hm.columns[i]!] = fd.cell;
  });
  // A row whose only value is its 序号 is an unfilled line of the form, not a row of errors.
  const ignored = headers.flatMap((x, c) => (hm.columns.includes(c) || !isIgnoredHeader(x) ? [] : [c]));
  const personal = new Set(def.fields.flatMap((fd, i) => (fd.personal ? [hm.columns[i]!] : [])));
  const values: string[] = new Array(def.fields.length).fill('');
  const problems: RowProblem[] = [];
  const total = rows.length;
  for (let start = h + 1; start < total; start += CHUNK_ROWS) {
    const parts: (string | number)[] = [];
    let valid = 0;
    let count = 0;
    let badRows = 0;
    for (let r = start; r < Math.min(total, start + CHUNK_ROWS); r++) {
      const { line, cells } = rows[r]!;
      if (ignored.length && onlyIn(cells, ignored)) continue;
      const fields: string[] = [];
      const cellProblems: RowProblem[] = [];
      const width = Math.max(headers.length, lastNonEmpty(cells) + 1);
      for (let c = 0; c < width; c++) {
        const t = cellText(cells[c], kinds[c] ?? 'text');
        if (typeof t === 'string') {
          fields.push(t);
          continue;
        }
        fields.push(t.shown);
        const field = (headers[c] ?? '').trim() || columnName(c);
        const cell = `${columnName(c)}${line}`;
        const value = personal.has(c) ? maskIdNumber(t.shown) : t.shown;
        cellProblems.push({
          line,
          field,
          value,
          code: t.problem === 'number' ? 'xlsx.codeAsNumber' : 'xlsx.errorCell',
          params: { cell, field, value },
        });
      }
      const found: RowProblem[] = [];
      const outcome = validator.validate(fields, line, values, found);
      if (outcome === 'blank') continue;
      count++;
      if (cellProblems.length) {
        // The cell's own problem replaces what the check says about the digits Excel kept.
        const named = new Set(cellProblems.map((p) => p.field));
        problems.push(...cellProblems, ...found.filter((p) => !named.has(p.field)));
        badRows++;
        continue;
      }
      problems.push(...found);
      if (outcome === 'bad') {
        badRows++;
        continue;
      }
      valid++;
      parts.push(line);
      for (let k = 0; k < values.length; k++) parts.push(values[k]!);
    }
    parts.push('');
    yield {
      kind: 'rows',
      packed: parts.join(SEP),
      valid,
      rows: count,
      badRows,
      problems: problems.splice(0),
      bytesRead: Math.round((book.bytes * Math.min(total, start + CHUNK_ROWS)) / total),
      notes: validator.takeNoteFlags(),
    };
  }
}

function onlyIn(cells: unknown[], columns: number[]): boolean {
  for (let c = 0; c < cells.length; c++) {
    if (columns.includes(c)) continue;
    const t = cellText(cells[c], 'text');
    if (typeof t !== 'string' || t.trim() !== '') return false;
  }
  return true;
}

function lastNonEmpty(cells: unknown[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const t = cellText(cells[i], 'text');
    if (typeof t !== 'string' || t.trim() !== '') return i;
  }
  return -1;
}

function trimTrailingEmpty(headers: string[]): string[] {
  let n = headers.length;
  while (n > 0 && headers[n - 1]!.trim() === '') n--;
  return headers.slice(0, n);
}
