import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Register, RunCli } from '../register.js';
import type { Context } from '../context.js';
import { refused, SsjError } from '../../errors.js';
import { bi, t } from '../../i18n/index.js';

/** The seed the demo draws with: RFC 3797's own example numbers, so the demo is the same everywhere. */
export const DEMO_SEED_RFC3797 = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';
/** The joint plan of the fixtures (plan-2024-joint.json) and the office that leads it. */
const JOINT = '2024LH1';
const DEMO_OFFICE = '青禾县应急管理局';
/** Its own (made-up) lottery result: each plan pre-announces the draw its seed will come from. */
const JOINT_SEED_RFC3797 = '2024 / 3 7 11 19 30 / 4 9';
const JOINT_SEED_SOURCE = '演示：虚构的开奖号码 / demo: made-up lottery numbers';
export const DEMO_SEED_SOURCE = '演示：RFC 3797 第 6 节示例号码 / demo: the example numbers of RFC 3797 section 6';
/** The seed rule pre-announced at freeze: the example's three groups of numbers, in order. */
export const DEMO_SOURCES = ['RFC 3797 示例 第1组', 'RFC 3797 示例 第2组', 'RFC 3797 示例 第3组'];
/** The unannounced plan's lottery result (two sources, like 双色球). */
export const DEMO_SECRET_SEED_RFC3797 = '05 11 17 23 29 33 / 12';

const here = dirname(fileURLToPath(import.meta.url));
/** fixtures/ of this installation (dist/cli/commands → ../../../fixtures). */
export const FIXTURES_DIR = resolve(here, '..', '..', '..', 'fixtures');

interface Step {
  zh: string;
  en: string;
  argv: string[];
}

export const register: Register = (program, wrap, runCli) => {
  program
    .command('demo')
    .description(
      'show the whole job in a new directory: import, plan, freeze, draw, recusal, a joint plan with experts and a reassign, announcement, bundles, site, verify',
    )
    .option('--dir <dir>', 'directory to create and work in', 'ssj-demo')
    .addHelpText('after', '\nExample:\n  npx ssj demo\n  npx ssj demo --dir /tmp/try-ssj --lang en')
    .action(wrap((ctx, _args, opts) => runDemo(ctx, ctx.path(String(opts.dir)), runCli)));
};

async function runDemo(ctx: Context, dir: string, run: RunCli): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw refused('demo.dirNotEmpty', { dir });
  mkdirSync(dir, { recursive: true });
  const fx = (f: string) => join(FIXTURES_DIR, f);
  // With a fixed --now every step gets its own second after it, in order: a pool frozen and drawn at the same
  // instant is a bundle the verifiers refuse (the freeze must precede the seed), and a real office never does both
  // at once either.
  let step = 0;
  const clock = (): string[] =>
    ctx.nowFixed ? ['--now', new Date(Date.parse(ctx.nowFixed) + 1000 * step++).toISOString()] : [];
  const exec = async (argv: string[]): Promise<string> => {
    const global = ['--lang', ctx.lang, '--operator', ctx.operator, ...clock()];
    const chunks: string[] = [];
    const errs: string[] = [];
    const sink = (into: string[]) =>
      ({
        write: (s: string | Uint8Array) => {
          into.push(String(s));
          return true;
        },
        isTTY: false,
      }) as unknown as NodeJS.WritableStream;
    const code = await run(['node', 'ssj', ...global, ...argv], {
      stdout: sink(chunks),
      stderr: sink(errs),
      env: { ...ctx.io.env, NO_COLOR: '1' },
      cwd: dir,
      stdinIsTTY: false,
    });
    if (code !== 0)
      throw new SsjError('internal', 'demo.stepFailed', {
        step: `ssj ${argv.join(' ')}`,
        code,
        output: errs.join('').trim(),
      });
    return chunks.join('');
  };

  const steps: Step[] = [
    ...['enterprises', 'inspectors', 'items', 'conflicts', 'history'].map((r) => ({
      zh: `导入${rosterZh[r]}`,
      en: `import the ${r}`,
      argv: ['import', r, fx(`${r}.csv`)],
    })),
    // The joint plan's rosters: the expert roster (专家) and a second department's officers and items (高青 6.2, 8.2).
    { zh: '导入专家名录', en: 'import the expert roster', argv: ['import', 'inspectors', fx('experts.csv')] },
    {
      zh: '导入市场监管局执法人员名录',
      en: "import the market regulator's officers",
      argv: ['import', 'inspectors', fx('inspectors-scjg.csv')],
    },
    {
      zh: '导入联合抽查事项（含检查部门）',
      en: 'import the joint items (with their department)',
      argv: ['import', 'items', fx('items-joint.csv')],
    },
    {
      zh: '设置本单位名称',
      en: "set the office's name",
      argv: ['config', 'set', 'office.name', DEMO_OFFICE],
    },
    { zh: '添加抽查计划', en: 'add the plan', argv: ['plan', 'add', fx('plan-2024Q1.json')] },
    {
      zh: '冻结抽取对象库并生成预告',
      en: 'freeze the pool and write the pre-announcement',
      argv: [
        'plan',
        'freeze',
        '2024Q1',
        '--seed-source',
        DEMO_SEED_SOURCE,
        '--seed-rule',
        'rfc3797',
        ...DEMO_SOURCES.flatMap((x) => ['--source', x]),
        '--out',
        '2024Q1-预告.txt',
      ],
    },
    {
      zh: '以公开种子抽取',
      en: 'draw with the published seed',
      argv: ['draw', '--plan', '2024Q1', '--seed-rfc3797', DEMO_SEED_RFC3797, '--yes'],
    },
  ];
  const started = process.hrtime.bigint();
  const say = (s: Step) => ctx.out.note(`✓ ${bi(ctx.lang, s.zh, s.en)}: ssj ${s.argv.map(quote).join(' ')}`);
  for (const s of steps) {
    await exec(s.argv);
    say(s);
  }
  // A recusal: the second member of the first selected enterprise's team declares a conflict.
  const shown = JSON.parse(await exec(['--json', 'plan', 'show', '2024Q1'])) as {
    selection: { uscc: string; role: string; team: { certNo: string }[] }[];
  };
  const first = shown.selection.find((r) => r.role === 'selected' && r.team.length > 1)!;
  const later: Step[] = [
    {
      zh: '登记一次回避（按原顺序递补）',
      en: 'record a recusal (next in the original order)',
      argv: [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        first.uscc,
        '--inspector',
        first.team[1]!.certNo,
        '--category',
        '近亲属',
        '--reason',
        '演示：与该企业负责人系亲属',
      ],
    },
    {
      zh: '添加部门联合抽查计划（应急管理局牵头，市场监管局参加，配专家）',
      en: 'add a joint plan (emergency management leads, market regulation joins, with an expert)',
      argv: ['plan', 'add', fx('plan-2024-joint.json')],
    },
    {
      zh: '冻结联合抽查计划',
      en: 'freeze the joint plan',
      argv: ['plan', 'freeze', JOINT, '--seed-source', JOINT_SEED_SOURCE, '--out', `${JOINT}-预告.txt`],
    },
    {
      zh: '按 SSJ-2 抽取联合抽查计划（分组：牵头部门执法人员任组长、各部门执法人员、专家）',
      en: 'draw the joint plan under SSJ-2 (groups: lead officers, each department, experts)',
      argv: ['draw', '--plan', JOINT, '--seed-rfc3797', JOINT_SEED_RFC3797, '--yes'],
    },
  ];
  for (const s of later) {
    await exec(s.argv);
    say(s);
  }
  // A reassign (人员调整, 高青 7.3): the joint plan's first expert is taken off for health; no conflict is recorded.
  const joint = JSON.parse(await exec(['--json', 'plan', 'show', JOINT])) as {
    selection: { uscc: string; role: string; team: { certNo: string; group?: string }[] }[];
  };
  const withExpert = joint.selection.find((r) => r.role === 'selected' && r.team.some((m) => m.group === 'experts'))!;
  const expert = withExpert.team.find((m) => m.group === 'experts')!;
  const publish: Step[] = [
    {
      zh: '登记一次人员调整（专家因身体原因更换，不登记利害关系）',
      en: 'record a reassign (an expert replaced for health; no conflict recorded)',
      argv: [
        'reassign',
        '--plan',
        JOINT,
        '--enterprise',
        withExpert.uscc,
        '--inspector',
        expert.certNo,
        '--category',
        '身体原因',
        '--reason',
        '演示：住院治疗',
      ],
    },
    {
      zh: '导出抽查任务公告',
      en: 'export the announcement',
      argv: ['export', 'announcement', '--plan', '2024Q1', '--format', 'html', '--out', '2024Q1-公告.html'],
    },
    {
      zh: '导出核验包',
      en: 'export the verification bundle',
      argv: ['export', 'bundle', '--plan', '2024Q1', '--out', 'bundle-2024Q1'],
    },
    {
      zh: '导出联合抽查计划的核验包（ssj-bundle/2）',
      en: "export the joint plan's bundle (ssj-bundle/2)",
      argv: ['export', 'bundle', '--plan', JOINT, '--out', `bundle-${JOINT}`],
    },
    { zh: '核验核验包', en: 'verify the bundle', argv: ['verify', 'bundle-2024Q1'] },
    {
      zh: '核验联合抽查计划的核验包',
      en: "verify the joint plan's bundle",
      argv: ['verify', `bundle-${JOINT}`],
    },
    // An unannounced plan (暗查暗访): its freeze commits a secret seed part, so nobody can rank the enterprises from
    // the lottery result; the bundle reveals the secret after the window (or earlier with --reveal, audited).
    { zh: '添加暗查暗访计划', en: 'add an unannounced plan', argv: ['plan', 'add', unannouncedPlan(dir, fx)] },
    {
      zh: '冻结暗查暗访计划（种子规则 + 秘密种子承诺）',
      en: 'freeze it (seed rule + secret commitment)',
      argv: [
        'plan',
        'freeze',
        '2024Q2',
        '--seed-source',
        '演示：双色球开奖号码 / demo: a 双色球 result',
        '--seed-rule',
        'rfc3797',
        '--source',
        '双色球 红球',
        '--source',
        '双色球 蓝球',
        '--out',
        '2024Q2-预告.txt',
      ],
    },
    {
      zh: '抽取暗查暗访计划（公开种子 + 秘密部分）',
      en: 'draw it (public seed + secret part)',
      argv: ['draw', '--plan', '2024Q2', '--seed-rfc3797', DEMO_SECRET_SEED_RFC3797, '--yes'],
    },
    {
      zh: '导出其核验包，公开秘密部分',
      en: 'export its bundle, revealing the secret',
      argv: ['export', 'bundle', '--plan', '2024Q2', '--out', 'bundle-2024Q2', '--reveal'],
    },
    { zh: '核验暗查暗访计划的核验包', en: 'verify the unannounced plan’s bundle', argv: ['verify', 'bundle-2024Q2'] },
    { zh: '导出网站', en: 'export the website', argv: ['export', 'site', '--year', '2024', '--out', 'site'] },
    { zh: '校验审计日志', en: 'verify the audit log', argv: ['audit', 'verify'] },
  ];
  for (const s of publish) {
    await exec(s.argv);
    say(s);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rel = relative(ctx.io.cwd, dir) || '.';
  const made = [
    ['ssj.db', bi(ctx.lang, '数据库（名录、计划、抽取、审计日志）', 'the database (rosters, plan, draw, audit log)')],
    ['2024Q1-预告.txt', bi(ctx.lang, '抽取前公布的预告', 'pre-announcement, published before the seed exists')],
    ['2024Q1-公告.html', bi(ctx.lang, '抽查任务公告', 'the announcement')],
    [`${JOINT}-预告.txt`, bi(ctx.lang, '部门联合抽查计划的预告', "the joint plan's pre-announcement")],
    [
      '2024Q2-预告.txt',
      bi(
        ctx.lang,
        '暗查暗访计划的预告（含秘密种子承诺）',
        "the unannounced plan's pre-announcement (with the commitment)",
      ),
    ],
    ['bundle-2024Q2/', bi(ctx.lang, '暗查暗访计划的核验包（公开了秘密部分）', 'its bundle, with the secret revealed')],
    [
      'bundle-2024Q1/',
      bi(ctx.lang, '核验包：任何人可用 ssj verify 或 docs/verify.py 复核', 'the bundle anyone can re-verify'),
    ],
    [
      `bundle-${JOINT}/`,
      bi(ctx.lang, '部门联合抽查计划的核验包（SSJ-2，含专家）', "the joint plan's bundle (SSJ-2, with experts)"),
    ],
    ['site/index.html', bi(ctx.lang, '可上传的静态网站', 'the static website to upload')],
  ];
  ctx.out.result({ dir, seconds: Math.round(seconds * 10) / 10, files: made.map(([f]) => join(dir, f!)) }, () => [
    '',
    t(ctx.lang, 'demo.done', { dir: rel, seconds: seconds.toFixed(1) }),
    ...made.map(([f, what]) => `  ${join(rel, f!)}  ${what}`),
    '',
    t(ctx.lang, 'demo.next'),
    `  cd ${quote(rel)}`,
    `  ${invoke(dir)} plan show 2024Q1`,
    `  ${invoke(dir)} audit verify`,
    `  python3 ${quote(resolve(FIXTURES_DIR, '..', 'docs', 'verify.py'))} bundle-2024Q1`,
    `  python3 ${quote(resolve(FIXTURES_DIR, '..', 'docs', 'verify.py'))} bundle-${JOINT}`,
    `  printf '%s' '9319./2.5.8.10.12./9.18.26.34.41.45./|E|2024Q1|${first.uscc}' | sha256sum`,
  ]);
}

/** The demo's unannounced plan: the fixture plan as 2024Q2, 暗查暗访, written into the demo directory. */
function unannouncedPlan(dir: string, fx: (f: string) => string): string {
  const p = JSON.parse(readFileSync(fx('plan-2024Q1.json'), 'utf8')) as Record<string, unknown>;
  Object.assign(p, {
    id: '2024Q2',
    title: '演示：2024年第二季度安全生产“双随机、一公开”暗查暗访',
    window: { start: '2024-04-01', end: '2024-06-30' },
    publication: { unannounced: true, resultDays: 20 },
  });
  const file = join(dir, 'plan-2024Q2.json');
  writeFileSync(file, `${JSON.stringify(p, null, 2)}\n`);
  return file;
}

const rosterZh: Record<string, string> = {
  enterprises: '检查对象名录',
  inspectors: '执法检查人员名录',
  items: '随机抽查事项清单',
  conflicts: '回避关系',
  history: '历史检查记录',
};

/** How to run ssj from `dir`: `npx ssj` works inside the project folder; elsewhere, name the script itself. */
function invoke(dir: string): string {
  const root = resolve(FIXTURES_DIR, '..');
  // Installed as a tool (npm install -g): no clone around the package, and `ssj` is on the PATH.
  if (!existsSync(join(root, '.git'))) return 'ssj';
  const inside = !relative(root, dir).startsWith('..');
  return inside ? 'npx ssj' : `node ${quote(join(root, 'bin', 'ssj.js'))}`;
}

function quote(s: string): string {
  return /^[\w./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
