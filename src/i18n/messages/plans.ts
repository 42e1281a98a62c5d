import type { Catalog } from '../types.js';

/** Plans, freezing and the draw. */
export const plans: Catalog = {
  'plan.invalid': {
    zh: (p) =>
      `计划文件 ${p.file} 有 ${(p.problems as string[]).length} 处问题，未添加：\n${(p.problems as string[]).map((x) => `  - ${x}`).join('\n')}\n请修改后重新运行 ssj plan add。`,
    en: (p) =>
      `The plan file ${p.file} has ${(p.problems as string[]).length} problem(s) and was not added:\n${(p.problems as string[]).map((x) => `  - ${x}`).join('\n')}\nFix them and run ssj plan add again.`,
  },
  'plan.badJson': {
    zh: (p) =>
      `计划文件 ${p.file} 第 ${p.line} 行第 ${p.column} 列不是有效的 JSON：${p.reason === 'trailingComma' ? '最后一项后面多了逗号（JSON 不允许），请删除它' : p.reason}`,
    en: (p) =>
      `The plan file ${p.file} is not valid JSON at line ${p.line}, column ${p.column}: ${p.reason === 'trailingComma' ? 'a comma after the last item (JSON does not allow it); remove it' : p.reason}`,
  },
  'plan.notObject': { zh: '应为一个 JSON 对象', en: 'must be a JSON object' },
  'plan.unknownKey': { zh: '未知的字段 "{key}"（可用：{known}）', en: 'unknown field "{key}" (known: {known})' },
  'plan.badId': {
    zh: '计划编号 "{value}" 无效：只能用字母、数字、汉字、-、_、.，最多 40 个字符',
    en: 'plan id "{value}" is not valid: letters, digits, -, _ and . only, at most 40 characters',
  },
  'plan.required': { zh: '缺少必填字段 {field}', en: 'the required field {field} is missing' },
  'plan.badYear': {
    zh: '年度 "{value}" 无效，应为四位年份，如 2024',
    en: 'year "{value}" is not valid: use a four-digit year such as 2024',
  },
  'plan.badDate': { zh: '日期 "{value}" 无效，应为 YYYY-MM-DD', en: 'date "{value}" is not valid: use YYYY-MM-DD' },
  'plan.windowOrder': { zh: '开始日期 {start} 晚于结束日期 {end}', en: 'the start {start} is after the end {end}' },
  'plan.yearWindow': {
    zh: '年度 {year} 与检查时间 {start} 至 {end} 不在同一年',
    en: 'the year {year} does not match the window {start} to {end}',
  },
  'plan.badCap': {
    zh: '每年抽查次数上限 cap.perYear 应为正整数（细则规定 1 或 4），收到 "{value}"',
    en: 'cap.perYear must be a positive integer (the rules say 1 or 4); got "{value}"',
  },
  'plan.badList': { zh: '应为字符串或字符串数组', en: 'must be a string or a list of strings' },
  'plan.noStrata': { zh: '至少需要一个抽取层（strata）', en: 'at least one stratum is needed (strata)' },
  'plan.badStratumName': {
    zh: '层名称 "{value}" 无效（不能为空，不能含 |）',
    en: 'stratum name "{value}" is not valid (empty or contains |)',
  },
  'plan.duplicateStratum': { zh: '层名称 "{name}" 重复', en: 'stratum name "{name}" is used twice' },
  'plan.unknownWhereField': {
    zh: '未知的筛选字段 "{field}"（可用：{known}）',
    en: 'unknown where field "{field}" (known: {known})',
  },
  'plan.unknownWhereValue': {
    zh: '名录中没有 {field} = "{value}" 的企业（已有的值：{known}）',
    en: 'no enterprise in the roster has {field} = "{value}" (values present: {known})',
  },
  'plan.needRatioOrCount': {
    zh: '需要 ratio（比例，如 "5%"）或 count（数量）之一',
    en: 'needs either ratio (such as "5%") or count',
  },
  'plan.ratioAndCount': { zh: 'ratio 和 count 只能二选一', en: 'give ratio or count, not both' },
  'plan.badRatio': {
    zh: '比例 "{value}" 无效：请写成 "5%"、"0.05" 或 "1/20"，且不大于 100%',
    en: 'ratio "{value}" is not valid: write "5%", "0.05" or "1/20", at most 100%',
  },
  'plan.badInt': { zh: '应为非负整数，收到 "{value}"', en: 'must be a non-negative integer; got "{value}"' },
  'plan.badPositiveInt': {
    zh: '应为正整数（至少 1），收到 "{value}"',
    en: 'must be a whole number of at least 1; got "{value}"',
  },
  'plan.badBool': { zh: '应为 true 或 false', en: 'must be true or false' },
  'plan.specialistsOverSize': {
    zh: '专长人员数 {specialists} 大于每组人数 {size}',
    en: 'specialists ({specialists}) is more than the team size ({size})',
  },
  'plan.notFound': { zh: '找不到计划 "{id}"。已有计划：{known}', en: 'Plan "{id}" not found. Known plans: {known}' },
  'plan.exists': {
    zh: '计划 "{id}" 已存在（状态：{status}）。如需修改尚未冻结的计划，请加 --update。',
    en: 'Plan "{id}" already exists (status: {status}). To change a plan that is not frozen yet, pass --update.',
  },
  'plan.locked': {
    zh: '计划 "{id}" 已{status}，不能再修改。如需不同的规则，请新建一个计划编号。',
    en: 'Plan "{id}" is already {status} and can no longer change. Add a plan with a new id for different rules.',
  },
  'plan.emptyStratum': {
    zh: '“{name}”层当前没有符合条件的企业。',
    en: 'Stratum "{name}" matches no enterprise at the moment.',
  },
  'plan.overlap': {
    zh: '{count} 家企业同时符合“{pair}”两层的条件，按计划顺序归入前一层。',
    en: '{count} enterprise(s) match both strata "{pair}"; each goes to the first one, in plan order.',
  },
  'plan.added': { zh: '已添加计划 {id}：{title}', en: 'Added plan {id}: {title}' },
  'plan.updated': { zh: '已更新计划 {id}：{title}', en: 'Updated plan {id}: {title}' },
  'plan.unchanged': {
    zh: '计划 {id} 与已保存的相同，未更改。',
    en: 'Plan {id} is the same as the stored one; nothing changed.',
  },
  'plan.wizardNeedsTerminal': {
    zh: 'ssj plan new 是交互式向导，需要在终端中运行。脚本中请编写计划 JSON 文件并用 ssj plan add FILE 添加。',
    en: 'ssj plan new is an interactive wizard and needs a terminal. In scripts, write the plan JSON and add it with ssj plan add FILE.',
  },
  'freeze.already': {
    zh: '计划 "{id}" 已于 {at} 冻结，种子来源：{source}。冻结不可重复。',
    en: 'Plan "{id}" was frozen at {at} with the seed source: {source}. A plan is frozen once.',
  },
  'freeze.afterDraw': {
    zh: '计划 "{id}" 已抽取，不能再冻结。',
    en: 'Plan "{id}" is already drawn and cannot be frozen.',
  },
  'freeze.needSource': {
    zh: '请用 --seed-source 说明将作为随机种子的未来公开随机数，例如 "中国体育彩票超级大乐透 第24010期开奖号码"。',
    en: 'Say which future public randomness will be the seed with --seed-source, e.g. "体彩大乐透 第24010期开奖号码".',
  },
  'draw.needSeed': {
    zh: '请用 --seed "…" 或 --seed-rfc3797 "9319 / 2 5 12 8 10 / …" 给出公开的随机种子（二者选一）。',
    en: 'Give the published seed with --seed "…" or --seed-rfc3797 "9319 / 2 5 12 8 10 / …" (one of the two).',
  },
  'draw.emptySeed': { zh: '随机种子不能为空。', en: 'The seed must not be empty.' },
  'draw.badRfc3797': {
    zh: '--seed-rfc3797 的内容 "{value}" 无效：各来源的号码用空格分隔，来源之间用 / 分隔，只能是非负整数。',
    en: 'The --seed-rfc3797 value "{value}" is not valid: numbers separated by spaces, sources separated by /, non-negative integers only.',
  },
  'draw.alreadyDrawn': {
    zh: '计划 "{id}" 已于 {at} 抽取（种子 "{seed}"）。每个计划只抽一次；确需重抽，请加 --redraw --reason "原因"，原结果将作废并保留在记录中。',
    en: 'Plan "{id}" was already drawn at {at} (seed "{seed}"). A plan is drawn once; to draw again pass --redraw --reason "why": the first draw is voided and kept on record.',
  },
  'draw.redrawNeedsReason': { zh: '重抽必须用 --reason 说明原因。', en: 'A redraw needs a reason: --reason "…".' },
  'draw.redrawNothing': {
    zh: '计划 "{id}" 尚未抽取，不需要 --redraw。',
    en: 'Plan "{id}" has not been drawn; --redraw is not needed.',
  },
  'draw.poolChanged': {
    zh: (p) =>
      `计划 "${p.id}" 冻结（${p.frozenAt}）后，抽取依据的数据已变化，拒绝抽取：\n${p.changes}\n请恢复名录到冻结时的状态，或新建计划重新冻结并公告。`,
    en: (p) =>
      `The inputs of plan "${p.id}" changed since it was frozen (${p.frozenAt}); the draw is refused:\n${p.changes}\nRestore the rosters to their frozen state, or add a new plan and freeze and announce it again.`,
  },
  'draw.infeasibleSpecialists': {
    zh: '无法为企业 {name}（{uscc}）组成检查组：需要 {need} 名“{industry}”专长人员，符合条件的只有 {have} 名（已排除有利害关系和已达次数上限者）。请补充名录或调整计划的 team 规则。未保存任何结果。',
    en: 'Cannot form a team for {name} ({uscc}): it needs {need} "{industry}" specialist(s) and only {have} are eligible (after conflicts and seat limits). Extend the roster or change the plan\'s team rules. Nothing was stored.',
  },
  'draw.infeasibleInspectors': {
    zh: '无法为企业 {name}（{uscc}）组成检查组：每组需要 {need} 人，符合条件的只有 {have} 人（已排除有利害关系和已达次数上限者）。请补充执法人员或提高 maxPerInspector。未保存任何结果。',
    en: 'Cannot form a team for {name} ({uscc}): teams need {need} inspectors and only {have} are eligible (after conflicts and seat limits). Add inspectors or raise maxPerInspector. Nothing was stored.',
  },
  'draw.unknownStratum': {
    zh: '抽查对象库中企业 {uscc} 属于未知的层 "{stratum}"。',
    en: 'Pool enterprise {uscc} is in an unknown stratum "{stratum}".',
  },
  'draw.noInspectors': {
    zh: '执法人员名录为空。请先用 ssj import inspectors 导入。',
    en: 'The inspector roster is empty. Import it first with ssj import inspectors.',
  },
  'draw.notFrozenWarning': {
    zh: '计划未事先冻结（ssj plan freeze）：公众无法确认抽取对象库是在种子公布前确定的。',
    en: 'The plan was not frozen first (ssj plan freeze): the public cannot confirm the pool was fixed before the seed was known.',
  },
  'draw.cancelled': { zh: '未抽取，未保存任何内容。', en: 'Not drawn; nothing was stored.' },
  'draw.storedStateDiffers': {
    zh: '计划 "{id}" 数据库中保存的抽取结果与按种子、冻结数据和已登记事件重算的结果不一致（{detail}），说明数据库在 ssj 之外被改动过。已拒绝导出或修改。请运行 ssj audit verify 查明改动。',
    en: 'The stored result of plan "{id}" is not what its seed, inputs and recorded events give ({detail}): the database was edited outside ssj. Nothing was exported or changed. Run ssj audit verify to find the edit.',
  },
  'draw.notDrawn': {
    zh: '计划 "{id}" 尚未抽取。请先运行 ssj draw --plan {id} --seed "…"。',
    en: 'Plan "{id}" has not been drawn yet. Run ssj draw --plan {id} --seed "…" first.',
  },
};
