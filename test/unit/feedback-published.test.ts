import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedAfterPublication } from '../../src/app/result-feedback.js';
import type { FeedbackRow } from '../../src/db/feedback.js';
import { ssj, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { seedDraw, testUscc } from '../helpers/seed-draw.js';

/**
 * 高青 9.1: 检查结果一经公示，不得擅自更改；确有错误的，经任务执行单位主要负责人签字确认后及时更改. The enterprise's side
 * of a published result (顺城 第二十、二十一条: its opinion, 意见建议, 结果运用 are in the monthly publication) follows the
 * same rule: a recorded value changes only as a correction with reason, approver and date; new values may be added.
 */
const row = (f: Partial<FeedbackRow>): FeedbackRow => ({
  id: 1,
  result_id: 1,
  opinion_kind: null,
  opinion_on: null,
  opinion: '',
  opinion_public: '',
  satisfaction: null,
  card_on: null,
  uses: '',
  correction_reason: null,
  corrected_by: null,
  corrected_on: null,
  recorded_at: '',
  operator: '',
  ...f,
});
const values = (f: Partial<FeedbackRow>) => {
  const { opinion_kind, opinion_on, opinion, opinion_public, satisfaction, card_on, uses } = row(f);
  return { opinion_kind, opinion_on, opinion, opinion_public, satisfaction, card_on, uses };
};

describe('which recorded values a change after publication overwrites (高青 9.1)', () => {
  it.each([
    ['nothing recorded yet', null, {}, []],
    [
      'adding the opinion after publication',
      row({ uses: 'rectify' }),
      { uses: 'rectify', opinion_public: '无意见' },
      [],
    ],
    ['the same values again', row({ uses: 'rectify' }), { uses: 'rectify' }, []],
    ['结果运用 changed', row({ uses: 'rectify' }), { uses: 'penalty' }, ['uses']],
    [
      'the published 意见建议 and the opinion changed',
      row({ opinion_kind: 'given', opinion: '甲', opinion_public: '对检查方式提出建议' }),
      { opinion_kind: 'given', opinion: '乙', opinion_public: '无意见' },
      ['opinion', 'opinion_public'],
    ],
  ] as const)('%s', (_name, old, next, expected) => {
    expect(changedAfterPublication(old, values(next as Partial<FeedbackRow>))).toEqual(expected);
  });
});

describe('ssj result feedback after publication (in-process)', () => {
  let dir: string;
  let cleanup: () => void;
  const A = testUscc(1);
  const env = { SSJ_NOW: '2024-02-20T02:00:00Z' };
  const run = (...args: string[]) => ssj(dir, args, env);
  const fb = (...args: string[]) => run('result', 'feedback', '--plan', 'P', '--enterprise', A, ...args);
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    seedDraw(join(dir, 'ssj.db'), {
      id: 'P',
      window: { start: '2024-02-01', end: '2024-02-29' },
      enterprises: [{ uscc: A, name: '甲化工有限公司' }],
    });
    expect(
      (await run('result', 'record', '--plan', 'P', '--enterprise', A, '--outcome', 'rectify', '--date', '2024-02-06'))
        .code,
    ).toBe(0);
    expect((await fb('--date', '2024-02-08', '--use', '责令整改')).code).toBe(0);
    expect((await run('result', 'publish', '--plan', 'P')).code).toBe(0);
  });
  afterEach(() => cleanup());

  it('refuses to change a recorded 结果运用 without a signed correction, database byte-identical (高青 9.1)', async () => {
    const before = dumpDb(join(dir, 'ssj.db'));
    const r = await fb('--use', '行政处罚');
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('uses');
    expect(r.stderr).toContain('--approved-by');
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
    // half a correction is a usage error, also changing nothing
    expect((await fb('--use', '行政处罚', '--reason', '复核')).code).toBe(2);
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
  });

  it('adds the opinion after publication freely (it usually comes after), and refuses a correction flag for it', async () => {
    const add = await fb('--opinion', 'none', '--json');
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).feedback).toMatchObject({ opinion_kind: 'none', opinion_public: '无意见' });
    const r = await fb(
      '--satisfaction',
      '满意',
      '--reason',
      'x',
      '--approved-by',
      '张三',
      '--approved-on',
      '2024-02-19',
    );
    expect(r.code).toBe(2);
  });

  it('records a signed correction: the new value, why, who and when, in one audit entry', async () => {
    const r = await fb(
      '--use',
      '行政处罚',
      '--reason',
      '复核后改为行政处罚',
      '--approved-by',
      '张局长',
      '--approved-on',
      '2024-02-19',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).feedback).toMatchObject({
      uses: 'penalty',
      correction_reason: '复核后改为行政处罚',
      corrected_by: '张局长',
      corrected_on: '2024-02-19',
    });
    const log = JSON.parse((await run('--json', 'audit', 'log')).stdout) as
      | { action: string }[]
      | { entries: { action: string }[] };
    const actions = (Array.isArray(log) ? log : log.entries).map((e) => e.action);
    expect(actions).toContain('result.feedback.correct');
    const v = await run('audit', 'verify');
    expect(v.stdout).not.toContain('feedback');
  });
});
