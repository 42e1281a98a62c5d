import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ssj, type RunResult } from './cli.js';

/**
 * The database the export tests publish from, built the way an officer builds it, through the CLI with a fixed
 * --now for every step (so audit chain heads, and with them the golden files, are the same on every run). Built
 * once per run by test/setup/templates.ts (buildExportTemplate) and copied per test (buildExportFixture):
 *
 *  - the fixture rosters, office name and region;
 *  - plan 2024Q1 frozen and drawn with the RFC 3797 example seed, then a recusal in the original order, a recusal
 *    with a fresh seed and a replacement of a deregistered enterprise;
 *  - plan 2024Q2, unannounced (暗查暗访), window 2024-04-01 .. 2024-06-30, drawn;
 *  - results: three for 2024Q1 (February and March, published, one corrected after publication, one unpublished),
 *    one for 2024Q2 (withheld until its window ends).
 */
export const SEED_RFC3797 = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';
export const Q2_SEED = '体彩大乐透第24035期 03 11 19 27 31 + 04 09';
export const OFFICE = '青禾县应急管理局';
/** Q2's window is open: its selection is withheld. */
export const NOW_IN_Q2 = '2024-04-15T02:00:00Z';
/** The last second of 2024-06-30 in Beijing: still withheld. */
export const NOW_Q2_LAST_SECOND = '2024-06-30T15:59:59Z';
/** 2024-07-01 00:00 in Beijing: Q2's window has ended. */
export const NOW_AFTER_Q2 = '2024-06-30T16:00:00Z';

export interface Selected {
  uscc: string;
  name: string;
  ticket: string;
  role: string;
  team: { seat: number; certNo: string; name: string }[];
}

export interface ExportFixture {
  dir: string;
  cleanup: () => void;
  /** Run ssj in the fixture directory at `now`, failing the test on an unexpected exit code. */
  run: (now: string, args: string[], expected?: number) => Promise<RunResult>;
  selection: (planId: string) => Promise<Selected[]>;
}

export function runner(dir: string) {
  return async (now: string, args: string[], expected = 0): Promise<RunResult> => {
    const r = await ssj(dir, ['--now', now, ...args]);
    if (r.code !== expected)
      throw new Error(`ssj ${args.join(' ')} exited ${r.code}, expected ${expected}\n${r.stdout}\n${r.stderr}`);
    return r;
  };
}

export async function selectionOf(run: ExportFixture['run'], planId: string): Promise<Selected[]> {
  return (
    JSON.parse((await run('2024-12-31T00:00:00Z', ['plan', 'show', planId, '--json'])).stdout) as {
      selection: Selected[];
    }
  ).selection;
}

/** Import the fixture rosters and set the office; the common start of every export test database. */
export async function importFixtures(run: ExportFixture['run']): Promise<void> {
  const at = '2024-01-02T01:00:00Z';
  await run(at, ['config', 'set', 'office.name', OFFICE]);
  await run(at, ['config', 'set', 'office.region', '青禾县']);
  for (const roster of ['enterprises', 'inspectors', 'items', 'conflicts', 'history'])
    await run(at, ['import', roster, join(FIXTURES, `${roster}.csv`)]);
}

/** Build the export database in `dir` (test/setup/templates.ts, once per run). */
export async function buildExportTemplate(dir: string): Promise<void> {
  const run = runner(dir);
  const selection = (planId: string) => selectionOf(run, planId);
  await importFixtures(run);

  await run('2024-01-03T01:00:00Z', ['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
  await run('2024-01-05T02:00:00Z', [
    'plan',
    'freeze',
    '2024Q1',
    '--seed-source',
    '中国体育彩票超级大乐透 第24010期开奖号码',
  ]);
  await run('2024-01-10T02:00:00Z', ['draw', '--plan', '2024Q1', '--seed-rfc3797', SEED_RFC3797, '--yes']);
  const q1 = (await selection('2024Q1')).filter((s) => s.role === 'selected');
  const [a, b, c] = [q1[0]!, q1[1]!, q1[2]!];
  await run('2024-01-11T02:00:00Z', [
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    a.uscc,
    '--inspector',
    a.team[1]!.certNo,
    '--category',
    '曾提供服务',
    '--reason',
    '曾为该企业提供安全评价服务',
    '--yes',
  ]);
  await run('2024-01-11T03:00:00Z', [
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    b.uscc,
    '--inspector',
    b.team[0]!.certNo,
    '--category',
    '近亲属',
    '--reason',
    '近亲属在该企业任职',
    '--seed',
    '体彩排列五第24011期 3 8 1 0 6',
    '--yes',
  ]);
  await run('2024-01-12T02:00:00Z', [
    'replace',
    '--plan',
    '2024Q1',
    '--enterprise',
    c.uscc,
    '--reason',
    '该企业已注销',
    '--yes',
  ]);

  const q2 = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8')) as Record<string, unknown>;
  Object.assign(q2, {
    id: '2024Q2',
    title: '青禾县应急管理局2024年第二季度安全生产“双随机、一公开”暗查暗访',
    window: { start: '2024-04-01', end: '2024-06-30' },
    publication: { unannounced: true, resultDays: 20 },
  });
  writeFileSync(join(dir, 'plan-2024Q2.json'), JSON.stringify(q2, null, 2));
  await run('2024-03-20T01:00:00Z', ['plan', 'add', 'plan-2024Q2.json']);
  await run('2024-03-20T02:00:00Z', [
    'plan',
    'freeze',
    '2024Q2',
    '--seed-source',
    '中国体育彩票超级大乐透 第24035期开奖号码',
  ]);
  await run('2024-03-25T02:00:00Z', ['draw', '--plan', '2024Q2', '--seed', Q2_SEED, '--yes']);

  const now = (await selection('2024Q1')).filter((s) => s.role === 'selected');
  const [r1, r2, r3] = [now[3]!, now[4]!, now[5]!];
  await run('2024-02-07T02:00:00Z', [
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    r1.uscc,
    '--outcome',
    '未发现问题',
    '--date',
    '2024-02-06',
  ]);
  await run('2024-02-08T02:00:00Z', [
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    r2.uscc,
    '--outcome',
    '发现问题已责令改正',
    '--follow-up',
    '责令改正',
    '--date',
    '2024-02-08',
  ]);
  // The enterprise's side (顺城 第二十、二十一条): r2 got the written result, answered, returned the card; the fine
  // and the order to rectify are the 结果运用. r1 got it and said nothing within 3 working days.
  await run('2024-02-09T02:00:00Z', [
    'result',
    'feedback',
    '--plan',
    '2024Q1',
    '--enterprise',
    r2.uscc,
    '--date',
    '2024-02-09',
  ]);
  await run('2024-02-09T03:00:00Z', [
    'result',
    'feedback',
    '--plan',
    '2024Q1',
    '--enterprise',
    r1.uscc,
    '--date',
    '2024-02-07',
  ]);
  await run('2024-02-19T02:00:00Z', [
    'result',
    'feedback',
    '--plan',
    '2024Q1',
    '--enterprise',
    r2.uscc,
    '--opinion',
    '检查人员态度好，建议提前告知所需资料清单，联系电话 13800138000',
    '--opinion-on',
    '2024-02-18',
    '--publish-opinion',
    '对检查方式提出建议',
    '--satisfaction',
    '满意',
    '--card-on',
    '2024-02-08',
    '--use',
    '责令整改,行政处罚',
  ]);
  await run('2024-02-19T03:00:00Z', [
    'result',
    'feedback',
    '--plan',
    '2024Q1',
    '--enterprise',
    r1.uscc,
    '--opinion',
    'none',
    '--use',
    '无',
  ]);
  await run('2024-02-20T02:00:00Z', ['result', 'publish', '--plan', '2024Q1', '--yes']);
  await run('2024-02-26T02:00:00Z', [
    'result',
    'correct',
    '--plan',
    '2024Q1',
    '--enterprise',
    r1.uscc,
    '--outcome',
    '发现问题待后续处理',
    '--follow-up',
    '立案查处',
    '--reason',
    '复核发现现场记录遗漏，经局长签字更正',
    '--approved-by',
    '王局长',
    '--approved-on',
    '2024-02-26',
    '--yes',
  ]);
  await run('2024-03-06T02:00:00Z', [
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    r3.uscc,
    '--outcome',
    'no-issue',
    '--date',
    '2024-03-05',
  ]);
  const q2sel = (await selection('2024Q2')).filter((s) => s.role === 'selected');
  await run('2024-04-11T02:00:00Z', [
    'result',
    'record',
    '--plan',
    '2024Q2',
    '--enterprise',
    q2sel[0]!.uscc,
    '--outcome',
    'no-issue',
    '--date',
    '2024-04-10',
  ]);
}
