import type { Catalog } from '../types.js';

/** SSJ-2 team rules in plan files and rosters (#14), and plan keys checked at every depth (#15). */
const planTeams: Catalog = {
  'plan.unknownKeyNear': {
    zh: '未知的字段 "{key}"，是否应为 "{nearest}"？（此处可用：{known}）',
    en: 'unknown field "{key}": did you mean "{nearest}"? (known here: {known})',
  },
  'plan.badText': { zh: '应为非空文字', en: 'must be a non-empty text' },
  'plan.noDepartments': {
    zh: '部门联合抽查至少需要一个部门（joint.departments，第一个为牵头部门）',
    en: 'a joint plan needs at least one department (joint.departments; the first one leads)',
  },
  'plan.badDepartmentName': {
    zh: '部门名称 "{value}" 无效：应为非空文字，且不含 |',
    en: 'department name "{value}" is not valid: a non-empty text without |',
  },
  'plan.badKind': {
    zh: '人员类别 "{value}" 无效，可用：执法人员、专家（officer、expert）',
    en: 'inspector kind "{value}" is not valid; use officer or expert (执法人员、专家)',
  },
  'plan.ssj2.fewOfficers': {
    zh: '每组执法人员只有 {officers} 人：行政处罚法第四十二条要求执法人员不少于两人（专家不计入），请至少设为 2',
    en: 'only {officers} officer seat(s) per team: Administrative Penalty Law art. 42 requires at least two officers (experts do not count); set at least 2',
  },
  'plan.ssj2.noLeadOfficer': {
    zh: '组长必须是执法人员：第一组（{group}）至少需要 1 名执法人员',
    en: 'the team leader must be an officer: the first group ({group}) needs at least 1 officer seat',
  },
  'plan.ssj2.specialistsOverOfficers': {
    zh: '{group} 组要求具备专长的 {specialists} 人，超过该组执法人员 {officers} 人',
    en: 'group {group} asks for {specialists} specialist(s), more than its {officers} officer seat(s)',
  },
  'plan.ssj2.overrideWithJoint': {
    zh: '部门联合抽查的计划不能按层（{stratum}）另设检查组：各部门人数在 joint.departments 中设置',
    en: 'a joint plan cannot override the team for stratum {stratum}: set each department in joint.departments',
  },
  'plan.ssj2.reservedDepartment': {
    zh: '部门名称不能是 "{name}"（它是检查组分组的保留名称）',
    en: 'a department cannot be named "{name}" (a reserved group name)',
  },
  'plan.ssj2.duplicateDepartment': {
    zh: '部门 "{name}" 重复列出',
    en: 'department "{name}" is listed twice',
  },
  'plan.ssj2.noDepartments': {
    zh: '部门联合抽查至少需要一个部门',
    en: 'a joint plan needs at least one department',
  },
  'plan.departmentNoOfficers': {
    zh: '执法检查人员名录库中没有所属部门为 "{department}" 的在用执法人员（现有部门：{known}）。请先导入该部门人员（所属部门 列），或改正部门名称',
    en: 'the inspector roster has no active officer of department "{department}" (departments: {known}). Import its officers (所属部门 column) or correct the name',
  },
  'plan.noExperts': {
    zh: '计划要求每组专家 {experts} 人，但名录库中没有在用的专家（类别为 专家）。请先导入专家库',
    en: 'the plan seats {experts} expert(s) per team but the roster has no active expert (类别 专家). Import the expert roster first',
  },
  'plan.inspectorWhereNone': {
    zh: 'inspectors.where 条件下没有在用的执法人员：请检查条件（{where}）',
    en: 'no active officer matches inspectors.where ({where}); check the conditions',
  },
};

/** Events after a result is recorded (#15). */
const afterResults: Catalog = {
  'event.teamHasResult': {
    zh: '企业 {uscc} 在计划 "{id}" 中已登记检查结果：检查组已完成检查，不能再回避、调整或对调人员（结果以实际检查人员为准）。如结果有误，请用 ssj result correct 更正。',
    en: 'Enterprise {uscc} already has a recorded result in plan "{id}": its team has inspected and can no longer be changed by a recusal, reassignment or swap. If the result is wrong, correct it with ssj result correct.',
  },
  'event.swapTouchesResult': {
    zh: '对调会改动企业 {other} 的检查组，而该企业在计划 "{id}" 中已登记检查结果，已拒绝。请改为不加 --swap 重新抽取替补人员。',
    en: 'The swap would change the team of enterprise {other}, which already has a recorded result in plan "{id}"; refused. Recuse without --swap to draw a replacement instead.',
  },
};

/** Published reason categories of recusals and reassignments (#15). */
const reasons: Catalog = {
  'event.badCategory': {
    zh: '原因类别 "{value}" 无效，可用：{allowed}。具体原因请写在 --reason 中（只在内部保存，不公开）。',
    en: 'reason category "{value}" is not valid; use one of: {allowed}. Put the details in --reason (kept internal, never published).',
  },
};

/** ssj plan withdraw (#15). */
const withdraw: Catalog = {
  'plan.withdraw.emptyReason': {
    zh: '--reason 不能为空：撤回原因会公开在网站的计划公告上。',
    en: '--reason must not be empty: the reason is published on the plans page.',
  },
  'plan.withdrawn': {
    zh: '计划 "{id}" 已撤回，不能再冻结或抽取。如需重新抽查，请用新的计划编号添加计划。',
    en: 'Plan "{id}" was withdrawn and can no longer be frozen or drawn. Add a plan with a new id to check again.',
  },
  'plan.withdraw.already': { zh: '计划 "{id}" 已经撤回。', en: 'Plan "{id}" is already withdrawn.' },
  'plan.withdraw.draft': {
    zh: '计划 "{id}" 还是草稿（未冻结、未公布），无需撤回；可以用 ssj plan add --update 修改。',
    en: 'Plan "{id}" is a draft (neither frozen nor published): there is nothing to withdraw; change it with ssj plan add --update.',
  },
  'plan.withdraw.hasResults': {
    zh: '计划 "{id}" 已登记 {count} 条检查结果：检查已经发生，不能撤回。如结果有误，请用 ssj result correct 更正。',
    en: 'Plan "{id}" has {count} recorded result(s): checks took place and cannot be withdrawn. Correct wrong results with ssj result correct.',
  },
  'plan.withdraw.done': {
    zh: (p) => `已撤回计划 ${p.id}${p.drawId ? `，第 ${p.drawId} 次抽取作废` : ''}。原因：${p.reason}`,
    en: (p) => `Withdrew plan ${p.id}${p.drawId ? `; draw #${p.drawId} is void` : ''}. Reason: ${p.reason}`,
  },
};

/** Every message of the teams work, registered once in src/i18n/index.ts. */
export const teams: Catalog = { ...planTeams, ...afterResults, ...reasons, ...withdraw };
