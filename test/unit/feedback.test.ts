import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueReport, openDeadlines, type DeadlineSettings } from '../../src/core/deadlines.js';
import { checkPublicOpinion, parseSatisfaction, parseUses } from '../../src/domain/feedback.js';
import { officialCalendar } from '../../src/io/calendar.js';
import { tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { ssjIn } from '../helpers/inproc.js';
import { seedDraw, testUscc } from '../helpers/seed-draw.js';

const settings: DeadlineSettings = {
  reportDays: 5,
  feedbackDays: 5,
  resultDays: 20,
  monthlyDays: 5,
  objectionReviewDays: 20,
  objectionAnswerDays: 15,
  opinionDays: 3,
};

describe("the enterprise's opinion deadline (顺城 第二十条: 3 working days after the written feedback)", () => {
  const plan = (opinionRecorded: boolean) => [
    {
      planId: 'P',
      windowEnd: null,
      resultDays: null,
      enterprises: [
        {
          uscc: 'E',
          name: '甲',
          result: {
            checkDate: '2024-02-06',
            reportDate: '2024-02-07',
            feedbackDate: '2024-02-08',
            publishedAt: '2024-02-08T00:00:00Z',
            opinionRecorded,
          },
        },
      ],
      objections: [],
    },
  ];
  it('crosses Spring Festival 2024: 02-09, (02-10..17 off), 02-18 a Sunday worked, 02-19', () => {
    const d = openDeadlines(officialCalendar(), plan(false), settings).filter((x) => x.kind === 'opinion');
    expect(d.map((x) => [x.from, x.due])).toEqual([['2024-02-08', '2024-02-19']]);
    const r = dueReport(officialCalendar(), '2024-02-20', plan(false), settings);
    expect(r.overdue.map((i) => `${i.kind} ${i.due} ${i.workdays}`)).toEqual(['opinion 2024-02-19 1']);
  });
  it('is gone once the opinion (or that none came) is recorded', () => {
    expect(openDeadlines(officialCalendar(), plan(true), settings).some((x) => x.kind === 'opinion')).toBe(false);
  });
});

describe('结果运用, satisfaction and the published opinion (parsing)', () => {
  it.each([
    ['行政处罚', ['penalty']],
    ['责令整改，行政处罚', ['penalty', 'rectify']],
    ['transfer、credit', ['transfer', 'credit']],
    ['无', ['none']],
  ])('parses %s', (v, codes) => expect(parseUses(v)).toEqual(codes));
  it('refuses 无 with another use, and an unknown use naming the allowed ones', () => {
    expect(() => parseUses('无,行政处罚')).toThrow(/feedback.noneAlone/);
    expect(() => parseUses('罚款')).toThrow(/feedback.badUse/);
  });
  it('knows the card answers by code and by Chinese name', () => {
    expect([parseSatisfaction('满意'), parseSatisfaction('fair'), parseSatisfaction('不满意')]).toEqual([
      'satisfied',
      'fair',
      'unsatisfied',
    ]);
  });
  it('keeps a phone or ID number out of the published opinion, and long letters too', () => {
    expect(checkPublicOpinion(' 对检查方式提出建议 ')).toBe('对检查方式提出建议');
    expect(() => checkPublicOpinion('有事请打 138-0013-8000')).toThrow(/feedback.publicDigits/);
    expect(() => checkPublicOpinion('意'.repeat(61))).toThrow(/feedback.publicTooLong/);
  });
});

describe('ssj result feedback (in-process)', () => {
  let dir: string;
  let cleanup: () => void;
  const A = testUscc(1);
  const at = { SSJ_NOW: '2024-02-20T02:00:00Z' };
  const fb = (...args: string[]) => ssjIn(dir, ['result', 'feedback', '--plan', 'P', '--enterprise', A, ...args], at);
  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    seedDraw(join(dir, 'ssj.db'), {
      id: 'P',
      window: { start: '2024-02-01', end: '2024-02-29' },
      enterprises: [{ uscc: A, name: '甲化工有限公司' }],
    });
    const r = await ssjIn(
      dir,
      ['result', 'record', '--plan', 'P', '--enterprise', A, '--outcome', 'rectify', '--date', '2024-02-06'],
      at,
    );
    expect(r.code, r.stderr).toBe(0);
  });
  afterEach(() => cleanup());

  it('records the written feedback, lists the opinion in due until it is recorded, then stores card and uses', async () => {
    expect((await fb('--date', '2024-02-08')).code).toBe(0);
    const due = async () =>
      JSON.parse((await ssjIn(dir, ['--json', 'due', '--today', '2024-02-19'], at)).stdout) as {
        due: { kind: string; due: string }[];
      };
    expect((await due()).due.filter((i) => i.kind === 'opinion').map((i) => i.due)).toEqual(['2024-02-19']);
    const r = await fb(
      '--opinion',
      '建议提前告知资料清单',
      '--opinion-on',
      '2024-02-19',
      '--publish-opinion',
      '对检查方式提出建议',
      '--satisfaction',
      '基本满意',
      '--card-on',
      '2024-02-06',
      '--use',
      '责令整改',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).feedback).toMatchObject({
      opinion_kind: 'given',
      opinion_on: '2024-02-19',
      opinion_public: '对检查方式提出建议',
      satisfaction: 'fair',
      card_on: '2024-02-06',
      uses: 'rectify',
    });
    expect((await due()).due.some((i) => i.kind === 'opinion')).toBe(false);
    // the rows are audit-logged whole: only the seeded draw (written without ssj) is reported, not the feedback
    const v = await ssjIn(dir, ['audit', 'verify'], at);
    expect(v.stdout).not.toContain('feedback');
  });

  it('refuses an opinion before the written feedback, and a phone number for publication, changing nothing', async () => {
    const before = dumpDb(join(dir, 'ssj.db'));
    let r = await fb('--opinion', '无异议', '--opinion-on', '2024-02-08');
    expect([r.code, r.stderr]).toEqual([3, expect.stringContaining('no written feedback date yet')]);
    r = await fb('--publish-opinion', '请联系 13800138000');
    expect([r.code, r.stderr]).toEqual([3, expect.stringContaining('possibly a phone or ID number')]);
    r = await fb();
    expect(r.code).toBe(2);
    expect(dumpDb(join(dir, 'ssj.db'))).toEqual(before);
  });

  it('--opinion none: nothing came within the deadline; publishes 无意见', async () => {
    expect((await fb('--date', '2024-02-08')).code).toBe(0);
    const r = await fb('--opinion', 'none', '--json');
    expect(JSON.parse(r.stdout).feedback).toMatchObject({ opinion_kind: 'none', opinion_public: '无意见' });
  });
});
