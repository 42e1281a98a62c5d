import type { Catalog } from '../types.js';

/** The whole year (issue 18): the calendar at the year end, the enterprise's side, the year report. */
export const year: Catalog = {
  // ---------------------------------------------------------------- calendar at the year end
  'calendar.incomplete': {
    zh: '节假日文件 {file} 不是 {years} 年的完整放假安排，未导入任何内容。一年的文件须包含国务院办公厅当年《关于部分节假日安排的通知》中的全部放假日（含周末）和全部调休上班日：\n{problems}',
    en: "The holidays file {file} is not the whole official arrangement for {years}; nothing was imported. A year's file must hold every day off (weekends included) and every make-up workday of that year's State Council notice (国务院办公厅关于部分节假日安排的通知):\n{problems}",
  },
  'calendar.problem.statutory-missing': {
    zh: '{year} 年{festival}：法定节假日 {dates} 不在放假日中',
    en: '{year} {festival}: the statutory holiday(s) {dates} are not listed as days off',
  },
  'calendar.problem.unbalanced': {
    zh: '{year} 年：周一至周五放假 {weekdaysOff} 天，调休上班 {makeUpDays} 天，相减应等于法定节假日 {statutory} 天（缺调休上班日或放假日？）',
    en: '{year}: {weekdaysOff} weekdays off less {makeUpDays} make-up workdays should equal the {statutory} statutory days (a make-up workday or a day off is missing?)',
  },
  'calendar.packageOld': {
    zh: 'ssj 自带的官方节假日数据（chinese-days {version}）只到 {to} 年，今年是 {year} 年。请升级 ssj，或按国务院办公厅 {year} 年节假日安排通知写好 CSV 后运行 ssj calendar import holidays-{year}.csv。',
    en: 'The official holiday data bundled with ssj (chinese-days {version}) ends with {to}, and this is {year}. Upgrade ssj, or write the State Council notice for {year} as CSV and run ssj calendar import holidays-{year}.csv.',
  },
  'calendar.dueUncovered': {
    zh: '暂无法计算（日历未覆盖 {year} 年；导入该年安排后 ssj due 会列出：ssj calendar import holidays-{year}.csv）',
    en: 'not yet countable (the calendar does not cover {year}; once imported ssj due lists it: ssj calendar import holidays-{year}.csv)',
  },
  'due.uncovered': { zh: '日历未覆盖 {year} 年', en: 'Calendar does not cover {year}' },
  'due.uncoveredHint': {
    zh: '这些期限要用到 {year} 年的工作日。请按国务院办公厅关于 {year} 年部分节假日安排的通知写好 CSV（格式见 ssj calendar --help），运行 ssj calendar import holidays-{year}.csv。',
    en: 'These deadlines need the working days of {year}. Write the State Council notice for {year} as CSV (format: ssj calendar --help) and run ssj calendar import holidays-{year}.csv.',
  },
  'due.uncoveredWarn': {
    zh: '{count} 项期限无法计算：日历未覆盖 {years} 年（见输出末尾；--strict 时以退出码 5 结束）。',
    en: '{count} deadlines cannot be counted: the calendar does not cover {years} (see the end of the output; with --strict this exits 5).',
  },
  'due.strictUncovered': {
    zh: '{count} 项期限无法计算：日历未覆盖 {years} 年。请运行 ssj calendar import holidays-{first}.csv 后重试。',
    en: '{count} deadlines cannot be counted: the calendar does not cover {years}. Run ssj calendar import holidays-{first}.csv and try again.',
  },
  'due.headerNoHorizon': {
    zh: '今天 {today}；列出已逾期和今后能计算的到期事项（{days} 个工作日的范围超出了日历）。',
    en: 'Today {today}; overdue items and every countable item from today on ({days} working days run past the calendar).',
  },
  'due.overdueUncounted': { zh: '已逾期', en: 'late' },
  'due.col.from': { zh: '起算日', en: 'from' },

  // ---------------------------------------------------------------- corrections with approver
  'result.approverRequired': {
    zh: '{plan} / {uscc} 的检查结果已公示：更正须经任务执行单位主要负责人签字确认（高青 9.1）。请加上 {missing}，例如 --approved-by 张三 --approved-on 2024-03-04。未做任何更改。',
    en: "The result of {plan} / {uscc} is published: a correction needs the signature of the executing unit's head (高青 9.1). Add {missing}, e.g. --approved-by 张三 --approved-on 2024-03-04. Nothing was changed.",
  },
};
