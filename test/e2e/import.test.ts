import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir, type RunResult } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';

/**
 * `ssj import` (in-process, test/helpers/cli.ts): the fixtures, re-imports and updates,
 * --replace, --dry-run, --errors, --map, encodings, and every bad input of issue 2 (exit 3, a message naming
 * file, line and field, and a database left exactly as it was).
 */
const NOW = '2024-01-10T02:00:00Z';
const env = { SSJ_NOW: NOW };
const ROSTERS = ['enterprises', 'inspectors', 'items', 'conflicts', 'history'] as const;
const COUNTS = { enterprises: 120, inspectors: 25, items: 12, conflicts: 5, history: 4 };

const { dir: root, cleanup } = tempDir('ssj-import-');
afterAll(cleanup);
let n = 0;
/** A fresh working directory (its own ssj.db). */
const workdir = () => {
  const d = join(root, `w${n++}`);
  execFileSync('mkdir', ['-p', d]);
  return d;
};
const run = (cwd: string, args: string[], extra: Record<string, string> = {}): Promise<RunResult> =>
  ssj(cwd, args, { ...env, ...extra });
const fixture = (name: string) => join(FIXTURES, name);
const bad = (name: string) => join(FIXTURES, 'bad', name);

function query<T>(cwd: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(cwd, 'ssj.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A directory with every fixture imported. */
async function importedAll(): Promise<string> {
  const cwd = workdir();
  for (const r of ROSTERS) expect((await run(cwd, ['import', r, fixture(`${r}.csv`)])).code).toBe(0);
  return cwd;
}

/** Write a copy of a fixture with its lines changed. */
function variant(cwd: string, name: string, source: string, edit: (lines: string[]) => string[]): string {
  const text = readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
  const p = join(cwd, name);
  writeFileSync(p, `${edit(text.split('\n').filter((l) => l !== '')).join('\n')}\n`);
  return p;
}

describe('importing the fixtures', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = workdir();
  });

  it.each(ROSTERS)('imports %s and says how many rows were inserted', async (roster) => {
    const r = await run(cwd, ['import', roster, fixture(`${roster}.csv`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${roster}: ${COUNTS[roster]} rows from ${roster}.csv (utf-8 (BOM)): ${COUNTS[roster]} inserted, 0 updated, 0 unchanged.\n`,
    );
    expect(query<{ n: number }>(cwd, `SELECT count(*) AS n FROM ${roster} WHERE active = 1`)[0]!.n).toBe(
      COUNTS[roster],
    );
  });

  it('stores codes, names and lists as the drawing code reads them', () => {
    expect(
      query(
        cwd,
        `SELECT uscc, name, region, industry, supervision, credit, status, flags FROM enterprises WHERE uscc = '91371322MA32C3K5E6'`,
      ),
    ).toEqual([
      {
        uscc: '91371322MA32C3K5E6',
        name: '青禾县齐润化工有限公司',
        region: '芦湖街道',
        industry: '危险化学品',
        supervision: '重点',
        credit: 'B',
        status: '存续',
        flags: '',
      },
    ]);
    expect(
      query(
        cwd,
        `SELECT cert_no, specialties, kind FROM inspectors WHERE cert_no IN ('371323010002', '371323010005') ORDER BY cert_no`,
      ),
    ).toEqual([
      { cert_no: '371323010002', specialties: '危险化学品;烟花爆竹', kind: 'officer' },
      { cert_no: '371323010005', specialties: '建材;机械', kind: 'expert' },
    ]);
    expect(query(cwd, `SELECT code, industries FROM items WHERE code IN ('AQ-01', 'AQ-07') ORDER BY code`)).toEqual([
      { code: 'AQ-01', industries: '*' },
      { code: 'AQ-07', industries: '危险化学品;烟花爆竹' },
    ]);
    expect(query(cwd, `SELECT source, declared_at FROM conflicts WHERE cert_no = '371323010001'`)).toEqual([
      { source: 'import', declared_at: NOW.replace('Z', '.000Z') },
    ]);
  });

  it('records each import (file, sha256, encoding, counts, operator, time) and logs it in the audit chain', async () => {
    const imports = query<Record<string, unknown>>(
      cwd,
      'SELECT roster, file, sha256, encoding, rows, inserted, updated, unchanged, deactivated, replace, operator, at FROM imports ORDER BY id',
    );
    expect(imports.map((i) => i.roster)).toEqual([...ROSTERS]);
    const sha = execFileSync('sha256sum', [fixture('enterprises.csv')], { encoding: 'utf8' }).split(' ')[0];
    expect(imports[0]).toEqual({
      roster: 'enterprises',
      file: 'enterprises.csv',
      sha256: sha,
      encoding: 'utf-8 (BOM)',
      rows: 120,
      inserted: 120,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      replace: 0,
      operator: 'tester',
      at: '2024-01-10T02:00:00.000Z',
    });
    const audit = query<{ action: string; payload: string }>(cwd, 'SELECT action, payload FROM audit_log ORDER BY seq');
    expect(audit.map((a) => a.action)).toEqual(ROSTERS.map(() => 'import'));
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({
      roster: 'enterprises',
      file: 'enterprises.csv',
      sha256: sha,
      counts: { rows: 120, inserted: 120 },
    });
    expect((await run(cwd, ['audit', 'verify'])).code).toBe(0);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const r = await run(cwd, ['import', 'enterprises', fixture('enterprises.csv')]);
    expect(r.stdout).toContain('0 inserted, 0 updated, 120 unchanged');
  });

  it('detects the GBK copy (CRLF) and finds it identical', async () => {
    const r = await run(cwd, ['import', 'enterprises', fixture('enterprises-gbk.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(gb18030): 0 inserted, 0 updated, 120 unchanged');
  });

  it('also reads it with --encoding gbk and gb18030', async () => {
    for (const enc of ['gbk', 'gb18030'])
      expect(
        (await run(cwd, ['import', 'enterprises', fixture('enterprises-gbk.csv'), '--encoding', enc])).stdout,
      ).toContain('120 unchanged');
  });
});

describe('updates, --replace and --dry-run', () => {
  it('counts inserted, updated and unchanged rows and keeps rows missing from the file', async () => {
    const cwd = await importedAll();
    const file = variant(cwd, 'changed.csv', fixture('enterprises.csv'), (lines) => [
      lines[0]!,
      lines[1]!.replace(',B,存续,', ',C,存续,'), // one credit level changed
      ...lines.slice(2, 101), // rows 101..120 left out: kept, not deleted
      lines[1]!.replace('91371322MA32C3K5E6', validUscc('91371322000000000')).replace('齐润化工', '新开化工'), // a new enterprise
    ]);
    const r = await run(cwd, ['import', 'enterprises', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('101 rows from changed.csv (utf-8): 1 inserted, 1 updated, 99 unchanged.');
    expect(query<{ n: number }>(cwd, 'SELECT count(*) AS n FROM enterprises WHERE active = 1')[0]!.n).toBe(121);
    expect(query(cwd, `SELECT credit FROM enterprises WHERE uscc = '91371322MA32C3K5E6'`)).toEqual([{ credit: 'C' }]);
  });

  it('--replace marks rows missing from the file inactive, never deletes them, and they come back when imported again', async () => {
    const cwd = await importedAll();
    const file = variant(cwd, 'fewer.csv', fixture('enterprises.csv'), (lines) => lines.slice(0, 118)); // 3 rows missing
    const missing = readFileSync(fixture('enterprises.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(118)
      .map((l) => l.slice(0, 18));
    const r = await run(cwd, ['import', 'enterprises', file, '--replace']);
    expect(r.stdout).toContain('117 rows from fewer.csv (utf-8): 0 inserted, 0 updated, 117 unchanged, 3 deactivated.');
    expect(query(cwd, `SELECT uscc, active FROM enterprises WHERE active = 0 ORDER BY uscc`)).toEqual(
      missing.sort().map((uscc) => ({ uscc, active: 0 })),
    );
    expect(query<{ n: number }>(cwd, 'SELECT count(*) AS n FROM enterprises')[0]!.n).toBe(120);
    expect(query(cwd, 'SELECT replace, deactivated FROM imports ORDER BY id DESC LIMIT 1')).toEqual([
      { replace: 1, deactivated: 3 },
    ]);
    // a replace of another roster leaves the enterprises alone
    expect((await run(cwd, ['import', 'items', fixture('items.csv'), '--replace'])).stdout).toContain('0 deactivated');
    const back = await run(cwd, ['import', 'enterprises', fixture('enterprises.csv')]);
    expect(back.stdout).toContain('0 inserted, 3 updated, 117 unchanged');
    expect(query<{ n: number }>(cwd, 'SELECT count(*) AS n FROM enterprises WHERE active = 1')[0]!.n).toBe(120);
  });

  it('--replace on conflicts leaves conflicts gained by a recusal alone', async () => {
    const cwd = await importedAll();
    const db = new Database(join(cwd, 'ssj.db'));
    db.prepare(
      `INSERT INTO conflicts (cert_no, uscc, reason, source, declared_at) VALUES ('371323010009', '91371322MA3D9JC4ML', '回避', 'recusal', ?)`,
    ).run(NOW);
    db.close();
    const file = variant(cwd, 'one-conflict.csv', fixture('conflicts.csv'), (lines) => lines.slice(0, 2));
    expect((await run(cwd, ['import', 'conflicts', file, '--replace'])).stdout).toContain('4 deactivated');
    expect(query(cwd, `SELECT source, active FROM conflicts WHERE cert_no = '371323010009'`)).toEqual([
      { source: 'recusal', active: 1 },
    ]);
  });

  it('--dry-run shows the counts and writes nothing', async () => {
    const cwd = await importedAll();
    const before = dumpDb(join(cwd, 'ssj.db'));
    const file = variant(cwd, 'fewer.csv', fixture('enterprises.csv'), (lines) => lines.slice(0, 111));
    const r = await run(cwd, ['import', 'enterprises', file, '--replace', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '[dry run, nothing written] enterprises: 110 rows from fewer.csv (utf-8): 0 inserted, 0 updated, 110 unchanged, 10 deactivated.',
    );
    expect(dumpDb(join(cwd, 'ssj.db'))).toEqual(before);
  });

  it('--json gives the result as data', async () => {
    const cwd = workdir();
    const r = await run(cwd, ['--json', 'import', 'items', fixture('items.csv')]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      roster: 'items',
      file: 'items.csv',
      encoding: 'utf-8 (BOM)',
      rows: 12,
      inserted: 12,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      dryRun: false,
      importId: 1,
    });
  });
});

describe('headers', () => {
  it('--map names columns ssj does not know; other unknown columns are warned about and ignored', async () => {
    const cwd = workdir();
    const file = variant(cwd, 'odd.csv', fixture('items.csv'), (lines) =>
      lines.map(
        (l, i) =>
          (i === 0 ? l.replace('事项编码', '清单代码').replace('事项名称', '抽查事项名称') : l) +
          (i === 0 ? ',序号,经办人' : `,${i},张三`),
      ),
    );
    const r = await run(cwd, ['import', 'items', file, '--map', '清单代码=code,抽查事项名称=name']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 inserted');
    // 序号 is read past silently; other columns are named with the command that maps them.
    expect(r.stderr).toContain(
      `Warning: ${file}: ignoring columns that are not items fields: 经办人. If one holds a field, map it and import again, e.g.: ssj import items ${file} --map '经办人=field'`,
    );
    expect(query(cwd, `SELECT code, name FROM items WHERE code = 'AQ-01'`)).toEqual([
      { code: 'AQ-01', name: '安全生产行政审批情况' },
    ]);
  });

  it('accepts English headers', async () => {
    const cwd = workdir();
    const file = variant(cwd, 'english.csv', fixture('history.csv'), (lines) => [
      'uscc,date,source,task',
      ...lines.slice(1),
    ]);
    expect((await run(cwd, ['import', 'history', file])).stdout).toContain('4 inserted');
  });

  it('refuses a bad --map or --encoding as a usage error (exit 2)', async () => {
    const cwd = workdir();
    expect((await run(cwd, ['import', 'items', fixture('items.csv'), '--map', '代码=nosuch'])).code).toBe(2);
    expect((await run(cwd, ['import', 'items', fixture('items.csv'), '--encoding', 'latin1'])).code).toBe(2);
    expect((await run(cwd, ['import', 'firms', fixture('items.csv')])).code).toBe(2);
    expect(existsSync(join(cwd, 'ssj.db'))).toBe(false);
  });
});

/** Every bad input of issue 2 (and a few more): exit 3, a message naming the file, the line and the field. */
const BAD: [string, string, string, string[], string[]?][] = [
  ['a binary file', 'enterprises', bad('binary.csv'), ['binary.csv is not a text file', 'line 3']],
  [
    'a damaged Excel workbook saved as .csv (read as a workbook: the bytes decide, not the name)',
    'enterprises',
    bad('workbook.csv'),
    ['workbook.csv is not a readable Excel workbook (damaged or incomplete'],
  ],
  ['an empty file', 'enterprises', bad('empty.csv'), ['empty.csv is empty']],
  [
    'a header with no rows',
    'enterprises',
    bad('header-only.csv'),
    ['header-only.csv has a header row but no data rows'],
  ],
  [
    'the inspector roster given as enterprises',
    'enterprises',
    bad('inspectors-as-enterprises.csv'),
    ['looks like the inspectors roster', 'ssj import inspectors'],
  ],
  [
    'a bad USCC check character',
    'enterprises',
    bad('bad-uscc-check.csv'),
    ['line 3, 统一社会信用代码: the check character of "91371322MA3D9JC4M0" should be "L"'],
  ],
  [
    'an ID number with a bad check digit',
    'inspectors',
    bad('bad-id-check.csv'),
    ['line 4, 身份证号: the check digit of "3713**********0320" should be "X"'],
  ],
  [
    'an ID number with an impossible birth date',
    'inspectors',
    bad('bad-id-birthdate.csv'),
    ['line 3, 身份证号: "3713**********8228" has an impossible birth date (1986-02-30)'],
  ],
  [
    'two rows with the same key (one in full-width digits)',
    'enterprises',
    bad('duplicate-key.csv'),
    ['line 6, 统一社会信用代码: "91371322MA32C3K5E6" is also on line 2'],
  ],
  [
    'a missing required column',
    'enterprises',
    bad('missing-column.csv'),
    ['missing-column.csv: no column for 统一社会信用代码 (uscc)'],
  ],
  [
    'a GBK file forced as UTF-8',
    'enterprises',
    fixture('enterprises-gbk.csv'),
    ['enterprises-gbk.csv is not valid UTF-8 (from line 1)', '--encoding gb18030'],
    ['--encoding', 'utf-8'],
  ],
  [
    'an unknown enumeration value',
    'enterprises',
    bad('bad-enum.csv'),
    ['line 3, 监管类型: "特殊" is not allowed here; use one of: 重点 / 一般.'],
  ],
  ['| in a key', 'conflicts', bad('pipe-in-key.csv'), ['line 2, 执法证号: "371323010001|2" contains "|"']],
  [
    'an unquoted comma (misaligned row)',
    'enterprises',
    bad('unquoted-comma.csv'),
    ['line 3: the row has 14 values but the header has only 13 columns'],
  ],
  [
    'a quote never closed',
    'enterprises',
    bad('unclosed-quote.csv'),
    ['unclosed-quote.csv line 3: a value opened with a double quote is never closed'],
  ],
  ['an impossible date', 'history', bad('bad-date.csv'), ['line 3, 检查日期: "2024-02-30" is not a valid date']],
  [
    'a code Excel turned into a number',
    'inspectors',
    bad('excel-number.csv'),
    ['line 2, 身份证号: "3.71322E+17" is a number Excel rounded'],
  ],
];

describe('bad input: exit 3 and the database unchanged', () => {
  let base: string;
  beforeAll(async () => {
    base = await importedAll();
  });

  it.each(BAD)('%s', async (_, roster, file, messages, extra = []) => {
    const cwd = workdir();
    copyFileSync(join(base, 'ssj.db'), join(cwd, 'ssj.db'));
    const before = dumpDb(join(cwd, 'ssj.db'));
    const r = await run(cwd, ['import', roster, file, ...extra]);
    expect(r.code).toBe(3);
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(r.stderr).toContain(file.split('/').pop());
    expect(r.stdout).toBe('');
    expect(dumpDb(join(cwd, 'ssj.db'))).toEqual(before);
  });

  it('does not even create the database when the file is bad', async () => {
    const cwd = workdir();
    expect((await run(cwd, ['import', 'enterprises', bad('missing-column.csv')])).code).toBe(3);
    expect((await run(cwd, ['import', 'enterprises', bad('bad-uscc-check.csv')])).code).toBe(3);
    expect(dumpDb(join(cwd, 'ssj.db'))?.tables.enterprises ?? []).toEqual([]);
  });

  it('says it in Chinese too', async () => {
    const r = await run(workdir(), ['--lang', 'zh', 'import', 'enterprises', bad('bad-uscc-check.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('第 3 行，统一社会信用代码：“91371322MA3D9JC4M0”的校验位应为“L”');
    expect(r.stderr).toContain('错误: ');
    expect(r.stderr).toContain('未导入任何数据');
  });

  it('a missing file is "not found" (exit 4)', async () => {
    expect((await run(workdir(), ['import', 'enterprises', 'nope.csv'])).code).toBe(4);
  });
});

describe('reporting every bad row', () => {
  /** The fixture enterprises with a bad check character on every fifth row, and one more duplicate. */
  function manyBad(cwd: string): string {
    return variant(cwd, 'many-bad.csv', fixture('enterprises.csv'), (lines) => [
      ...lines.map((l, i) =>
        i > 0 && i % 5 === 0 ? `${l.slice(0, 17)}${l[17] === '0' ? '1' : '0'}${l.slice(18)}` : l,
      ),
      lines[1]!,
    ]);
  }

  it('prints the first 20 with the total, and writes all of them to --errors as CSV with a BOM', async () => {
    const cwd = workdir();
    const file = manyBad(cwd);
    const plain = await run(cwd, ['import', 'enterprises', file]);
    expect(plain.code).toBe(3);
    expect(plain.stderr.split('\n').filter((l) => l.startsWith('  line '))).toHaveLength(20);
    expect(plain.stderr).toContain('… and 5 more. Write them all to a file with --errors errors.csv');
    expect(plain.stderr).toContain('many-bad.csv: 25 rows have problems; nothing was imported.');

    const r = await run(cwd, ['import', 'enterprises', file, '--errors', 'errors.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('All 25 problems were written to errors.csv');
    const csv = readFileSync(join(cwd, 'errors.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFline,field,value,problem\n')).toBe(true);
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(25);
    expect(rows[0]).toMatch(
      /^6,统一社会信用代码,91371322\w{10},"the check character of ""91371322\w{10}"" should be ""\w""/,
    );
    expect(rows[24]).toMatch(/^122,统一社会信用代码,91371322MA32C3K5E6,"""91371322MA32C3K5E6"" is also on line 2/);
    expect(existsSync(join(cwd, 'ssj.db'))).toBe(true); // opened, rolled back
    expect(dumpDb(join(cwd, 'ssj.db'))!.tables.enterprises).toEqual([]);
  });

  it('--errors in Chinese has Chinese headers; a whole-file problem is one row', async () => {
    const cwd = workdir();
    expect(
      (await run(cwd, ['--lang', 'zh', 'import', 'enterprises', bad('header-only.csv'), '--errors', 'e.csv'])).code,
    ).toBe(3);
    expect(readFileSync(join(cwd, 'e.csv'), 'utf8')).toMatch(/^\uFEFF行号,字段,值,问题\n1,,,.*只有表头/);
  });

  it('--json gives the error with every problem on stdout', async () => {
    const cwd = workdir();
    const r = await run(cwd, ['--json', 'import', 'enterprises', manyBad(cwd)]);
    expect(r.code).toBe(3);
    const { error } = JSON.parse(r.stdout);
    expect(error).toMatchObject({ code: 'roster.invalidRows', exitCode: 3, details: { rows: 25, count: 25 } });
    expect(error.details.problems).toHaveLength(25);
    expect(error.details.problems[0]).toMatchObject({
      line: 6,
      field: '统一社会信用代码',
      code: 'roster.row.usccCheck',
    });
  });
});

describe('warnings after a good import', () => {
  it('warns about conflicts naming people or enterprises that are not in the rosters, and specialties no industry matches', async () => {
    const cwd = workdir();
    expect((await run(cwd, ['import', 'enterprises', fixture('enterprises.csv')])).code).toBe(0);
    const c = await run(cwd, ['import', 'conflicts', fixture('conflicts.csv')]);
    expect(c.code).toBe(0);
    expect(c.stderr).toContain(
      '5 rows name a 执法证号 that is not in the inspector roster (e.g. line 2: 371323010001)',
    );
    const file = variant(cwd, 'typo.csv', fixture('inspectors.csv'), (lines) =>
      lines.map((l) => l.replace('危险化学品、烟花爆竹', '危化品、烟花爆竹')),
    );
    const i = await run(cwd, ['import', 'inspectors', file]);
    expect(i.code).toBe(0);
    expect(i.stderr).toContain('the specialties 危化品 equal no industry in the enterprise roster');
  });
});

// A large file, parsed in a worker thread, is imported in test/process/import-worker.test.ts (the worker's .js
// exists only in dist/).

/** The check character by GB 32100-2015, computed here independently of src/domain/uscc.ts. */
function validUscc(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17[i]!) * (3 ** i % 31);
  return first17 + charset[(31 - (sum % 31)) % 31];
}

describe('privacy in error messages', () => {
  it('never prints a whole ID number, even a wrong one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await ssj(dir, ['import', 'inspectors', join(FIXTURES, 'bad', 'bad-id-check.csv')]);
      expect(r.code).toBe(3);
      expect(r.stderr).not.toContain('371322197909190320');
    } finally {
      cleanup();
    }
  });
});
