import { describe, expect, it } from 'vitest';
import { runPlanWizard, type WizardPrompts } from '../../src/cli/plan-wizard.js';

/** Answers the wizard's questions in order, and keeps every question and choice it was shown. */
function scripted(answers: unknown[]): WizardPrompts & { shown: string[] } {
  const shown: string[] = [];
  const next = <T>(message: string): T => {
    shown.push(message);
    if (answers.length === 0) throw new Error(`no answer left for: ${message}`);
    return answers.shift() as T;
  };
  return {
    shown,
    input: async (q) => {
      const a = next<string>(q.message);
      const ok = q.validate?.(a) ?? true;
      if (ok !== true) throw new Error(`rejected ${a}: ${ok}`);
      return a;
    },
    confirm: async (q) => next<boolean>(q.message),
    number: async (q) => next<number>(q.message),
    select: async <T extends string>(q: { message: string; choices: { name: string; value: T }[] }) => {
      shown.push(...q.choices.map((c) => c.name));
      return next<T>(q.message);
    },
  };
}

const CJK = /[\u4e00-\u9fff]/;

describe('ssj plan new (the wizard)', () => {
  it("asks in Chinese with the office's field names, and writes a plan with a stratum team (顺城 第十三条) and qualified inspectors (顺城 第十六条)", async () => {
    const prompts = scripted([
      '2025Q1',
      '2025年第一季度安全生产抽查',
      '2025-02-10',
      '2025-03-31',
      1,
      '非煤矿山',
      'industry',
      '非煤矿山',
      '10%',
      true,
      3,
      1,
      0, // stratum 1 with its own team of 3
      true,
      '一般行业',
      '',
      '5%',
      false, // stratum 2, no filter
      false, // add another stratum?
      false, // joint?
      2,
      1,
      1,
      0, // officers, specialists, experts, maxPerInspector
      true,
      'unit',
      '县应急管理局执法大队', // only inspectors of this unit
      3,
      false,
    ]);
    const plan = await runPlanWizard('zh', prompts);
    for (const q of prompts.shown) expect(q, q).toMatch(CJK);
    expect(prompts.shown).toContain('行业类别（industry）');
    expect(prompts.shown).toContain('所在单位（unit）');
    expect(plan.strata.map((s) => [s.name, s.ratio, s.team ?? null])).toEqual([
      ['非煤矿山', '10%', { officers: 3, specialists: 1, experts: 0 }],
      ['一般行业', '5%', null],
    ]);
    expect(plan.team).toMatchObject({ officers: 2, specialists: 1, experts: 1, maxPerInspector: null });
    expect(plan.inspectors.where).toEqual({ unit: ['县应急管理局执法大队'] });
    expect(plan.joint).toBeNull();
  });

  it('writes a joint plan led by the first department (高青 6.2, 8.2)', async () => {
    const prompts = scripted([
      '2025LH1',
      '联合抽查',
      '2025-04-01',
      '2025-06-30',
      4,
      '危险化学品',
      'industry',
      '危险化学品',
      '20%',
      false,
      false,
      true, // joint
      '青禾县应急管理局',
      2,
      1,
      2,
      true,
      '青禾县市场监督管理局',
      1,
      0,
      1,
      false,
      1,
      4, // experts, maxPerInspector
      false,
      false,
    ]);
    const plan = await runPlanWizard('zh', prompts);
    expect(plan.joint?.departments.map((d) => [d.name, d.officers, d.specialists, d.items])).toEqual([
      ['青禾县应急管理局', 2, 1, 2],
      ['青禾县市场监督管理局', 1, 0, 1],
    ]);
    expect(plan.team).toMatchObject({ experts: 1, maxPerInspector: 4 });
  });

  it('refuses an end date before the start, and a team of one officer is never offered (行政处罚法 第四十二条)', async () => {
    await expect(runPlanWizard('zh', scripted(['X', 'T', '2025-03-01', '2025-02-01']))).rejects.toThrow(/不能早于/);
    const prompts = scripted([
      'Y',
      'T',
      '2025-02-10',
      '2025-03-31',
      1,
      '全部',
      '',
      '5%',
      false,
      false,
      false,
      2,
      0,
      0,
      0,
      false,
      3,
      false,
    ]);
    const numbers: { message: string; min?: number }[] = [];
    const number = prompts.number;
    prompts.number = async (q) => {
      numbers.push(q);
      return number(q);
    };
    await runPlanWizard('zh', prompts);
    expect(numbers.find((q) => q.message.startsWith('每组执法人员数'))?.min).toBe(2);
  });

  it('asks in English when the language is en', async () => {
    const prompts = scripted([
      'E1',
      'Title',
      '2025-02-10',
      '2025-03-31',
      1,
      'all',
      '',
      '5%',
      false,
      false,
      false,
      2,
      0,
      0,
      0,
      false,
      3,
      false,
    ]);
    await runPlanWizard('en', prompts);
    expect(prompts.shown.filter((q) => CJK.test(q) && !/重点行业/.test(q))).toEqual([]);
  });
});
