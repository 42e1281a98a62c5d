import type { Catalog } from '../types.js';

/** Results, corrections, objections, deadlines and the working-day calendar (issue 7). */
export const results: Catalog = {
  // ---------------------------------------------------------------- calendar
  'calendar.notCovered': {
    zh: '无法按工作日计算 {date}：工作日历只包含 {from}–{to} 年的官方放假安排（国务院办公厅节假日通知），{year} 年不在其中。请把该年的放假日和调休上班日写成 CSV（列：date,kind,name；kind 填 放假 或 调休上班，也可填 holiday、workday），用 ssj calendar import FILE 导入，或在 ssj due 后加 --holidays FILE。',
    en: "Cannot count working days at {date}: the working-day calendar holds the official holiday arrangements for {from}–{to} only, not {year}. Write that year's holidays and make-up workdays as CSV (columns date,kind,name; kind holiday or workday) and run ssj calendar import FILE, or pass --holidays FILE to ssj due.",
  },
  'calendar.badCount': {
    zh: '工作日天数必须是整数（收到 {value}）。',
    en: 'A number of working days must be an integer (got {value}).',
  },
  'calendar.badKind': {
    zh: '类型 "{value}" 无法识别：请填 放假 或 调休上班（也可填 holiday、workday）。',
    en: 'Unknown kind "{value}": use holiday (day off) or workday (make-up working day).',
  },
  'calendar.duplicateDate': {
    zh: '日期 {value} 在文件中重复出现（第 {first} 行已有）。',
    en: 'The date {value} appears twice in the file (already on line {first}).',
  },
  'calendar.fileInvalid': {
    zh: '节假日文件 {file} 有 {count} 行错误，未使用其中任何内容。请修改后重新运行：\n{rows}',
    en: 'The holidays file {file} has {count} bad rows; none of it was used. Fix them and run again:\n{rows}',
  },
  'calendar.imported': {
    zh: '已导入 {file}：新增 {inserted} 天，更新 {updated} 天，未变 {unchanged} 天。工作日历现覆盖 {from}–{to} 年。',
    en: 'Imported {file}: {inserted} days added, {updated} updated, {unchanged} unchanged. The calendar now covers {from}–{to}.',
  },
  'calendar.coverage': {
    zh: '工作日历覆盖 {from}–{to} 年（官方数据：{source}）。',
    en: 'The working-day calendar covers {from}–{to} (official data: {source}).',
  },
  'calendar.kind.holiday': { zh: '放假', en: 'holiday' },
  'calendar.kind.workday': { zh: '调休上班', en: 'make-up workday' },
  'calendar.source.official': { zh: '官方', en: 'official' },
  'calendar.source.office': { zh: '本单位', en: 'office' },

  // ---------------------------------------------------------------- results
  'result.unknownOutcome': {
    zh: '检查结果 "{value}" 无法识别。请填以下之一（代码或中文均可）：{valid}',
    en: 'Unknown outcome "{value}". Use one of these (code or Chinese name): {valid}',
  },
  'result.unknownFollowUp': {
    zh: '后续处置 "{value}" 无法识别。请填以下之一（代码或中文均可）：{valid}',
    en: 'Unknown follow-up action "{value}". Use one of these (code or Chinese name): {valid}',
  },
  'result.planNotFound': {
    zh: '找不到抽查计划 {plan}。请用 ssj plan list 查看已有计划。',
    en: 'No plan {plan}. See the plans with ssj plan list.',
  },
  'result.planNotDrawn': {
    zh: '计划 {plan} 尚未抽取（或抽取已作废），还没有被抽中的企业，不能登记结果。请先运行 ssj draw --plan {plan}。',
    en: 'Plan {plan} has not been drawn (or its draw was voided), so no enterprise is selected and no result can be recorded. Run ssj draw --plan {plan} first.',
  },
  'result.badUscc': {
    zh: (p) =>
      `统一社会信用代码 ${p.uscc} 无效：${({ length: '不是 18 位', charset: '含有代码中不允许的字符（I、O、S、V、Z 等）', check: '校验位不符' } as Record<string, string>)[String(p.problem)] ?? p.problem}。请核对代码。`,
    en: (p) =>
      `The USCC ${p.uscc} is not valid: ${({ length: 'not 18 characters', charset: 'it has characters a USCC never uses (I, O, S, V, Z...)', check: 'the check character does not match' } as Record<string, string>)[String(p.problem)] ?? p.problem}. Check the code.`,
  },
  'result.notInDraw': {
    zh: '企业 {uscc} 不在计划 {plan} 的抽取结果中。请核对该计划抽中名单（selection.csv）中的代码。',
    en: 'The enterprise {uscc} is not in the draw of plan {plan}. Check the code against the selection of the plan (selection.csv).',
  },
  'result.notSelected': {
    zh: (p) =>
      `企业 ${p.uscc}（${p.name}）在计划 ${p.plan} 中是${({ reserve: '备选企业', replaced: '已被替换的企业' } as Record<string, string>)[String(p.role)] ?? String(p.role)}，不是被抽中的检查对象，不能登记结果。`,
    en: 'The enterprise {uscc} ({name}) is a {role} in plan {plan}, not a selected one, so it cannot have a result.',
  },
  'result.notRecorded': {
    zh: '计划 {plan} 中企业 {uscc} 还没有登记检查结果。请先运行 ssj result record。',
    en: 'No result is recorded for {uscc} in plan {plan}. Record it first with ssj result record.',
  },
  'result.published': {
    zh: '计划 {plan} 中企业 {uscc} 的检查结果已于 {at} 公示，不能修改（高青 9.1）。如确有错误，请用 ssj result correct --plan {plan} --enterprise {uscc} --outcome … --reason "…" 登记更正，原结果会一并保留。',
    en: 'The result for {uscc} in plan {plan} was published at {at} and cannot be edited (高青 9.1). If it is wrong, record a correction with ssj result correct --plan {plan} --enterprise {uscc} --outcome … --reason "…"; the original is kept beside it.',
  },
  'result.correctUnpublished': {
    zh: '计划 {plan} 中企业 {uscc} 的检查结果尚未公示，无需更正：直接用 ssj result record 重新登记即可。',
    en: 'The result for {uscc} in plan {plan} is not published yet, so it needs no correction: record it again with ssj result record.',
  },
  'result.processDatePublished': {
    zh: '计划 {plan} 中企业 {uscc} 的结果已公示，{field} 已登记为 {current}，不能再改。',
    en: 'The result for {uscc} in plan {plan} is published and its {field} is already {current}; it cannot be changed.',
  },
  'result.reportBeforeCheck': {
    zh: '报告日期 {report} 早于检查日期 {check}。请核对日期。',
    en: 'The report date {report} is before the check date {check}. Check the dates.',
  },
  'result.feedbackTooEarly': {
    zh: '反馈日期 {feedback} 早于 {after}（报告或检查日期）。请核对日期。',
    en: 'The feedback date {feedback} is before {after} (the report or check date). Check the dates.',
  },
  'result.reasonRequired': {
    zh: '更正必须说明原因：请加 --reason "…"。',
    en: 'A correction needs a reason: add --reason "…".',
  },
  'result.recorded': {
    zh: '已登记 {plan} / {uscc}（{name}）：{outcome}，检查日期 {date}。',
    en: 'Recorded {plan} / {uscc} ({name}): {outcome}, checked {date}.',
  },
  'result.updated': {
    zh: '已更新（尚未公示的）结果 {plan} / {uscc}（{name}）：{outcome}，检查日期 {date}。',
    en: 'Updated the unpublished result {plan} / {uscc} ({name}): {outcome}, checked {date}.',
  },
  'result.dateSet': {
    zh: '已登记 {plan} / {uscc} 的{what}：{date}。',
    en: 'Recorded the {what} of {plan} / {uscc}: {date}.',
  },
  'result.what.report_date': { zh: '报告完成日期', en: 'report date' },
  'result.what.feedback_date': { zh: '结果反馈日期', en: 'feedback date' },
  'result.publishedCount': {
    zh: '计划 {plan}：已公示 {results} 条结果、{corrections} 条更正（公示时间 {at}）。',
    en: 'Plan {plan}: published {results} results and {corrections} corrections (at {at}).',
  },
  'result.nothingToPublish': {
    zh: '计划 {plan} 没有待公示的结果或更正。',
    en: 'Plan {plan} has no unpublished results or corrections.',
  },
  'result.corrected': {
    zh: '已登记更正 {plan} / {uscc}：{from} → {to}。原结果保留；更正将在下次 ssj result publish --plan {plan} 时公示。',
    en: 'Recorded a correction for {plan} / {uscc}: {from} → {to}. The original is kept; the correction is published with the next ssj result publish --plan {plan}.',
  },
  'result.importInvalid': {
    zh: '结果文件 {file} 有 {count} 行错误，未导入任何内容。请修改后重新运行：\n{rows}',
    en: 'The results file {file} has {count} bad rows; nothing was imported. Fix them and run again:\n{rows}',
  },
  'result.rowProblem': { zh: '第 {line} 行，{field}：{reason}', en: 'line {line}, {field}: {reason}' },
  'result.unknownColumns': {
    zh: '{file} 中的列 {columns} 无法识别，已忽略。',
    en: 'Ignored the unknown columns {columns} in {file}.',
  },
  'result.missingColumns': {
    zh: '{file} 缺少必需的列：{columns}（文件中的列：{found}）。请在第一行加上这些列名。',
    en: '{file} lacks the required columns {columns} (its columns: {found}). Add them to the header row.',
  },
  'result.imported': {
    zh: '已导入 {file}：新增 {inserted} 条结果，更新 {updated} 条，未变 {unchanged} 条。',
    en: 'Imported {file}: {inserted} results added, {updated} updated, {unchanged} unchanged.',
  },
  'result.duplicateRow': {
    zh: '计划 {plan} 的企业 {uscc} 在文件中重复（第 {first} 行已有）。',
    en: 'Plan {plan}, enterprise {uscc} appears twice in the file (already on line {first}).',
  },
  'result.required': { zh: '必填字段为空。', en: 'This field is required.' },
  'result.none': { zh: '没有检查结果。', en: 'No results.' },
  'result.correctedNote': { zh: '已更正，原结果：{outcome}', en: 'corrected; original: {outcome}' },
  'result.unpublished': { zh: '未公示', en: 'not published' },
  'result.correctionUnpublished': { zh: '{at}（更正未公示）', en: '{at} (correction not published)' },

  // ---------------------------------------------------------------- objections
  'objection.unknownDecision': {
    zh: '复核结论 "{value}" 无法识别。请填以下之一：{valid}',
    en: 'Unknown decision "{value}". Use one of: {valid}',
  },
  'objection.notFound': {
    zh: '找不到编号为 {id} 的异议。请用 ssj objection list 查看。',
    en: 'No objection number {id}. See them with ssj objection list.',
  },
  'objection.badId': {
    zh: '异议编号 "{value}" 应为正整数。',
    en: 'The objection number "{value}" must be a positive integer.',
  },
  'objection.alreadyResolved': {
    zh: '异议 {id} 已于 {date} 复核（结论：{decision}），不能再次复核。',
    en: 'Objection {id} was already reviewed on {date} (decision: {decision}); it cannot be reviewed again.',
  },
  'objection.alreadyAnswered': {
    zh: '异议 {id} 已于 {date} 反馈给企业。',
    en: 'Objection {id} was already answered on {date}.',
  },
  'objection.notReviewed': {
    zh: '异议 {id} 尚未复核。请先运行 ssj objection resolve {id} --decision … --text "…" --date YYYY-MM-DD。',
    en: 'Objection {id} has not been reviewed yet. Run ssj objection resolve {id} --decision … --text "…" --date YYYY-MM-DD first.',
  },
  'objection.reviewBeforeReceipt': {
    zh: '复核日期 {reviewed} 早于收到日期 {received}。',
    en: 'The review date {reviewed} is before the date received {received}.',
  },
  'objection.answerBeforeReview': {
    zh: '反馈日期 {answered} 早于复核日期 {reviewed}。',
    en: 'The answer date {answered} is before the review date {reviewed}.',
  },
  'objection.added': {
    zh: '已登记异议 {id}（{plan} / {uscc}），收到日期 {received}。复核期限：{reviewDue}（{days} 个工作日，高青 9.2）。',
    en: 'Recorded objection {id} ({plan} / {uscc}), received {received}. Review due by {reviewDue} ({days} working days, 高青 9.2).',
  },
  'objection.resolved': {
    zh: '异议 {id} 已复核：{decision}（{date}）。',
    en: 'Objection {id} reviewed: {decision} ({date}).',
  },
  'objection.answerDue': {
    zh: '请在 {due} 前把复核情况反馈给企业（{days} 个工作日），然后运行 ssj objection answer {id} --date YYYY-MM-DD。',
    en: 'Tell the enterprise by {due} ({days} working days), then run ssj objection answer {id} --date YYYY-MM-DD.',
  },
  'objection.answered': { zh: '异议 {id} 的复核情况已于 {date} 反馈企业。', en: 'Objection {id} answered on {date}.' },
  'objection.upheldRemind': {
    zh: '异议（部分）成立：请用 ssj result correct --plan {plan} --enterprise {uscc} --outcome … --reason "异议 {id} 复核更正" 登记更正结果（高青 9.2）。',
    en: 'Objection (partly) upheld: record the corrected result with ssj result correct --plan {plan} --enterprise {uscc} --outcome … --reason "objection {id}" (高青 9.2).',
  },
  'objection.none': { zh: '没有异议。', en: 'No objections.' },

  // ---------------------------------------------------------------- due
  'due.header': {
    zh: '今天 {today}；列出已逾期和 {horizon}（{days} 个工作日）内到期的事项。',
    en: 'Today {today}; overdue items and items due by {horizon} ({days} working days).',
  },
  'due.overdue': { zh: '已逾期', en: 'Overdue' },
  'due.soon': { zh: '即将到期', en: 'Due soon' },
  'due.nothing': { zh: '没有逾期或即将到期的事项。', en: 'Nothing overdue or due soon.' },
  'due.overdueBy': { zh: '逾期 {n} 个工作日', en: '{n} working days late' },
  'due.left': { zh: '剩 {n} 个工作日', en: '{n} working days left' },
  'due.today': { zh: '今天到期', en: 'due today' },
  'due.kind.result-missing': { zh: '登记检查结果（抽查时段已结束）', en: 'record the check result (window ended)' },
  'due.kind.report': { zh: '完成检查报告', en: 'complete the report' },
  'due.kind.feedback': { zh: '向企业反馈检查结果', en: 'give feedback to the enterprise' },
  'due.kind.publication': { zh: '公示检查结果', en: 'publish the result' },
  'due.kind.monthly': {
    zh: '公开 {month} 的抽查结果（{pending} 条未公示）',
    en: 'publish the list for {month} ({pending} unpublished)',
  },
  'due.kind.objection-review': { zh: '复核异议 {id}', en: 'review objection {id}' },
  'due.kind.objection-answer': { zh: '反馈异议 {id} 的复核情况', en: 'answer objection {id}' },
  'due.col.due': { zh: '期限', en: 'due' },
  'due.col.what': { zh: '事项', en: 'what' },
  'due.col.plan': { zh: '计划', en: 'plan' },
  'due.col.enterprise': { zh: '企业', en: 'enterprise' },
  'due.col.state': { zh: '状态', en: 'state' },

  // ---------------------------------------------------------------- list columns
  'result.col.plan': { zh: '计划', en: 'plan' },
  'result.col.uscc': { zh: '统一社会信用代码', en: 'USCC' },
  'result.col.name': { zh: '名称', en: 'name' },
  'result.col.date': { zh: '检查日期', en: 'checked' },
  'result.col.outcome': { zh: '检查结果', en: 'outcome' },
  'result.col.followUp': { zh: '后续处置', en: 'follow-up' },
  'result.col.published': { zh: '公示', en: 'published' },
  'objection.col.id': { zh: '编号', en: 'id' },
  'objection.col.received': { zh: '收到', en: 'received' },
  'objection.col.decision': { zh: '复核结论', en: 'decision' },
  'objection.col.reviewed': { zh: '复核日期', en: 'reviewed' },
  'objection.col.answered': { zh: '反馈日期', en: 'answered' },
  'calendar.col.date': { zh: '日期', en: 'date' },
  'calendar.col.kind': { zh: '类型', en: 'kind' },
  'calendar.col.name': { zh: '名称', en: 'name' },
  'calendar.col.source': { zh: '来源', en: 'source' },
  'result.futureDate': {
    zh: '检查日期 {date} 晚于今天（{today}），不能登记尚未进行的检查。请核对日期。',
    en: 'The check date {date} is after today ({today}): a check cannot be recorded before it happens. Check the date.',
  },
  'result.outsideWindow': {
    zh: '检查日期 {date} 不在计划的检查时间 {start} 至 {end} 内。已登记；如有误请重新登记。',
    en: 'The check date {date} is outside the plan window {start} to {end}. Recorded anyway; record again if it is wrong.',
  },
};
