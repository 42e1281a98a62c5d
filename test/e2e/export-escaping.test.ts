import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUsccCheck } from '../../src/domain/uscc.js';
import { tempDir } from '../helpers/cli.js';
import { listFiles, runner } from './export-fixture.js';

/**
 * Hostile data in every field that reaches an export: enterprise names that are markup or spreadsheet formulas,
 * an inspector, an item, the office, the seed and a recusal reason. HTML must show them as text, Markdown must
 * escape them, CSV must neutralise the formulas.
 */
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = "=cmd|' /C calc'!A0";
const IMG = '<img src=x onerror=alert(2)>';
const USCC_SCRIPT = withUsccCheck('91371322MA0XYY001');
const USCC_FORMULA = withUsccCheck('91371322MA0XYY002');
const NOW = '2024-02-01T02:00:00Z';
/** After the check, for the result and the exports. */
const LATER = '2024-02-21T02:00:00Z';

/** The tags our pages use; any other tag in an export means data became markup. */
const OUR_TAGS = new Set(
  // The yearly report's charts are inline SVG (src/io/svg-chart.ts): figure, svg and its drawing elements.
  'html head meta link title style body header div nav ul li a main article section footer h1 h2 h3 p dl dt dd table caption thead tbody tr th td span br ol pre code strong figure figcaption svg desc g text rect line'.split(
    ' ',
  ),
);
// The year report's charts (src/io/svg-chart.ts, inline SVG) and figure tiles.
for (const t of ['figure', 'figcaption', 'svg', 'g', 'desc', 'text', 'rect', 'strong']) OUR_TAGS.add(t);

const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

let dir: string;
let cleanup: () => void;
let run: ReturnType<typeof runner>;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('ssj-hostile-'));
  run = runner(dir);
  writeFileSync(
    join(dir, 'enterprises.csv'),
    [
      '统一社会信用代码,单位名称,行政区划,行业类别,监管类型,经营状态',
      csvLine([USCC_SCRIPT, SCRIPT, '测试区', '机械', '一般', '存续']),
      csvLine([USCC_FORMULA, FORMULA, '测试区', '机械', '一般', '存续']),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'inspectors.csv'),
    [
      '执法证号,姓名,所在单位,业务专长',
      csvLine(['371323099001', IMG, '@SUM(1+1)', '机械']),
      csvLine(['371323099002', '+王五', '-县局', '机械']),
      csvLine(['371323099003', '赵六', '县局', '机械']),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'items.csv'),
    ['事项编码,事项名称,适用行业', csvLine(['X-1', `<b>${SCRIPT}</b>`, '*'])].join('\n'),
  );
  writeFileSync(
    join(dir, 'plan.json'),
    JSON.stringify({
      id: 'EVIL',
      title: `计划 ${SCRIPT}`,
      year: 2024,
      window: { start: '2024-02-15', end: '2024-03-31' },
      cap: { perYear: 4 },
      strata: [{ name: `层<i>`, where: { region: ['测试区'] }, ratio: '100%', reserves: 0 }],
      team: { size: 2, specialists: 0 },
      items: { perEnterprise: 1 },
      publication: { unannounced: false, resultDays: 20 },
    }),
  );
  await run(NOW, ['config', 'set', 'office.name', `<b>县局</b>${SCRIPT}`]);
  // The names start with = + - @ on purpose: the officer confirms them (issue 13 part 6), and every export must
  // still keep them text.
  for (const roster of ['enterprises', 'inspectors', 'items'])
    expect((await run(NOW, ['import', roster, `${roster}.csv`, '--allow-formula-start'])).code).toBe(0);
  await run(NOW, ['plan', 'add', 'plan.json']);
  await run(NOW, [
    'draw',
    '--plan',
    'EVIL',
    '--seed',
    `${IMG}'; rm -rf ~ #`,
    '--seed-source',
    SCRIPT,
    '--unfrozen',
    '--reason',
    `${SCRIPT}${IMG}`,
    '--yes',
  ]);
  const sel = (
    JSON.parse((await run(NOW, ['plan', 'show', 'EVIL', '--json'])).stdout) as {
      selection: { uscc: string; team: { certNo: string }[] }[];
    }
  ).selection;
  const first = sel.find((s) => s.uscc === USCC_SCRIPT)!;
  await run(NOW, [
    'recuse',
    '--plan',
    'EVIL',
    '--enterprise',
    first.uscc,
    '--inspector',
    first.team[0]!.certNo,
    '--category',
    '其他',
    '--reason',
    `${IMG}=1+1`,
    '--yes',
  ]);
  await run(LATER, [
    'result',
    'record',
    '--plan',
    'EVIL',
    '--enterprise',
    USCC_FORMULA,
    '--outcome',
    'no-issue',
    '--date',
    '2024-02-20',
  ]);
  for (const f of ['html', 'md', 'txt', 'csv'])
    await run(LATER, ['export', 'announcement', '--plan', 'EVIL', '--format', f, '--out', `out/announcement.${f}`]);
  for (const f of ['html', 'csv'])
    await run(LATER, ['export', 'results', '--plan', 'EVIL', '--format', f, '--out', `out/results.${f}`]);
  await run(LATER, ['export', 'filing', '--plan', 'EVIL', '--out', 'out/filing.html']);
  await run(LATER, ['export', 'site', '--year', '2024', '--out', 'out/site']);
});
afterAll(() => cleanup?.());

const text = (p: string) => readFileSync(join(dir, 'out', p), 'utf8');

describe('hostile names stay text', () => {
  it('every HTML export: only our own tags, the hostile strings escaped and present', () => {
    const pages = [
      'announcement.html',
      'results.html',
      'filing.html',
      ...listFiles(join(dir, 'out', 'site'))
        .filter((p) => p.endsWith('.html'))
        .map((p) => `site/${p}`),
    ];
    expect(pages.length).toBeGreaterThan(8);
    for (const p of pages) {
      const html = text(p);
      const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
      expect(
        tags.filter((t) => !OUR_TAGS.has(t)),
        p,
      ).toEqual([]);
      expect(html, p).not.toMatch(/<script|<img|<b>|<i>/i);
    }
    const a = text('announcement.html');
    expect(a).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(a).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(a).toContain('=cmd|&#39; /C calc&#39;!A0');
    expect(text('site/index.html')).toContain('&lt;b&gt;县局&lt;/b&gt;');
  });

  it('Markdown escapes markup and table pipes', () => {
    const md = text('announcement.md');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain("=cmd\\|' /C calc'!A0");
    expect(md).not.toMatch(/(?<!\\)<script/);
  });

  it('CSV: cells starting with = + - @ get an apostrophe; codes are written as they are (no tab, issue 16)', () => {
    for (const p of ['announcement.csv', 'results.csv', 'site/tasks/EVIL.csv']) {
      const rows = parse(readFileSync(join(dir, 'out', p)), { bom: true }) as string[][];
      const cells = rows.flat();
      const risky = cells.filter((c) => /^[=+\-@]/.test(c));
      expect(risky, p).toEqual([]);
    }
    const rows = parse(readFileSync(join(dir, 'out', 'announcement.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r['检查对象名称'])).toContain(`'${FORMULA}`);
    expect(rows.map((r) => r['统一社会信用代码'])).toContain(USCC_FORMULA);
    const team = rows.map((r) => r['检查组（首位为组长）']).join('\n');
    expect(team).toContain('+王五');
    const results = parse(readFileSync(join(dir, 'out', 'results.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(results[0]!['检查对象名称']).toBe(`'${FORMULA}`);
  });

  it('the plain-text announcement keeps the names as written (no markup there to break)', () => {
    expect(text('announcement.txt')).toContain(SCRIPT);
    expect(text('announcement.txt')).toContain(FORMULA);
  });
});
