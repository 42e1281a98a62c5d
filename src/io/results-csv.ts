import { inputError, usageError } from '../errors.js';
import { normaliseDate } from '../domain/dates.js';
import { headerKey } from '../domain/rosters.js';
import type { OfficeDay } from '../core/workdays.js';
import type { RowProblem } from '../domain/problem.js';
import type { ResultInputRow } from '../domain/results.js';
import { readCsv, type CsvRecord } from './csv-read.js';
import { parseEncodingOption, scanFile, type FileScan } from './encoding.js';
import { readableInput } from './input-file.js';
import { inWorkYears, WORK_YEARS } from '../domain/result-dates.js';
import { cellProblem, type CellKind } from '../domain/text-hygiene.js';

/**
 * The two small CSV files of the results work: a results file (`ssj result import`) and a holidays file
 * (`ssj calendar import`, `ssj due --holidays`). Read with the roster reader (encoding detection, Excel's CSV),
 * headers matched in Chinese or English the way roster headers are (headerKey).
 */
interface ColumnDef<F extends string> {
  field: F;
  headers: readonly string[];
  required?: boolean;
  /** Hygiene rules for the cell (domain/text-hygiene.ts); default 'name'. */
  kind?: CellKind;
}

export const RESULT_FILE_COLUMNS: readonly ColumnDef<Exclude<keyof ResultInputRow, 'line'>>[] = [
  { field: 'plan', headers: ['计划编号', '计划', '任务编号', 'plan', 'planId'], required: true, kind: 'code' },
  { field: 'uscc', headers: ['统一社会信用代码', '信用代码', 'uscc', 'enterprise'], required: true, kind: 'code' },
  { field: 'date', headers: ['检查日期', 'date', 'checkDate'], required: true, kind: 'code' },
  { field: 'outcome', headers: ['检查结果', '结果', 'outcome'], required: true },
  { field: 'followUp', headers: ['后续处置', '后续处置措施', '处置措施', 'followUp'], kind: 'text' },
  { field: 'note', headers: ['备注', 'note'], kind: 'text' },
  { field: 'reportDate', headers: ['报告日期', '检查报告日期', 'reportDate'], kind: 'code' },
  { field: 'feedbackDate', headers: ['反馈日期', '结果反馈日期', 'feedbackDate'], kind: 'code' },
];

export const HOLIDAY_FILE_COLUMNS: readonly ColumnDef<'date' | 'kind' | 'name'>[] = [
  { field: 'date', headers: ['日期', 'date'], required: true, kind: 'code' },
  { field: 'kind', headers: ['类型', '类别', 'kind', 'type'], required: true },
  { field: 'name', headers: ['名称', '节日', '说明', 'name'] },
];

/** Words for the two kinds of day, as offices write them. */
const KINDS: Record<string, OfficeDay['kind']> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  假: 'holiday',
  休息: 'holiday',
  节假日: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  补班: 'workday',
  调休上班: 'workday',
  工作日: 'workday',
};

export interface Table<F extends string> {
  scan: FileScan;
  /** One object per data row (cells trimmed; '' when the column is absent), with its line number. */
  rows: (Record<F, string> & { line: number })[];
  /** The header as written in the file for each field that has a column (for messages). */
  headerOf: Record<F, string>;
  /** Headers that match no field (ignored, with a warning). */
  unknown: string[];
  /**
   * Cells that break the hygiene rules (control, bidi or invisible characters, too long: domain/text-hygiene.ts).
   * Their rows are still in `rows`; the caller refuses the file with these among its other problems.
   */
  problems: RowProblem[];
}

/**
 * Read a whole CSV (these files are small) and match its header row; missing required columns exit 3.
 * `name` is the file as the user typed it, for messages.
 */
export async function readTable<F extends string>(
  path: string,
  columns: readonly ColumnDef<F>[],
  encodingOption: string | undefined,
  name = path,
): Promise<Table<F>> {
  const forced = parseEncodingOption(encodingOption);
  if (forced === null) throw usageError('encoding.badOption', { value: encodingOption });
  // A FIFO, a pipe or `-` is read once into a private copy (input-file.ts): the scan and the parse each open it.
  const input = await readableInput(path, name);
  const records: CsvRecord[] = [];
  let scan: FileScan;
  try {
    scan = await scanFile(input.path, forced, input.name);
    for await (const batch of readCsv(input.path, scan.encoding, undefined, input.name)) records.push(...batch);
  } finally {
    input.dispose();
  }
  name = input.name;
  const [header, ...data] = records;
  const headers = header?.fields ?? [];
  const index = new Map<string, F>();
  for (const c of columns) for (const h of [c.field, ...c.headers]) index.set(headerKey(h), c.field);
  const colOf = new Map<F, number>();
  const headerOf = {} as Record<F, string>;
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const f = index.get(headerKey(h));
    if (f === undefined) {
      if (headerKey(h) !== '') unknown.push(h.trim());
    } else if (!colOf.has(f)) {
      colOf.set(f, i);
      headerOf[f] = h.trim();
    }
  });
  const missing = columns.filter((c) => c.required && !colOf.has(c.field));
  if (missing.length)
    throw inputError('result.missingColumns', {
      file: name,
      columns: missing.map((c) => c.headers[0]).join(', '),
      found: headers.join(', ') || '-',
    });
  for (const c of columns) headerOf[c.field] ??= c.headers[0]!;
  const problems: RowProblem[] = [];
  const rows = data
    .filter((r) => r.fields.some((v) => v.trim() !== ''))
    .map((r) => {
      const row = { line: r.line } as Record<F, string> & { line: number };
      for (const c of columns) {
        const value = (r.fields[colOf.get(c.field) ?? -1] ?? '').trim();
        (row as Record<F, string>)[c.field] = value;
        // A leading = + - @ is allowed here: these files are never published as they are (our CSVs neutralise it).
        const p = value === '' ? undefined : cellProblem(value, c.kind ?? 'name', { allowFormulaStart: true });
        if (p) problems.push({ line: r.line, field: c.field, value: String(p.params.shown), ...p });
      }
      return row;
    });
  return { scan, rows, headerOf, unknown, problems };
}

export async function readResultsFile(
  path: string,
  encoding: string | undefined,
  name = path,
): Promise<Table<Exclude<keyof ResultInputRow, 'line'>>> {
  return readTable(path, RESULT_FILE_COLUMNS, encoding, name);
}

/** The days of a holidays file, or every problem found in it (bad date, unknown kind, a date twice). */
export async function readHolidaysFile(
  path: string,
  encoding: string | undefined,
  name = path,
): Promise<{ days: OfficeDay[]; problems: RowProblem[]; table: Table<'date' | 'kind' | 'name'> }> {
  const table = await readTable(path, HOLIDAY_FILE_COLUMNS, encoding, name);
  const days: OfficeDay[] = [];
  const problems: RowProblem[] = [...table.problems];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const date = normaliseDate(r.date);
    const kind = KINDS[r.kind.normalize('NFKC').toLowerCase()];
    if (!date)
      problems.push({
        line: r.line,
        field: 'date',
        code: 'error.badDate',
        params: { field: table.headerOf.date, value: r.date },
      });
    if (!kind) problems.push({ line: r.line, field: 'kind', code: 'calendar.badKind', params: { value: r.kind } });
    if (date && !inWorkYears(date)) {
      problems.push({
        line: r.line,
        field: 'date',
        code: 'calendar.yearOutOfRange',
        params: { value: date, ...WORK_YEARS },
      });
      continue;
    }
    if (!date || !kind) continue;
    if (seen.has(date)) {
      problems.push({
        line: r.line,
        field: 'date',
        code: 'calendar.duplicateDate',
        params: { value: date, first: seen.get(date) },
      });
      continue;
    }
    seen.set(date, r.line);
    days.push({ date, kind, name: r.name });
  }
  return { days, problems, table };
}
