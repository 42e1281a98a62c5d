import type { Catalog } from '../types.js';

/** The annual plan (issue 18 part 5) and corrections of a published result's feedback (issue 18, 高青 9.1). */
export const annual: Catalog = {
  'feedback.publishedChange': {
    zh: '{plan} {uscc} 的检查结果已于 {published} 公示，已登记的 {fields} 不得擅自更改（高青 9.1）。确需更正时，请同时给出 --reason 原因、--approved-by 签字确认的任务执行单位主要负责人和 --approved-on 签字日期。',
    en: 'The result of {plan} {uscc} was published on {published}; the recorded {fields} may not be changed silently (高青 9.1). To correct it, give --reason, --approved-by (the head of the executing unit who signed) and --approved-on together.',
  },
  'feedback.correctionNotNeeded': {
    zh: '{plan} {uscc}：没有需要更正的已公示内容（结果未公示，或只是补登尚未登记的内容），请去掉 --reason/--approved-by/--approved-on。',
    en: '{plan} {uscc}: nothing published is being changed (the result is not published, or only new values are added); leave out --reason/--approved-by/--approved-on.',
  },
  'feedback.correctionIncomplete': {
    zh: '更正须同时给出 --reason、--approved-by 和 --approved-on（高青 9.1）',
    en: 'A correction needs --reason, --approved-by and --approved-on together (高青 9.1)',
  },
  'feedback.correctionEmpty': { zh: '{field} 不能为空', en: '{field} must not be empty' },
  // ---------------------------------------------------------------- the annual plan file
  'annual.invalid': {
    zh: (p) =>
      `年度计划文件 ${p.file} 有 ${(p.problems as string[]).length} 处问题，未记录：\n${(p.problems as string[]).map((x) => `  - ${x}`).join('\n')}\n格式见 ssj plan annual --help。`,
    en: (p) =>
      `The annual plan file ${p.file} has ${(p.problems as string[]).length} problem(s); nothing was recorded:\n${(p.problems as string[]).map((x) => `  - ${x}`).join('\n')}\nThe format is in ssj plan annual --help.`,
  },
  'annual.badJson': {
    zh: '年度计划文件 {file} 不是有效的 JSON：{reason}',
    en: 'The annual plan file {file} is not valid JSON: {reason}',
  },
  'annual.notObject': { zh: '应为 JSON 对象 {…}', en: 'must be a JSON object {…}' },
  'annual.badYear': {
    zh: '年份应为四位整数，如 2025（收到 {value}）',
    en: 'the year must be a four-digit number such as 2025 (got {value})',
  },
  'annual.required': { zh: '必须填写 {field}', en: '{field} is required' },
  'annual.badText': { zh: '应为文字', en: 'must be text' },
  'annual.noStrata': {
    zh: '至少需要一个抽查类别（strata），写明名称、范围、比例和频次',
    en: 'at least one stratum is needed (strata: name, where, ratio, frequency)',
  },
  'annual.duplicateStratum': { zh: '类别名称 {name} 重复', en: 'the stratum name {name} is used twice' },
  'annual.badList': { zh: '应为文字或文字列表', en: 'must be text or a list of texts' },
  'annual.badRatio': {
    zh: '比例 "{value}" 无效：写作 "20%"、"0.2" 或 "1/5"，不超过 100%',
    en: 'ratio "{value}" is not valid: write "20%", "0.2" or "1/5", at most 100%',
  },
  'annual.badFrequency': {
    zh: '年度频次应为 1 到 12 的整数（收到 {value}）',
    en: 'frequency must be a whole number from 1 to 12 (got {value})',
  },
  'annual.badCount': {
    zh: '预估数量应为非负整数（收到 {value}）',
    en: 'an estimate must be a whole number ≥ 0 (got {value})',
  },
  'annual.noSchedule': {
    zh: '至少需要一个时间安排（schedule：name、start、end）',
    en: 'at least one schedule entry is needed (schedule: name, start, end)',
  },
  'annual.badDate': { zh: '日期 "{value}" 无效，应为 YYYY-MM-DD', en: 'date "{value}" is not valid: use YYYY-MM-DD' },
  'annual.dateOutsideYear': { zh: '日期 {value} 不在 {year} 年内', en: 'the date {value} is not in {year}' },
  'annual.startAfterEnd': { zh: '开始日期 {start} 晚于结束日期 {end}', en: 'start {start} is after end {end}' },
  'annual.unknownStratum': {
    zh: '类别 "{value}" 不在 strata 中（已有：{known}）',
    en: 'stratum "{value}" is not one of the strata ({known})',
  },
  'annual.noFiling': {
    zh: '必须写明备案情况：filing.date（备案日期）和 filing.office（备案机关，高青 6.1：同级市场监管部门）',
    en: 'the filing is required: filing.date and filing.office (高青 6.1: the market regulator of the same level)',
  },
  'annual.yearMismatch': {
    zh: '命令中的年份 {year} 与文件中的 year {file} 不一致',
    en: "the year {year} on the command line differs from the file's year {file}",
  },
  'annual.replaceNeedsReason': {
    zh: '{year} 年度计划已于 {at} 记录。调整年度计划请用 --reason 写明原因（高青 6.1：根据工作实际进行动态调整）。',
    en: 'The annual plan of {year} was recorded at {at}. To adjust it, give the reason with --reason (高青 6.1).',
  },
  'annual.reasonWithoutReplace': {
    zh: '{year} 年还没有年度计划，不需要 --reason',
    en: 'There is no annual plan for {year} yet; --reason is only for replacing one',
  },
  'annual.recorded': {
    zh: '已记录 {year} 年度抽查计划《{title}》：{strata}；{periods} 个时间段；{filed} 报 {office} 备案。',
    en: 'Recorded the annual plan of {year} "{title}": {strata}; {periods} period(s); filed with {office} on {filed}.',
  },
  'annual.replaced': {
    zh: '已调整 {year} 年度抽查计划《{title}》：{strata}；{periods} 个时间段；{filed} 报 {office} 备案。',
    en: 'Replaced the annual plan of {year} "{title}": {strata}; {periods} period(s); filed with {office} on {filed}.',
  },
  'annual.notFound': {
    zh: '{year} 年没有年度抽查计划：先运行 ssj plan annual {year} 文件.json',
    en: 'There is no annual plan for {year}: run ssj plan annual {year} FILE.json first',
  },
  // ---------------------------------------------------------------- a draw plan against the annual plan
  'annual.outsideSchedule': {
    zh: '计划 {plan} 的检查时间 {start} 至 {end} 不在年度计划的任何时间段内（{schedule}）',
    en: 'plan {plan} runs {start} to {end}, outside every period of the annual plan ({schedule})',
  },
  'annual.planStratumUnknown': {
    zh: '计划 {plan} 的抽取层 "{stratum}" 不在年度计划中（年度计划的类别：{known}）',
    en: 'plan {plan}: stratum "{stratum}" is not in the annual plan (its strata: {known})',
  },
  'annual.otherRatio': {
    zh: '计划 {plan} 的“{stratum}”比例为 {ratio}，年度计划为 {annual}',
    en: 'plan {plan}: "{stratum}" draws {ratio}, the annual plan says {annual}',
  },
  'annual.stratumNotScheduled': {
    zh: '计划 {plan} 的“{stratum}”不在其所在时间段的安排中',
    en: 'plan {plan}: "{stratum}" is not scheduled in its period',
  },
  'annual.overFrequency': {
    zh: '计划 {plan}：“{stratum}”本年度将是第 {draws} 次抽取，年度计划为 {frequency} 次',
    en: 'plan {plan}: this is draw {draws} of "{stratum}" this year; the annual plan says {frequency}',
  },
};
