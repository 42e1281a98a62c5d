import type { AnnualPlan } from '../domain/annual-plan.js';
import { officialDate, officialRange } from './dates.js';
import type { FormDoc } from './forms/model.js';
import { facts, html, table, type Html } from './html.js';
import { scopeText } from './announcement.js';

/**
 * The annual plan (issue 18 part 5) as published: one model for the Word form (年度抽查计划, with its 备案 line;
 * src/io/forms/docx.ts renders it) and for the site's page (annual.html). Pure.
 */

export const ANNUAL_TITLE = '年度抽查工作计划';

const whereText = (s: AnnualPlan['strata'][number]) =>
  Object.keys(s.where).length ? scopeText(s.where) : '全部检查对象';
const estimate = (n: number | null) => (n === null ? '—' : `${n}家`);

/** The Word form: title, scope, requirements, the strata table, the schedule table, estimates, 备案. */
export function annualForm(plan: AnnualPlan, office: string): FormDoc {
  return {
    file: `${plan.year}年度抽查工作计划`,
    title: plan.title,
    blocks: [
      { kind: 'title', text: plan.title },
      { kind: 'para', text: `一、抽查范围`, bold: true },
      { kind: 'para', text: plan.scope, indent: true },
      ...(plan.inspectors
        ? ([
            { kind: 'para', text: '二、对执法检查人员的要求', bold: true },
            { kind: 'para', text: plan.inspectors, indent: true },
          ] as const)
        : []),
      { kind: 'para', text: `${plan.inspectors ? '三' : '二'}、抽查比例、频次和预估数量`, bold: true },
      {
        kind: 'table',
        widths: [22, 34, 14, 14, 16],
        header: ['类别', '范围', '每次比例', '年度频次', '预估数量'],
        rows: plan.strata.map((s) => [s.name, whereText(s), s.ratio, `${s.frequency}次`, estimate(s.estimated)]),
      },
      {
        kind: 'para',
        text: `全年预计抽查企业${estimate(plan.estimated.enterprises)}，${plan.estimated.checks === null ? '' : `检查${plan.estimated.checks}家次，`}原则上同一企业一年内被抽查次数不超过规定上限。`,
        indent: true,
      },
      { kind: 'para', text: `${plan.inspectors ? '四' : '三'}、时间安排`, bold: true },
      {
        kind: 'table',
        widths: [24, 46, 30],
        header: ['阶段', '时间', '抽查类别'],
        rows: plan.schedule.map((e) => [
          e.name,
          officialRange(e.start, e.end),
          e.strata.length ? e.strata.join('、') : '全部类别',
        ]),
      },
      {
        kind: 'para',
        text: `本计划已于${officialDate(plan.filing.date)}报${plan.filing.office}备案，并向社会公开。`,
        indent: true,
      },
      { kind: 'para', text: office, align: 'right' },
    ],
  };
}

/** The site page body (annual.html): the same content as the form, as a page that stacks on a phone. */
export function annualBody(plan: AnnualPlan): Html {
  return html`<h1>${plan.title}</h1>
<p class="subtitle">${plan.year}年度</p>
${facts([
  ['抽查范围', plan.scope],
  ...(plan.inspectors ? [['对执法检查人员的要求', plan.inspectors] as const] : []),
  [
    '预估数量',
    `企业${estimate(plan.estimated.enterprises)}${plan.estimated.checks === null ? '' : `，${plan.estimated.checks}家次`}`,
  ],
  ['备案', `${officialDate(plan.filing.date)}报${plan.filing.office}备案`],
])}
<h2>抽查比例和频次</h2>
${table(
  [
    { label: '类别' },
    { label: '范围' },
    { label: '每次比例', cls: 'num' },
    { label: '年度频次', cls: 'num' },
    { label: '预估数量', cls: 'num' },
  ],
  plan.strata.map((s) => [s.name, whereText(s), s.ratio, `${s.frequency}次`, estimate(s.estimated)]),
)}
<h2>时间安排</h2>
${table(
  [{ label: '阶段' }, { label: '时间' }, { label: '抽查类别' }],
  plan.schedule.map((e) => [e.name, officialRange(e.start, e.end), e.strata.length ? e.strata.join('、') : '全部类别']),
)}`;
}
