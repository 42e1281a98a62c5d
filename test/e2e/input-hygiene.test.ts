import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir, type RunResult } from '../helpers/cli.js';

/**
 * Issue 13 part 6 (finding 8): hostile names and invisible-character keys are refused at import, naming the file,
 * line, field and what to do, in both languages, with the database left byte for byte as it was; NUL bytes and
 * oversized cells are refused with messages that say what they are; results and holidays files get the same rules.
 * In-process (test/helpers/cli.ts): nothing here needs a real process (pipes, FIFOs and a
 * cell over 4 MiB, which makes a file large enough for the import's worker thread: test/process/input-streams).
 */
const NOW = '2024-01-10T02:00:00Z';
const env = { SSJ_NOW: NOW };
const { dir: root, cleanup } = tempDir('ssj-hygiene-');
afterAll(cleanup);

let base: string;
let n = 0;
const run = (cwd: string, args: string[], extra: Record<string, string> = {}): Promise<RunResult> =>
  ssj(cwd, args, { ...env, ...extra });
/** The fixture's header and first data row (BOM dropped). */
const fixtureLines = (roster: string) =>
  readFileSync(join(FIXTURES, `${roster}.csv`), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n');
const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
/** A copy of a fixture with the cell under `header` of its first data row replaced by `value`. */
function withCell(cwd: string, roster: string, header: string, value: string): string {
  const [head, first] = fixtureLines(roster);
  const headers = head!.split(',');
  const cells = first!.split(',');
  cells[headers.indexOf(header)] = quote(value);
  const p = join(cwd, `${roster}-${n++}.csv`);
  writeFileSync(p, `${head}\n${cells.join(',')}\n`);
  return p;
}
/** The database's bytes (a command that refuses must not change one of them) and whether a -wal is left. */
const dbBytes = (cwd: string) => ({
  db: readFileSync(join(cwd, 'ssj.db')),
  wal: existsSync(join(cwd, 'ssj.db-wal')),
});

beforeAll(async () => {
  base = join(root, 'base');
  mkdirSync(base);
  for (const r of ['enterprises', 'inspectors', 'items'])
    expect((await run(base, ['import', r, join(FIXTURES, `${r}.csv`)])).code).toBe(0);
});

const hostile: { what: string; roster: string; header: string; value: string; code: string; en: RegExp; zh: RegExp }[] =
  [
    {
      what: 'a 执法证号 with U+200B (a look-alike second inspector)',
      roster: 'inspectors',
      header: '执法证号',
      value: '371323010001\u200b',
      code: 'cell.invisible',
      en: /line 2, 执法证号: "371323010001⟨U\+200B⟩" has the invisible character U\+200B at character 13\. A code with it looks like another record/,
      zh: /第 2 行.*执法证号.*不可见字符 U\+200B/,
    },
    {
      what: 'a USCC with a zero-width joiner',
      roster: 'enterprises',
      header: '统一社会信用代码',
      value: '91371322MA32C3K5E6\u200d',
      code: 'cell.invisible',
      en: /line 2, 统一社会信用代码: .*invisible character U\+200D/,
      zh: /第 2 行.*不可见字符 U\+200D/,
    },
    {
      what: 'an 事项编码 with a word joiner',
      roster: 'items',
      header: '事项编码',
      value: 'AQ\u2060-01',
      code: 'cell.invisible',
      en: /line 2, 事项编码: .*U\+2060/,
      zh: /第 2 行.*U\+2060/,
    },
    {
      what: 'an ID number with a bidi mark',
      roster: 'inspectors',
      header: '身份证号',
      value: '\u200f371322197407245335',
      code: 'cell.bidi',
      en: /line 2, 身份证号: .*bidi control character U\+200F/,
      zh: /第 2 行.*双向文字控制符 U\+200F/,
    },
    {
      what: 'a name with a right-to-left override (U+202E)',
      roster: 'enterprises',
      header: '单位名称',
      value: '青禾县齐润化工有限公司\u202egpj.exe',
      code: 'cell.bidi',
      en: /line 2, 单位名称: .*U\+202E/,
      zh: /第 2 行.*U\+202E/,
    },
    {
      what: 'a name with ESC (a terminal escape sequence)',
      roster: 'inspectors',
      header: '姓名',
      value: '史明\u001b[2J',
      code: 'cell.control',
      en: /line 2, 姓名: "史明⟨U\+001B⟩\[2J" has the control character U\+001B/,
      zh: /第 2 行.*控制字符 U\+001B/,
    },
    {
      what: 'a name with a zero-width space',
      roster: 'inspectors',
      header: '姓名',
      value: '史\u200b明',
      code: 'cell.invisible',
      en: /line 2, 姓名: .*looks the same as another name/,
      zh: /第 2 行.*看起来与另一个名称相同/,
    },
    {
      what: "=cmd|' /C calc'!A0 as an enterprise name",
      roster: 'enterprises',
      header: '单位名称',
      value: "=cmd|' /C calc'!A0",
      code: 'cell.formulaStart',
      en: /line 2, 单位名称: "=cmd\|' \/C calc'!A0" begins with "=".*--allow-formula-start/,
      zh: /第 2 行.*以“=”开头.*--allow-formula-start/,
    },
    {
      what: '=HYPERLINK(…) as an item name',
      roster: 'items',
      header: '事项名称',
      value: '=HYPERLINK("http://evil.example","点击")',
      code: 'cell.formulaStart',
      en: /line 2, 事项名称: .*begins with "="/,
      zh: /第 2 行.*以“=”开头/,
    },
    {
      what: '@cmd as an inspector name',
      roster: 'inspectors',
      header: '姓名',
      value: '@cmd',
      code: 'cell.formulaStart',
      en: /line 2, 姓名: .*begins with "@"/,
      zh: /第 2 行.*以“@”开头/,
    },
    {
      what: 'a 1 MB 执法证号',
      roster: 'inspectors',
      header: '执法证号',
      value: '3'.repeat(1 << 20),
      code: 'cell.tooLong',
      en: /line 2, 执法证号: the value is 1048576 characters long; a code may have at most 64/,
      zh: /第 2 行.*1048576 个字符，编码类字段最多 64 个/,
    },
    {
      what: 'a 201-character name',
      roster: 'enterprises',
      header: '单位名称',
      value: '青'.repeat(201),
      code: 'cell.tooLong',
      en: /line 2, 单位名称: the value is 201 characters long; a name may have at most 200/,
      zh: /第 2 行.*201 个字符，名称类字段最多 200 个/,
    },
  ];

describe('import refuses each hostile name and invisible-character key (issue 13 finding 8)', () => {
  for (const h of hostile)
    it(`${h.what}: exit 3 naming file, line and field, in English and Chinese; the database byte-identical`, async () => {
      const file = withCell(base, h.roster, h.header, h.value);
      const before = dbBytes(base);
      const en = await run(base, ['import', h.roster, file, '--json']);
      expect(en.code).toBe(3);
      expect(en.stderr).toMatch(h.en);
      expect(en.stderr).toContain(`${h.roster}-`); // the file
      const problem = (JSON.parse(en.stdout) as { error: { details: { problems: { code: string }[] } } }).error.details
        .problems[0]!;
      expect(problem.code).toBe(h.code);
      // Nothing invisible or active reaches the terminal or the JSON: the value is shown with ⟨U+XXXX⟩.
      for (const ch of ['\u001b', '\u200b', '\u200d', '\u200f', '\u202e', '\u2060'])
        expect(en.stderr + en.stdout).not.toContain(ch);
      const zh = await run(base, ['import', h.roster, file], { SSJ_LANG: 'zh' });
      expect(zh.code).toBe(3);
      expect(zh.stderr).toMatch(h.zh);
      expect(dbBytes(base)).toEqual(before);
    });

  it('--allow-formula-start imports a confirmed =name (and the invisible-character rules still apply)', async () => {
    const cwd = join(root, 'formula');
    mkdirSync(cwd);
    const ok = await run(cwd, [
      'import',
      'enterprises',
      withCell(cwd, 'enterprises', '单位名称', '=青禾县齐润化工有限公司'),
      '--allow-formula-start',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await run(cwd, [
      'import',
      'enterprises',
      withCell(cwd, 'enterprises', '单位名称', '=青禾\u200b'),
      '--allow-formula-start',
    ]);
    expect(bad.code).toBe(3);
  });

  it('a phone number may start with + (never published, so no formula rule)', async () => {
    const cwd = join(root, 'phone');
    mkdirSync(cwd);
    const r = await run(cwd, ['import', 'inspectors', withCell(cwd, 'inspectors', '联系方式', '+86 151 8712 5419')]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the look-alike second inspector never exists: the file with 371323010001 and 371323010001+U+200B is refused', async () => {
    const [head, first] = fixtureLines('inspectors');
    const cells = first!.split(',');
    cells[0] = `${cells[0]}\u200b`;
    const file = join(base, 'lookalike.csv');
    writeFileSync(file, `${head}\n${first}\n${cells.join(',')}\n`);
    const before = dbBytes(base);
    const r = await run(base, ['import', 'inspectors', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 3, 执法证号: .*U\+200B/);
    expect(dbBytes(base)).toEqual(before);
  });
});

describe('whole-file problems say what they are (issue 13 finding 10)', () => {
  it('a NUL byte is refused naming its line; the database byte-identical', async () => {
    const [head, first, second] = fixtureLines('enterprises');
    const file = join(base, 'nul.csv');
    writeFileSync(file, `${head}\n${first}\n${second!.replace('有限公司', '有限\u0000公司')}\n`);
    const before = dbBytes(base);
    const r = await run(base, ['import', 'enterprises', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('nul.csv is not a text file (NUL bytes on line 3)');
    expect(dbBytes(base)).toEqual(before);
  });
});

describe('results and holidays files follow the same rules', () => {
  it('result import: a plan code with U+200B and a note with ESC are refused naming line and column', async () => {
    const cwd = join(root, 'results');
    mkdirSync(cwd);
    const file = join(cwd, 'results.csv');
    writeFileSync(
      file,
      [
        '计划编号,统一社会信用代码,检查日期,检查结果,备注',
        '2024Q1\u200b,91371322MA32C3K5E6,2024-03-01,未发现问题,',
        '2024Q1,91371322MA32C3K5E6,2024-03-01,未发现问题,好\u001b[31m',
      ].join('\n'),
    );
    const r = await run(cwd, ['result', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 2.*计划编号.*U\+200B/);
    expect(r.stderr).toMatch(/line 3.*备注.*U\+001B/);
    expect(r.stderr).not.toMatch(/[\u001b\u200b]/);
    expect(existsSync(join(cwd, 'ssj.db'))).toBe(false);
  });

  it('calendar import: a holiday name with a bidi override is refused', async () => {
    const cwd = join(root, 'calendar');
    mkdirSync(cwd);
    const file = join(cwd, 'days.csv');
    writeFileSync(file, ['日期,类型,名称', '2027-01-01,休,元旦\u202e'].join('\n'));
    const r = await run(cwd, ['calendar', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/line 2.*U\+202E/);
    expect(r.stderr).not.toContain('\u202e');
  });
});

describe('plan files follow the same rules', () => {
  it('plan add: a title with a bidi override and a stratum name with ESC are refused, naming the JSON path', async () => {
    const cwd = join(root, 'plan');
    mkdirSync(cwd);
    const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8')) as {
      title: string;
      strata: { name: string }[];
    };
    plan.title = `${plan.title}\u202e`;
    plan.strata[0]!.name = `重点\u001b[2J`;
    const file = join(cwd, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = await run(cwd, ['plan', 'add', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/title: .*U\+202E/);
    expect(r.stderr).toMatch(/strata\[0\]\.name: .*U\+001B/);
    expect(r.stderr).not.toContain('\u202e');
    expect(r.stderr).not.toContain('\u001b');
    expect(existsSync(join(cwd, 'ssj.db'))).toBe(false);
  });
});
