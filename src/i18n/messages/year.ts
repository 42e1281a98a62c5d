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

  // ---------------------------------------------------------------- the enterprise's side
  'feedback.nothing': {
    zh: '没有要登记的内容：请至少给出 --date、--opinion、--publish-opinion、--satisfaction 或 --use 之一。',
    en: 'Nothing to record: give at least one of --date, --opinion, --publish-opinion, --satisfaction, --use.',
  },
  'feedback.badUse': {
    zh: '结果运用 "{value}" 无法识别：可填 {allowed}（可用逗号分隔多项）。',
    en: 'Unknown result use "{value}": use {allowed} (several separated by commas).',
  },
  'feedback.noneAlone': {
    zh: '"无" 不能与其他结果运用同时填写（{value}）。',
    en: '"none" cannot be combined with other uses ({value}).',
  },
  'feedback.badSatisfaction': {
    zh: '满意度 "{value}" 无法识别：可填 {allowed}。',
    en: 'Unknown satisfaction answer "{value}": use {allowed}.',
  },
  'feedback.emptyPublic': { zh: '--publish-opinion 不能为空。', en: '--publish-opinion cannot be empty.' },
  'feedback.publicTooLong': {
    zh: '公开的意见建议最多 {max} 个字（现有 {length} 个）：请概括为一类或一句话，企业原文留在 --opinion。',
    en: 'The published opinion has at most {max} characters (got {length}): summarise it; the full text goes in --opinion.',
  },
  'feedback.publicDigits': {
    zh: '公开的意见建议含有一长串数字（"{value}"），可能是电话或证件号码，公开文件中不得出现。请删去后重试。',
    en: 'The published opinion contains a long run of digits ("{value}"), possibly a phone or ID number, which published files never carry. Remove it.',
  },
  'feedback.emptyOpinion': {
    zh: '--opinion 不能为空（无意见请填 none）。',
    en: '--opinion cannot be empty (use none for no opinion).',
  },
  'feedback.opinionOnRequired': {
    zh: '请用 --opinion-on YYYY-MM-DD 给出收到意见的日期。',
    en: 'Give the day the opinion was received with --opinion-on YYYY-MM-DD.',
  },
  'feedback.opinionOnAlone': { zh: '--opinion-on 须与 --opinion 一起使用。', en: '--opinion-on goes with --opinion.' },
  'feedback.cardOnAlone': { zh: '--card-on 须与 --satisfaction 一起使用。', en: '--card-on goes with --satisfaction.' },
  'feedback.opinionBeforeFeedback': {
    zh: '{plan} / {uscc} 还没有书面反馈日期：企业的意见建议是对书面反馈的回应（顺城 第二十条）。请先加 --date。',
    en: '{plan} / {uscc} has no written feedback date yet: the opinion answers it (顺城 第二十条). Add --date first.',
  },
  'feedback.opinionTooEarly': {
    zh: '收到意见日期 {opinion} 早于书面反馈日期 {feedback}。',
    en: 'The opinion date {opinion} is before the written feedback on {feedback}.',
  },
  'feedback.cardTooEarly': {
    zh: '满意度反馈卡日期 {card} 早于检查日期 {check}。',
    en: 'The satisfaction card date {card} is before the check on {check}.',
  },
  'feedback.pending': { zh: '尚未收到', en: 'not yet received' },
  'feedback.opinionNone': { zh: '期限内未提出', en: 'none given' },
  'feedback.recorded': {
    zh: '已登记 {plan} / {uscc}：书面反馈 {date}；企业意见 {opinion}；公开的意见建议 {public}；满意度 {satisfaction}；结果运用 {uses}。',
    en: 'Recorded {plan} / {uscc}: written feedback {date}; opinion {opinion}; published opinion {public}; satisfaction {satisfaction}; result use {uses}.',
  },
  'due.kind.opinion': {
    zh: '企业反馈意见建议（第二十条；到期后登记）',
    en: "the enterprise's opinion (顺城 第二十条; record it)",
  },

  // ---------------------------------------------------------------- corrections with approver
  'result.approverRequired': {
    zh: '{plan} / {uscc} 的检查结果已公示：更正须经任务执行单位主要负责人签字确认（高青 9.1）。请加上 {missing}，例如 --approved-by 张三 --approved-on 2024-03-04。未做任何更改。',
    en: "The result of {plan} / {uscc} is published: a correction needs the signature of the executing unit's head (高青 9.1). Add {missing}, e.g. --approved-by 张三 --approved-on 2024-03-04. Nothing was changed.",
  },
};
