import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../helpers/cli.js';
import { pyVerify } from '../helpers/bundle.js';
import { listFiles, runner } from './export-fixture.js';

/**
 * Publication by group (#14 part 4): a joint plan (部门联合抽查, 高青 6.2 and 8.2) with an expert (高青 7.3) drawn under
 * SSJ-2, with a reassign of the expert and a recusal, then every renderer: the announcement (html, md, txt, csv),
 * the results list (csv, html), the filing form, the site's task and results pages, and the Word forms (their text as
 * mammoth reads it, and the HTML print view). Each shows the team as 组长, 组员 by department and 专家; an expert's
 * number is 专家编号 and never stands under 执法证号 (行政处罚法 第四十二条: 执法证 holders are the officers); the
 * filing form's 承办执法股室 is the lead officer's unit. Golden files: test/golden/joint/ (SSJ_UPDATE_GOLDEN=1).
 */
const GOLDEN = join(ROOT, 'test', 'golden', 'joint');
const PLAN = '2024LH1';
const NOW = '2024-07-10T02:00:00Z';
const SEED = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';

function expectGolden(name: string, actual: Buffer | string): void {
  const path = join(GOLDEN, name);
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : actual;
  if (process.env.SSJ_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return;
  }
  expect(existsSync(path), `golden ${name} missing: SSJ_UPDATE_GOLDEN=1 npx vitest run ${__filename}`).toBe(true);
  expect(bytes.toString('utf8'), `${name} differs from its golden file`).toBe(readFileSync(path, 'utf8'));
}

type Team = { seat: number; certNo: string; name: string; group?: string }[];
let t: { dir: string; cleanup: () => void };
let run: ReturnType<typeof runner>;
let selected: { uscc: string; name: string; team: Team }[];
const out = (...p: string[]) => join(t.dir, 'out', ...p);

beforeAll(async () => {
  t = tempDir('ssj-publish-groups-');
  run = runner(t.dir);
  const at = '2024-04-01T01:00:00Z';
  await run(at, ['config', 'set', 'office.name', '青禾县应急管理局']);
  await run(at, ['config', 'set', 'office.region', '青禾县']);
  for (const [roster, file] of [
    ['enterprises', 'enterprises.csv'],
    ['inspectors', 'inspectors.csv'],
    ['inspectors', 'experts.csv'],
    ['inspectors', 'inspectors-scjg.csv'],
    ['items', 'items.csv'],
    ['items', 'items-joint.csv'],
  ] as const)
    await run(at, ['import', roster, join(FIXTURES, file)]);
  await run('2024-04-01T02:00:00Z', ['plan', 'add', join(FIXTURES, 'plan-2024-joint.json')]);
  await run('2024-04-02T02:00:00Z', [
    'plan',
    'freeze',
    PLAN,
    '--seed-source',
    '中国体育彩票超级大乐透 第24040期开奖号码',
  ]);
  await run('2024-04-08T02:00:00Z', ['draw', '--plan', PLAN, '--seed-rfc3797', SEED, '--yes']);
  const show = async () =>
    (
      JSON.parse((await run(NOW, ['--json', 'plan', 'show', PLAN])).stdout) as {
        selection: { uscc: string; name: string; role: string; team: Team }[];
      }
    ).selection.filter((s) => s.role === 'selected');
  const first = (await show())[0]!;
  const expert = first.team.find((m) => m.group === 'experts')!;
  await run('2024-04-09T02:00:00Z', [
    'reassign',
    '--plan',
    PLAN,
    '--enterprise',
    first.uscc,
    '--inspector',
    expert.certNo,
    '--category',
    '身体原因',
    '--reason',
    '住院治疗',
  ]);
  const second = (await show())[1]!;
  await run('2024-04-10T02:00:00Z', [
    'recuse',
    '--plan',
    PLAN,
    '--enterprise',
    second.uscc,
    '--inspector',
    second.team.find((m) => m.seat === 2)!.certNo,
    '--category',
    '近亲属',
    '--reason',
    '其妻在该企业任会计',
  ]);
  selected = await show();
  await run('2024-05-06T02:00:00Z', [
    'result',
    'record',
    '--plan',
    PLAN,
    '--enterprise',
    selected[0]!.uscc,
    '--outcome',
    '发现问题已责令改正',
    '--follow-up',
    '责令改正',
    '--date',
    '2024-05-06',
  ]);
});
afterAll(() => t?.cleanup());

/** Every expert number of the fixtures (experts.csv keys them by 专家编号 ZJ-…; inspectors.csv lists experts too). */
function expertNumbers(): string[] {
  const rows = (f: string) =>
    readFileSync(join(FIXTURES, f), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => /专家/.test(l.split(',').at(-1) ?? ''));
  return [...rows('experts.csv'), ...rows('inspectors.csv')].map((l) => l.split(',')[0]!);
}

/** Where an expert's number appears, it is labelled 专家编号 (or sits under a 证件编号 column as "专家编号 …"). */
function expectNoExpertUnderCertNo(label: string, text: string): void {
  for (const n of expertNumbers()) {
    for (const m of text.matchAll(new RegExp(n, 'g'))) {
      const before = text.slice(Math.max(0, m.index! - 40), m.index!);
      expect(before, `${label}: ${n} must not be shown as a 执法证号`).not.toMatch(/执法证号[^；;、\n<]*$/);
    }
  }
}

describe('a joint plan with experts is published by group (#14 part 4)', () => {
  it('the draw seated officers of both departments and an expert; the events are in place', () => {
    const groups = new Set(selected.flatMap((s) => s.team.map((m) => m.group)));
    expect([...groups].sort()).toEqual(['experts', '青禾县市场监督管理局', '青禾县应急管理局'].sort());
  });

  it('announcement in html, md, txt and csv: 组长, 组员 by department, 专家 with 专家编号', async () => {
    for (const format of ['html', 'md', 'txt', 'csv']) {
      await run(NOW, ['export', 'announcement', '--plan', PLAN, '--format', format, '--out', out(`a.${format}`)]);
      const text = readFileSync(out(`a.${format}`), 'utf8');
      expectGolden(`announcement/${PLAN}.${format}`, text);
      expectNoExpertUnderCertNo(format, text);
      expect(text).toContain('组长（青禾县应急管理局）');
      expect(text).toContain('组员（青禾县市场监督管理局）');
      expect(text).toContain('专家编号');
    }
    const txt = readFileSync(out('a.txt'), 'utf8');
    // The reassign (人员调整) and the recusal publish their category, never the words typed.
    expect(txt).toMatch(/因人员调整不再参加.*SSJ-2 I 签.*（原因：身体原因）/);
    expect(txt).not.toContain('住院治疗');
    expect(txt).not.toContain('其妻在该企业任会计');
  });

  it('results list in csv and html: names by group', async () => {
    for (const format of ['csv', 'html']) {
      await run(NOW, ['export', 'results', '--plan', PLAN, '--format', format, '--out', out(`r.${format}`)]);
      const text = readFileSync(out(`r.${format}`), 'utf8');
      expectGolden(`results/${PLAN}.${format}`, text);
      expect(text).toMatch(
        /组长（青禾县应急管理局） \S+；组员（青禾县应急管理局） \S+；组员（青禾县市场监督管理局） \S+；专家 \S+/,
      );
    }
  });

  it("filing form: 承办执法股室 is the lead officer's unit, experts under 专家编号", async () => {
    await run(NOW, ['export', 'filing', '--plan', PLAN, '--out', out('filing.html')]);
    const text = readFileSync(out('filing.html'), 'utf8');
    expectGolden(`filing/${PLAN}.html`, text);
    expectNoExpertUnderCertNo('filing', text);
    const units = [...text.matchAll(/承办执法股室<\/th><td colspan="3">([^<]*)</g)].map((m) => m[1]);
    expect(units).toHaveLength(selected.length);
    for (const u of units) expect(u).not.toMatch(/专家/);
    expect(text).not.toContain('<th>执法证号</th>');
  });

  it('site: the task page and the results page by group; the bundle verifies in both verifiers', async () => {
    await run(NOW, ['export', 'site', '--year', '2024', '--out', out('site')]);
    for (const file of [`tasks/${PLAN}.html`, `tasks/${PLAN}.csv`, `results/${PLAN}.html`, `results/${PLAN}.csv`]) {
      const text = readFileSync(out('site', file), 'utf8');
      expectGolden(`site/${file}`, text);
      expectNoExpertUnderCertNo(file, text);
    }
    const bundle = out('site', 'bundles', PLAN);
    expect((await run(NOW, ['verify', bundle])).stdout).toContain('VERIFIED');
    const py = pyVerify(bundle);
    expect(py.code, py.stdout + py.stderr).toBe(0);
  });

  it('Word forms and their print view: 组别 by group, 证件编号 with 专家编号 for experts, 承办执法股室', async () => {
    await run(NOW, ['export', 'forms', '--plan', PLAN, '--out', out('forms')]);
    const files = readdirSync(out('forms')).sort();
    const print = readFileSync(out('forms', `打印-${PLAN}.html`), 'utf8');
    expectGolden(`forms/打印-${PLAN}.html`, print);
    expectNoExpertUnderCertNo('print view', print);
    const docx = async (f: string) => (await mammoth.extractRawText({ path: out('forms', f) })).value;
    const filing = await docx(files.find((f) => f.startsWith('登记备案表'))!);
    expectGolden(`forms/登记备案表-${PLAN}.txt`, filing);
    expect(filing).toContain('承办执法股室');
    expect(filing).toContain('证件编号');
    const e = selected[0]!;
    for (const f of files.filter((x) => x.endsWith(`${e.uscc}.docx`))) {
      const text = await docx(f);
      expectGolden(`forms/${f.replace(/\.docx$/, '.txt')}`, text);
      expectNoExpertUnderCertNo(f, text);
    }
    expect(listFiles(out('forms')).length).toBe(files.length);
  });
});
