import type { Catalog } from '../types.js';

/** `ssj report --year` (issue 18 part 6): the year in numbers. */
export const report: Catalog = {
  'report.badYear': {
    zh: '--year 应为四位年份，如 2024（收到 “{value}”）',
    en: '--year must be a four-digit year such as 2024 (got "{value}")',
  },
  'report.xlsxNeedsOut': {
    zh: '.xlsx 是二进制文件，不能输出到终端：请加 --out 文件名.xlsx',
    en: 'An .xlsx workbook is binary and cannot go to the terminal: add --out FILE.xlsx',
  },
  'report.textToTerminal': {
    zh: '文本报告只输出到终端；写文件请用 --format html、json 或 xlsx',
    en: 'The text report goes to the terminal only; to write a file use --format html, json or xlsx',
  },
  'report.header': {
    zh: '{year} 年度抽查统计（{office}，统计截至 {today}）',
    en: 'The year {year} in numbers ({office}, as of {today})',
  },
  'report.totals': {
    zh: '在册检查对象 {enterprises} 家；本级抽查覆盖 {own} 家（{share}），含上级检查 {any} 家；{plans} 个计划 {draws} 次有效抽取（作废 {voids} 次）；检查组席位 {seats} 个；结果已登记 {results} 条，已公开 {published} 条。',
    en: '{enterprises} enterprises on the list; {own} checked by own draws ({share}), {any} counting the higher level; {plans} plans, {draws} valid draws ({voids} void); {seats} team seats; {results} results recorded, {published} published.',
  },
  'report.withheld': {
    zh: '暗查暗访计划 {plan} 在 {until} 前不公开，已计入本报告（网站页面不含）。',
    en: 'Unannounced plan {plan} is not public before {until}; counted here (left out of the site page).',
  },
  'report.coverageStratum': { zh: '覆盖率（按抽取层）', en: 'Coverage by stratum' },
  'report.coverageIndustry': { zh: '覆盖率（按行业）', en: 'Coverage by industry' },
  'report.coverageRegion': { zh: '覆盖率（按区域）', en: 'Coverage by region' },
  'report.never': {
    zh: '{from}–{to} 年均未被检查的在册企业：{count} 家（名单见 --format xlsx 或 html）',
    en: 'Enterprises not checked at all in {from}–{to}: {count} (listed in --format xlsx or html)',
  },
  'report.repeats': {
    zh: '重复检查（国办发〔2024〕54号）：{count} 家企业本年度被检查两次及以上或超过上限，其中超过年度上限 {over} 家',
    en: 'Repeat checks (国办发〔2024〕54号): {count} enterprises checked twice or more or over the cap, {over} of them over the yearly cap',
  },
  'report.col.enterprise': { zh: '企业', en: 'Enterprise' },
  'report.col.checks': { zh: '次数', en: 'Checks' },
  'report.col.cap': { zh: '上限', en: 'Cap' },
  'report.col.warning': { zh: '提示', en: 'Warning' },
  'report.col.rows': { zh: '检查记录', en: 'Rows behind it' },
  'report.overCap': { zh: '超过年度上限', en: 'over the cap' },
  'report.repeat': { zh: '重复检查', en: 'repeat' },
  'report.byDraw': { zh: '本级抽查 {plan}（抽取 {draw}）', en: 'drawn in {plan} (draw {draw})' },
  'report.workload': {
    zh: '执法检查人员工作量：{seats} 个席位，{people} 人，{idle} 人未被选派',
    en: 'Inspector workload: {seats} seats, {people} people, {idle} never went',
  },
  'report.spread': {
    zh: '执法人员人均 {mean} 次，最少 {min}，最多 {max}，标准差 {sd}',
    en: 'Officers: mean {mean} seats, min {min}, max {max}, standard deviation {sd}',
  },
  'report.idle': { zh: '未被选派：{names}', en: 'Never went: {names}' },
  'report.publishing': {
    zh: '结果公开时效（高青 9.1）：检查到公开用时中位数 {median} 个工作日，最长 {longest} 个工作日',
    en: 'Time to publish results (高青 9.1): median {median} working days from the check, longest {longest}',
  },
  'report.publish.on-time': { zh: '按期公开', en: 'on time' },
  'report.publish.late': { zh: '逾期公开', en: 'published late' },
  'report.publish.overdue': { zh: '逾期未公开', en: 'overdue, not published' },
  'report.publish.pending': { zh: '未到期未公开', en: 'not due yet' },
  'report.publish.uncounted': { zh: '日历未覆盖', en: 'calendar does not cover' },
  'report.objections': {
    zh: '异议 {count} 件（已复核 {reviewed}，已答复 {answered}）；更正 {corrections} 次，其中负责人签字确认 {approved} 次',
    en: 'Objections: {count} ({reviewed} reviewed, {answered} answered); corrections: {corrections}, {approved} with the approver recorded',
  },
  'report.probabilities': {
    zh: '各次抽取的入选概率 n/对象库（实际 = 回避、替补后的名单）',
    en: "Each draw's chance of selection n/pool per stratum (observed = the selection after events)",
  },
  'report.draw': { zh: '{plan}（抽取 {draw}，{on}）{void}', en: '{plan} (draw {draw}, {on}){void}' },
  'report.observed': {
    zh: '实际抽中 {selected}，备选 {reserve}，被替补 {replaced}',
    en: 'observed {selected} selected, {reserve} reserves, {replaced} replaced',
  },
  'report.more': {
    zh: '完整名单和图表：ssj report --year {year} --out 统计.xlsx（或 --format html）；网站：ssj export site --year {year}',
    en: 'Every row and the charts: ssj report --year {year} --out report.xlsx (or --format html); website: ssj export site --year {year}',
  },
  'report.annual': {
    zh: '年度计划执行情况：预估抽查企业 {planned} 家、{plannedChecks} 家次，实际 {done} 家、{doneChecks} 家次',
    en: 'Annual plan against the year: {planned} enterprises and {plannedChecks} checks estimated, {done} and {doneChecks} done',
  },
  'report.col.stratum': { zh: '类别', en: 'Stratum' },
  'report.col.ratio': { zh: '计划比例', en: 'Planned ratio' },
  'report.col.frequency': { zh: '计划频次', en: 'Planned draws' },
  'report.col.draws': { zh: '实际抽取', en: 'Draws' },
  'report.col.estimated': { zh: '预估', en: 'Estimated' },
  'report.col.checked': { zh: '实际企业', en: 'Checked' },
  'report.outsideSchedule': {
    zh: '不在年度计划时间安排内的抽取：{plans}',
    en: 'Drawn outside every period of the annual plan: {plans}',
  },
};
