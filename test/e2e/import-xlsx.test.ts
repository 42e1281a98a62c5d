import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { columnName, serialToIsoDate } from '../../src/io/xlsx-read.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';

/**
 * `ssj import` of .xlsx workbooks shaped like the ones offices get from the provincial system (issue 16): a title
 * row (merged across the columns) above the header, a 序号 column, dates stored as dates or bare serials, numbers
 * where Excel guessed numbers. The rows that land must be exactly the rows the CSV path lands; every refusal writes
 * nothing (the database is byte-identical, or never created).
 */
const NOW = '2024-01-10T02:00:00Z';
const { dir: root, cleanup } = tempDir('ssj-xlsx-');
afterAll(cleanup);
let n = 0;
const workdir = () => {
  const d = join(root, `w${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}
async function ssjIn(cwd: string, args: string[], lang = 'en'): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: lang, SSJ_OPERATOR: 'tester', NO_COLOR: '1', SSJ_NOW: NOW },
    cwd,
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

const fixtureRows = (name: string): string[][] =>
  parse(readFileSync(join(FIXTURES, name)), { bom: true }) as string[][];

/** A workbook as the province exports it: title row merged over the header, 序号 first. */
async function officeWorkbook(
  path: string,
  rows: unknown[][],
  opts: { sheets?: string[]; sheet?: string; title?: string; cell?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of opts.sheets ?? []) wb.addWorksheet(s);
  const ws = wb.addWorksheet(opts.sheet ?? '检查对象名录');
  const width = rows[0]!.length + 1;
  ws.addRow([opts.title ?? 'XX县安全生产检查对象名录库']);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow(['填报单位：XX县应急管理局', '', '', '日期：2024年1月']);
  ws.addRow(['序号', ...rows[0]!]);
  rows.slice(1).forEach((r, i) => ws.addRow([i + 1, ...r]));
  opts.cell?.(ws);
  await wb.xlsx.writeFile(path);
}

/** Every active row of a roster table, without the import bookkeeping. */
function tableRows(cwd: string, table: string): unknown[] {
  const dump = dumpDb(join(cwd, 'ssj.db'))!;
  return dump.tables[table]!.map((r) => {
    const { import_id: _i, ...rest } = r as Record<string, unknown>;
    return rest;
  });
}

describe('xlsx import lands the same rows as the CSV path', () => {
  it.each(['enterprises', 'inspectors', 'items', 'conflicts'] as const)(
    '%s: title row, merged title, 序号 column',
    async (roster) => {
      const csvDir = workdir();
      const csv = await ssjIn(csvDir, ['import', roster, join(FIXTURES, `${roster}.csv`)]);
      expect(csv.code).toBe(0);
      const dir = workdir();
      const file = join(dir, `${roster}.xlsx`);
      const rows = fixtureRows(`${roster}.csv`);
      // Excel turns digit-only codes into numbers when they fit (执法证号 371323010001): those are read back exactly.
      const typed = rows.map((r, i) => (i === 0 ? r : r.map((c) => (/^[1-9]\d{0,14}$/.test(c) ? Number(c) : c))));
      await officeWorkbook(file, typed);
      const r = await ssjIn(dir, ['import', roster, file]);
      // The same warnings (conflicts name people not imported here), with the sheet's line numbers.
      expect(r.stderr.replaceAll(file, 'F').replace(/line \d+/g, 'line N')).toBe(
        csv.stderr.replaceAll(join(FIXTURES, `${roster}.csv`), 'F').replace(/line \d+/g, 'line N'),
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`(xlsx: 检查对象名录): ${rows.length - 1} inserted`);
      expect(tableRows(dir, roster)).toEqual(tableRows(csvDir, roster));
    },
  );

  it('history: dates stored as date cells and as bare serial numbers are the CSV dates', async () => {
    const csvDir = workdir();
    expect((await ssjIn(csvDir, ['import', 'history', join(FIXTURES, 'history.csv')])).code).toBe(0);
    const rows = fixtureRows('history.csv');
    const toSerial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const typed = rows.map((r, i) =>
      i === 0 ? r : [r[0], i % 2 ? new Date(`${r[1]}T00:00:00Z`) : toSerial(r[1]!), r[2], r[3]],
    );
    const dir = workdir();
    const file = join(dir, 'history.xlsx');
    await officeWorkbook(file, typed, {
      cell: (ws) => ws.getColumn(3).eachCell((c) => (c.value instanceof Date ? (c.numFmt = 'yyyy"年"m"月"d"日"') : 0)),
    });
    const r = await ssjIn(dir, ['import', 'history', file]);
    expect(r.stderr).toBe('');
    expect(tableRows(dir, 'history')).toEqual(tableRows(csvDir, 'history'));
  });

  it('serials and column names convert as Excel counts them', () => {
    expect(serialToIsoDate(45292)).toBe('2024-01-01');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('xlsx refusals name the cell and write nothing', () => {
  it('a USCC stored as a number is an error naming its cell (B7), nothing imported, --errors has it', async () => {
    const dir = workdir();
    expect((await ssjIn(dir, ['import', 'items', join(FIXTURES, 'items.csv')])).code).toBe(0);
    const before = dumpDb(join(dir, 'ssj.db'));
    const rows = fixtureRows('enterprises.csv').slice(0, 6);
    rows[4]![0] = 913713220000000000 as unknown as string; // sheet row 3 (header) + 4 = 7; column B after 序号
    const file = join(dir, 'e.xlsx');
    await officeWorkbook(file, rows);
    const r = await ssjIn(dir, ['import', 'enterprises', file, '--errors', join(dir, 'errors.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Cell B7: the 统一社会信用代码 is stored as a number (913713220000000000)');
    expect(r.stderr).toContain('1 row has problems; nothing was imported');
    expect(readFileSync(join(dir, 'errors.csv'), 'utf8')).toContain('Cell B7');
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
    const zh = await ssjIn(dir, ['import', 'enterprises', file], 'zh');
    expect(zh.stderr).toContain('单元格 B7 的统一社会信用代码在 Excel 中存成了数字');
  });

  it('an ID number stored as a number is refused and shown masked', async () => {
    const dir = workdir();
    expect((await ssjIn(dir, ['import', 'items', join(FIXTURES, 'items.csv')])).code).toBe(0);
    const before = dumpDb(join(dir, 'ssj.db'));
    const rows = fixtureRows('inspectors.csv').slice(0, 3);
    rows[1]![2] = Number('371322197407245335') as unknown as string; // what Excel does to a typed ID number
    const file = join(dir, 'i.xlsx');
    await officeWorkbook(file, rows);
    const r = await ssjIn(dir, ['import', 'inspectors', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Cell D4: the 身份证号 is stored as a number \(3713\*+\d{4}\)/);
    expect(r.stderr).not.toContain('371322197407245');
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
  });

  it('an empty sheet named with --sheet is refused; by default the first sheet with data is read', async () => {
    const dir = workdir();
    const file = join(dir, 'two.xlsx');
    await officeWorkbook(file, fixtureRows('items.csv'), { sheets: ['说明'], sheet: '事项清单' });
    const empty = await ssjIn(dir, ['import', 'items', file, '--sheet', '说明']);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain('the sheet "说明" is empty. Sheets with data: 事项清单');
    expect(dumpDb(join(dir, 'ssj.db'))).toBeNull();
    const r = await ssjIn(dir, ['import', 'items', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 rows from');
  });

  it('several sheets: --sheet by name or number; the default warns about the others', async () => {
    const dir = workdir();
    const file = join(dir, 'many.xlsx');
    const wb = new ExcelJS.Workbook();
    for (const [name, fixture] of [
      ['事项', 'items.csv'],
      ['对象', 'enterprises.csv'],
    ] as const) {
      const ws = wb.addWorksheet(name);
      for (const row of fixtureRows(fixture)) ws.addRow(row);
    }
    await wb.xlsx.writeFile(file);
    const byNumber = await ssjIn(dir, ['import', 'enterprises', file, '--sheet', '2']);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toContain('120 rows from many.xlsx (xlsx: 对象)');
    const byName = await ssjIn(dir, ['import', 'items', file, '--sheet', '事项']);
    expect(byName.code).toBe(0);
    const wrong = await ssjIn(dir, ['import', 'items', file, '--sheet', '名录']);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('has no sheet "名录". Its sheets: 事项、对象');
    const dflt = await ssjIn(dir, ['--json', 'import', 'items', file]);
    expect(dflt.stderr).toContain('reading the sheet "事项"; other sheets with data: 对象');
    // The first sheet given to the wrong roster says which roster it is.
    const other = await ssjIn(dir, ['import', 'enterprises', file]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('looks like the items roster');
  });

  it('a corrupt workbook, an old .xls and a password-protected one are refused clearly, nothing written', async () => {
    const dir = workdir();
    const good = join(dir, 'good.xlsx');
    await officeWorkbook(good, fixtureRows('items.csv'));
    const bytes = readFileSync(good);
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const c = await ssjIn(dir, ['import', 'items', corrupt]);
    expect(c.code).toBe(3);
    expect(c.stderr).toContain('corrupt.xlsx is not a readable Excel workbook (damaged or incomplete');

    // An OLE2 compound file is an .xls; one holding an EncryptionInfo stream is an .xlsx saved with a password.
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, ole);
    const x = await ssjIn(dir, ['import', 'items', xls]);
    expect(x.code).toBe(3);
    expect(x.stderr).toContain('old Excel workbook (.xls), which ssj does not read');
    expect(x.stderr).toContain('Excel Workbook (*.xlsx)');
    const enc = Buffer.from(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(enc, 1024);
    const locked = join(dir, 'locked.xlsx');
    writeFileSync(locked, enc);
    const l = await ssjIn(dir, ['import', 'items', locked]);
    expect(l.code).toBe(3);
    expect(l.stderr).toContain('protected with a password');
    expect(dumpDb(join(dir, 'ssj.db'))).toBeNull();
  });

  it('--sheet on a CSV is refused', async () => {
    const r = await ssjIn(workdir(), ['import', 'items', join(FIXTURES, 'items.csv'), '--sheet', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--sheet applies to Excel workbooks');
  });

  it('rows with only a 序号 are unfilled lines of the form, not errors', async () => {
    const dir = workdir();
    const file = join(dir, 'form.xlsx');
    const rows = fixtureRows('items.csv');
    await officeWorkbook(file, rows, { cell: (ws) => [13, 14, 15].forEach((i) => ws.addRow([i])) });
    const r = await ssjIn(dir, ['import', 'items', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 rows from');
  });
});

describe('known office columns (冷水滩 第十五条)', () => {
  it('a 备注 holding 失信 or 重点关注 becomes flags with a warning; 已移出失信名单 does not', async () => {
    const dir = workdir();
    const rows = fixtureRows('enterprises.csv').slice(0, 5);
    const header = [...rows[0]!, '备注'];
    const notes = ['', '2023年列入失信被执行人名单', '已移出失信名单', '重点关注；严重违法失信'];
    const file = join(dir, 'notes.xlsx');
    await officeWorkbook(file, [header, ...rows.slice(1).map((r, i) => [...r, notes[i]])]);
    const r = await ssjIn(dir, ['import', 'enterprises', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '2 rows of the column "备注" mention 失信、严重违法、重点关注 (first on line 5); these words were added to the flags',
    );
    const flags = tableRows(dir, 'enterprises').map((e) => (e as { flags: string }).flags);
    expect(flags).toEqual(expect.arrayContaining(['失信', '失信;严重违法;重点关注']));
    expect(flags.filter((f) => f === '')).toHaveLength(2);
  });

  it('the same in a CSV; ignored columns are listed with the command that maps them', async () => {
    const dir = workdir();
    const text = readFileSync(join(FIXTURES, 'enterprises.csv'), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\n').filter((l) => l);
    const csv = [`${lines[0]},备注,经办人`, `${lines[1]},黑名单企业,张三`, ...lines.slice(2).map((l) => `${l},,`)];
    const file = join(dir, 'notes.csv');
    writeFileSync(file, `${csv.join('\n')}\n`);
    const r = await ssjIn(dir, ['--json', 'import', 'enterprises', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('mention 黑名单 (first on line 2)');
    expect(r.stderr).toContain(`ssj import enterprises ${file} --map '备注=field'`);
    expect(JSON.parse(r.stdout).ignoredColumns).toEqual(['备注', '经办人']);
  });
});

describe('list --format xlsx', () => {
  it('writes every field as a workbook that imports back unchanged (codes stay text cells)', async () => {
    const dir = workdir();
    expect((await ssjIn(dir, ['import', 'enterprises', join(FIXTURES, 'enterprises.csv')])).code).toBe(0);
    const w = await ssjIn(dir, ['list', 'enterprises', '--limit', '0', '--format', 'xlsx', '--out', 'e.xlsx']);
    expect(w.code, w.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'e.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('检查对象名录库');
    expect(wb.worksheets[0]!.getCell('A2').numFmt).toBe('@');
    const r = await ssjIn(dir, ['import', 'enterprises', 'e.xlsx']);
    expect(r.stdout).toContain('120 rows from e.xlsx (xlsx: 检查对象名录库): 0 inserted, 0 updated, 120 unchanged.');
    expect((await ssjIn(dir, ['list', 'enterprises', '--format', 'xlsx'])).code).toBe(2);
  });
});
