import { describe, expect, it } from 'vitest';
import { dueReport, openDeadlines, type DeadlineSettings, type PlanState } from '../../src/core/deadlines.js';
import { officialCalendar } from '../../src/io/calendar.js';

const cal = officialCalendar();
/** The defaults of src/db/settings.ts: 顺城 第十七、十八、二十一条 and 高青 9.1, 9.2. */
const settings: DeadlineSettings = {
  reportDays: 5,
  feedbackDays: 5,
  resultDays: 20,
  monthlyDays: 5,
  objectionReviewDays: 20,
  objectionAnswerDays: 15,
};

const result = (
  checkDate: string,
  reportDate: string | null = null,
  feedbackDate: string | null = null,
  publishedAt: string | null = null,
) => ({
  checkDate,
  reportDate,
  feedbackDate,
  publishedAt,
  // The enterprise's opinion after the feedback (顺城 第二十条) is counted in test/unit/feedback.test.ts.
  opinionRecorded: true,
});

/** Spring Festival 2024 (02-10..17 off, Sundays 02-04 and 02-18 worked) lies inside every count below. */
const plans: PlanState[] = [
  {
    planId: 'P1',
    windowEnd: '2024-02-09',
    resultDays: null,
    enterprises: [
      { uscc: 'E1', name: '甲', result: result('2024-02-08') },
      { uscc: 'E2', name: '乙', result: result('2024-01-25', '2024-01-30') },
      { uscc: 'E3', name: '丙', result: null },
      { uscc: 'E4', name: '丁', result: result('2024-01-10', '2024-01-12', '2024-01-15', '2024-01-20T00:00:00.000Z') },
    ],
    objections: [
      { id: 1, uscc: 'E4', name: '丁', received: '2024-01-22', reviewedAt: null, answeredAt: null },
      { id: 2, uscc: 'E4', name: '丁', received: '2024-01-22', reviewedAt: '2024-02-01', answeredAt: null },
      { id: 3, uscc: 'E4', name: '丁', received: '2024-01-22', reviewedAt: '2024-02-01', answeredAt: '2024-02-02' },
    ],
  },
  {
    planId: 'P2',
    windowEnd: '2024-03-31',
    resultDays: 7, // 冷水滩 第十七条: the plan overrides the office's 20
    enterprises: [{ uscc: 'E5', name: '戊', result: result('2024-02-08') }],
    objections: [],
  },
];

describe('deadlines across Spring Festival 2024', () => {
  it('computes each open deadline with the make-up Sundays counted as working days', () => {
    const all = openDeadlines(cal, plans, settings).map(
      (d) => `${d.kind} ${d.planId ?? '*'} ${d.uscc ?? d.month} ${d.due}`,
    );
    expect(all.sort()).toEqual(
      [
        'feedback P1 E1 2024-02-28', // from the report deadline 02-21: 22, 23, 26, 27, 28
        'feedback P1 E2 2024-02-05', // report 01-30: 31, 02-01, 02-02, 02-04 (Sun, worked), 02-05
        'feedback P2 E5 2024-02-28',
        'monthly * 2024-02 2024-03-07', // March: 01, 04, 05, 06, 07; both plans checked in February
        'monthly P1 2024-01 2024-02-06', // February: 01, 02, 04 (Sun, worked), 05, 06
        'objection-answer P1 E4 2024-02-27', // reviewed 02-01 + 15
        'objection-review P1 E4 2024-02-22', // received 01-22 + 20
        'publication P1 E1 2024-03-13', // 02-08 + 20
        'publication P1 E2 2024-02-27', // 01-25 + 20
        'publication P2 E5 2024-02-23', // 02-08 + 7: 09, 18 (Sun, worked), 19, 20, 21, 22, 23
        'report P1 E1 2024-02-21', // 02-09, 02-18, 19, 20, 21
        'report P2 E5 2024-02-21',
        'result-missing P1 E3 2024-02-09',
      ].sort(),
    );
  });

  it('lists what is overdue and what falls due within 5 working days, soonest first', () => {
    const r = dueReport(cal, '2024-02-19', plans, settings, 5);
    expect(r.horizon).toBe('2024-02-26'); // 20, 21, 22, 23, 26
    expect(r.overdue.map((i) => [i.kind, i.uscc ?? i.month, i.due, i.workdays])).toEqual([
      ['feedback', 'E2', '2024-02-05', 6], // 06, 07, 08, 09, 18, 19
      ['monthly', '2024-01', '2024-02-06', 5],
      ['result-missing', 'E3', '2024-02-09', 2], // 18, 19
    ]);
    expect(r.due.map((i) => [i.kind, i.planId, i.uscc, i.due, i.workdays])).toEqual([
      ['report', 'P1', 'E1', '2024-02-21', 2],
      ['report', 'P2', 'E5', '2024-02-21', 2],
      ['objection-review', 'P1', 'E4', '2024-02-22', 3],
      ['publication', 'P2', 'E5', '2024-02-23', 4],
    ]);
    expect(r.overdue.every((i) => i.status === 'overdue') && r.due.every((i) => i.status === 'due')).toBe(true);
    expect(r.overdue[1]).toMatchObject({ month: '2024-01', pending: 1, planId: 'P1' });
  });

  it('drops what is done: a recorded report, feedback and publication', () => {
    const done: PlanState[] = [
      {
        ...plans[0]!,
        windowEnd: null,
        objections: [],
        enterprises: [
          { uscc: 'E1', name: '甲', result: result('2024-02-08', '2024-02-19', '2024-02-20', '2024-02-21T08:00:00Z') },
        ],
      },
    ];
    expect(openDeadlines(cal, done, settings)).toEqual([]);
  });

  it('counts a deadline due today as due, with 0 working days left', () => {
    const r = dueReport(cal, '2024-02-21', plans, settings, 5);
    expect(r.due.find((i) => i.kind === 'report' && i.uscc === 'E1')).toMatchObject({ status: 'due', workdays: 0 });
  });
});

describe('deadlines across National Day 2024', () => {
  it('counts the make-up Sunday 09-29 and Saturday 10-12', () => {
    const p: PlanState = {
      planId: 'Q3',
      windowEnd: null,
      resultDays: null,
      objections: [],
      enterprises: [{ uscc: 'E', name: '', result: result('2024-09-27') }],
    };
    const d = Object.fromEntries(openDeadlines(cal, [p], settings).map((x) => [x.kind, x.due]));
    // report: 09-29 (Sun), 09-30, 10-08, 10-09, 10-10; feedback: 10-11, 10-12 (Sat), 10-14, 10-15, 10-16
    expect(d).toMatchObject({ report: '2024-10-10', feedback: '2024-10-16', monthly: '2024-10-12' });
  });
});
