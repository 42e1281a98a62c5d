import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportFixture, type ExportFixture, NOW_AFTER_Q2, NOW_Q2_LAST_SECOND } from './export-fixture.js';

/** Every cell of every sheet as text, by sheet name. */
async function readBook(path: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path));
  const sheets = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    sheets.set(ws.name, rows);
  });
  return sheets;
}

let f: ExportFixture;
beforeAll(() => {
  f = buildExportFixture();
});
afterAll(() => f?.cleanup());

describe('export announcement --format xlsx (issue 16 part 3)', () => {
  it('has the facts, the list with the CSV columns and the events; codes are text cells, no tab in the data', async () => {
    const out = join(f.dir, '2024Q1-公告.xlsx');
    await f.run(NOW_AFTER_Q2, ['export', 'announcement', '--plan', '2024Q1', '--out', out]);
    const book = await readBook(out);
    expect([...book.keys()]).toEqual(['抽查任务', '抽查名单', '事件']);
    const facts = new Map(book.get('抽查任务')!.map(([k, v]) => [k, v]));
    expect(facts.get('计划编号')).toBe('2024Q1');
    expect(facts.get('随机种子')).toBeTruthy();
    const list = book.get('抽查名单')!;
    const selected = (await f.selection('2024Q1')).filter((s) => s.role === 'selected');
    expect(list.length - 1).toBe(selected.length);
    const col = list[0]!.indexOf('统一社会信用代码');
    expect(
      list
        .slice(1)
        .map((r) => r[col])
        .sort(),
    ).toEqual(selected.map((s) => s.uscc).sort());
    for (const row of list) for (const cell of row) expect(cell).not.toMatch(/^\t/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out));
    const cell = wb
      .getWorksheet('抽查名单')!
      .getRow(2)
      .getCell(col + 1);
    expect(typeof cell.value).toBe('string');
    expect(cell.numFmt).toBe('@');
    expect(book.get('事件')!.length).toBeGreaterThan(0);
  });

  it("an unannounced plan's workbook leaves out who was drawn until the window has ended (汨罗)", async () => {
    const q2 = (await f.selection('2024Q2')).filter((s) => s.role === 'selected');
    const before = join(f.dir, 'q2-before.xlsx');
    await f.run(NOW_Q2_LAST_SECOND, ['export', 'announcement', '--plan', '2024Q2', '--out', before]);
    const text = JSON.stringify([...(await readBook(before)).values()]);
    for (const s of q2) {
      expect(text).not.toContain(s.uscc);
      expect(text).not.toContain(s.name);
    }
    const after = join(f.dir, 'q2-after.xlsx');
    await f.run(NOW_AFTER_Q2, ['export', 'announcement', '--plan', '2024Q2', '--out', after]);
    expect(JSON.stringify([...(await readBook(after)).values()])).toContain(q2[0]!.uscc);
  });
});
