import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir, type RunResult } from '../helpers/cli.js';

/** `ssj list` and `ssj show enterprise` on the imported fixtures, through the real binary (needs dist/). */
const NOW = '2024-01-10T02:00:00Z';
const { dir, cleanup } = tempDir('ssj-list-');
afterAll(cleanup);
const run = (args: string[]): Promise<RunResult> => ssj(dir, args, { SSJ_NOW: NOW });
const json = async (args: string[]) => {
  const r = await run(['--json', ...args]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  for (const r of ['enterprises', 'inspectors', 'items', 'conflicts', 'history'])
    expect((await run(['import', r, join(FIXTURES, `${r}.csv`)])).code).toBe(0);
});

describe('ssj list', () => {
  it('lists a roster in key order with every field in --json', async () => {
    const out = await json(['list', 'enterprises', '--limit', '0']);
    expect(out.total).toBe(120);
    expect(out.rows).toHaveLength(120);
    expect(out.rows.map((r: { uscc: string }) => r.uscc)).toEqual(
      [...out.rows.map((r: { uscc: string }) => r.uscc)].sort(),
    );
    expect(out.rows.find((r: { uscc: string }) => r.uscc === '91371322MA32C3K5E6')).toEqual({
      uscc: '91371322MA32C3K5E6',
      name: '青禾县齐润化工有限公司',
      type: '有限责任公司',
      legalRep: '阎杰',
      address: '山东省淄博市青禾县芦湖街道青城路6号',
      scope: '化工产品生产、销售',
      region: '芦湖街道',
      industry: '危险化学品',
      supervision: '重点',
      risk: '较大风险',
      credit: 'B',
      status: '存续',
      flags: '',
      active: true,
      importId: 1,
    });
  });

  /** The fixture's rows read with csv-parse, as an independent count of what each filter must return. */
  const fixtureRows = (name: string) =>
    parse(readFileSync(join(FIXTURES, name)), { bom: true, columns: true }) as Record<string, string>[];
  const enterprises = fixtureRows('enterprises.csv');

  it.each([
    [['--where', 'supervision=重点'], (e: Record<string, string>) => e['监管类型'] === '重点'],
    [['--where', '监管类型=重点'], (e: Record<string, string>) => e['监管类型'] === '重点'],
    [['--where', 'industry=冶金,有色'], (e: Record<string, string>) => ['冶金', '有色'].includes(e['行业类别']!)],
    [
      ['--where', 'supervision=重点', '--where', 'industry=非煤矿山'],
      (e: Record<string, string>) => e['监管类型'] === '重点' && e['行业类别'] === '非煤矿山',
    ],
    [['--where', 'name~化工'], (e: Record<string, string>) => e['单位名称']!.includes('化工')],
    [
      ['--where', 'status=注销,吊销,迁出'],
      (e: Record<string, string>) => ['注销', '吊销', '迁出'].includes(e['经营状态']!),
    ],
    [['--where', 'flags=重点关注'], (e: Record<string, string>) => e['标记']!.split(/[;、]/).includes('重点关注')],
  ])('filters enterprises with %j', async (args, keep) => {
    const out = await json(['list', 'enterprises', '--limit', '0', ...args]);
    const expected = enterprises
      .filter(keep)
      .map((e) => e['统一社会信用代码'])
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(out.rows.map((r: { uscc: string }) => r.uscc)).toEqual(expected);
    expect(out.total).toBe(expected.length);
  });

  it('matches one element of a list field exactly', async () => {
    const out = await json(['list', 'inspectors', '--where', 'specialties=冶金']);
    expect(out.rows.map((r: { certNo: string }) => r.certNo)).toEqual([
      '371323010004',
      '371323010012',
      '371323010019',
      '371323010022',
    ]);
    expect((await json(['list', 'items', '--where', 'industries=*'])).total).toBe(
      fixtureRows('items.csv').filter((i) => i['适用行业'] === '*').length,
    );
  });

  it('masks ID numbers and phones unless --show-personal, also in --json', async () => {
    const masked = (await json(['list', 'inspectors', '--where', 'certNo=371323010001'])).rows[0];
    expect(masked).toMatchObject({ idNumber: '3713**********5335', phone: '151****5419' });
    const full = (await json(['list', 'inspectors', '--where', 'certNo=371323010001', '--show-personal'])).rows[0];
    expect(full).toMatchObject({ idNumber: '371322197407245335', phone: '15187125419' });
    const text = (await run(['list', 'inspectors'])).stdout;
    expect(text).toContain('3713**********5335');
    expect(text).not.toContain('371322197407245335');
  });

  it('prints a table on a terminal and says when rows are left out', async () => {
    const r = await run(['--lang', 'zh', 'list', 'enterprises', '--limit', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^统一社会信用代码\s+生产经营单位名称\s+行业类别/);
    expect(r.stdout.trim().split('\n')).toHaveLength(7);
    expect(r.stderr).toContain('共 120 条，显示前 5 条');
  });

  it('shows inactive rows only with --all', async () => {
    const db = new Database(join(dir, 'ssj.db'));
    db.prepare(`UPDATE history SET active = 0 WHERE uscc = '91371322MA3FX5ADCQ'`).run();
    db.close();
    expect((await json(['list', 'history'])).total).toBe(3);
    expect(
      (await json(['list', 'history', '--all'])).rows.find((r: { uscc: string }) => r.uscc === '91371322MA3FX5ADCQ'),
    ).toMatchObject({ active: false });
    const db2 = new Database(join(dir, 'ssj.db'));
    db2.prepare(`UPDATE history SET active = 1`).run();
    db2.close();
  });

  it('refuses an unknown field or roster and a bad limit (exit 2)', async () => {
    expect((await run(['list', 'enterprises', '--where', 'colour=red'])).code).toBe(2);
    expect((await run(['list', 'enterprises', '--where', 'nonsense'])).code).toBe(2);
    expect((await run(['list', 'enterprises', '--limit', '-1'])).code).toBe(2);
    expect((await run(['list', 'firms'])).code).toBe(2);
  });

  it('needs an existing database (exit 4)', async () => {
    expect((await ssj(dir, ['--db', 'nope.db', 'list', 'enterprises'])).code).toBe(4);
  });
});

describe('ssj show enterprise', () => {
  it("shows all fields, this year's checks (history included) and declared conflicts", async () => {
    const out = await json(['show', 'enterprise', '91371322MA37XK2HUE']);
    expect(out.enterprise.uscc).toBe('91371322MA37XK2HUE');
    expect(out.year).toBe(2024);
    expect(out.checks).toMatchObject({ drawn: 0, history: 1, total: 1 });
    expect(out.checks.list).toEqual([
      { kind: 'history', date: '2024-01-03', source: '淄博市应急管理局', task: '2024年市级“双随机”抽查', counts: true },
    ]);
    expect(out.imported).toMatchObject({ file: 'enterprises.csv', operator: 'tester' });
  });

  it("counts the year given with --year, and lists declared conflicts with the inspector's name", async () => {
    expect((await json(['show', 'enterprise', '91371322MA3RA4DLAA', '--year', '2023'])).checks.total).toBe(1);
    expect((await json(['show', 'enterprise', '91371322MA3RA4DLAA'])).checks.total).toBe(0);
    const out = await json(['show', 'enterprise', '９１３７１３２２ｍａ３２ｃ３ｋ５ｅ６']);
    expect(out.conflicts).toEqual([
      {
        certNo: '371323010001',
        name: '史明',
        reason: '配偶在该企业任职',
        source: 'import',
        declaredAt: '2024-01-10T02:00:00.000Z',
      },
    ]);
  });

  it('prints the same as text', async () => {
    const r = await run(['show', 'enterprise', '91371322MA37XK2HUE']);
    expect(r.stdout).toContain('Checks in 2024: 1 (1 from the imported history, 0 drawn here)');
    expect(r.stdout).toContain('淄博市应急管理局');
    expect(r.stdout).toContain('No declared conflicts of interest.');
  });

  it('an unknown code is "not found" (exit 4) and a bad year a usage error', async () => {
    const r = await run(['show', 'enterprise', '91371322MA00000000']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('No enterprise with the code 91371322MA00000000');
    expect((await run(['show', 'enterprise', '91371322MA37XK2HUE', '--year', '24'])).code).toBe(2);
  });
});
