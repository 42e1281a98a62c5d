import type { CsvColumn } from './csv-write.js';

/**
 * Tables as an .xlsx workbook for the office's Excel and WPS (issue 16): code columns (统一社会信用代码, 执法证号,
 * tickets) are text cells in a text-formatted column, so nothing turns them into 9.13713E+17 and no tab or
 * apostrophe sits in the data; ISO dates are date cells shown as 2024-03-05; columns are as wide as their
 * content (a Chinese character counts two); the header row is frozen and bold; sheets have Chinese names.
 * Formula injection cannot happen: every value is written as a value, never as a formula.
 */
export interface SheetSpec<R> {
  /** Sheet name (Excel allows 31 characters and no : \\ / ? * [ ]). */
  name: string;
  columns: readonly CsvColumn<R>[];
  rows: readonly R[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const BAD_SHEET_CHARS = /[:\\/?*[\]]/g;

/** Display width of a cell in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

export async function xlsxBytes<R>(sheets: readonly SheetSpec<R>[]): Promise<Buffer> {
  // exceljs (and its ~150 dependencies) loads in 0.4 s: only when a workbook is written, not at every start.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.replace(BAD_SHEET_CHARS, '_').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const widths = s.columns.map((c) => displayWidth(c.header));
    ws.addRow(s.columns.map((c) => c.header)).font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow(
        s.columns.map((c, i) => {
          const v = c.value(r);
          const text = String(v);
          widths[i] = Math.max(widths[i]!, displayWidth(text));
          if (c.code || typeof v !== 'string') return c.code ? text : v;
          return ISO_DATE.test(text) ? new Date(`${text}T00:00:00Z`) : text;
        }),
      );
      s.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.code) cell.numFmt = '@';
        else if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
    }
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(60, Math.max(8, widths[i]! + 2));
      if (c.code) col.numFmt = '@';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
