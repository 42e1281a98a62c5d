import type { Catalog, Params } from '../types.js';

/** A seat group in words: 执法人员组 / {部门}执法人员 / 专家组. */
const groupZh = (g: unknown) =>
  g === 'officers' ? '执法人员组' : g === 'experts' ? '专家组' : `${String(g)}执法人员组`;
const groupEn = (g: unknown) =>
  g === 'officers' ? 'the officer group' : g === 'experts' ? 'the expert group' : `the ${String(g)} officer group`;
const spec = (p: Params, zh: boolean) =>
  p.needSpecialist ? (zh ? `，需要“${p.industry}”专长人员` : `, which needs a "${p.industry}" specialist`) : '';

/** Messages of the SSJ-2 protocol (src/core/ssj2): infeasible groups, events per group, bundle/2 verification. */
export const ssj2: Catalog = {
  'draw2.infeasibleSpecialists': {
    zh: (p) =>
      `无法为企业 ${p.name}（${p.uscc}）组成检查组：${groupZh(p.group)}需要 ${p.need} 名“${p.industry || '（未填行业）'}”专长人员，符合条件的只有 ${p.have} 名（已排除有利害关系和已达次数上限者）。请补充名录或调整计划的 team 规则。未保存任何结果。`,
    en: (p) =>
      `Cannot form a team for ${p.name} (${p.uscc}): ${groupEn(p.group)} needs ${p.need} "${p.industry || '(no industry)'}" specialist(s) and only ${p.have} are eligible (after conflicts and seat limits). Extend the roster or change the plan's team rules. Nothing was stored.`,
  },
  'draw2.infeasibleInspectors': {
    zh: (p) =>
      `无法为企业 ${p.name}（${p.uscc}）组成检查组：${groupZh(p.group)}需要 ${p.need} 人，符合条件的只有 ${p.have} 人（已排除有利害关系和已达次数上限者）。请补充名录或提高 maxPerInspector。未保存任何结果。`,
    en: (p) =>
      `Cannot form a team for ${p.name} (${p.uscc}): ${groupEn(p.group)} needs ${p.need} and only ${p.have} are eligible (after conflicts and seat limits). Extend the roster or raise maxPerInspector. Nothing was stored.`,
  },
  'event2.noReplacement': {
    zh: (p) =>
      `没有可替补 ${p.certNo} 的人员（企业 ${p.name} ${p.uscc}，${groupZh(p.group)}${spec(p, true)}）：同组候选人均已在组、已回避或调整、有利害关系或已达每人上限。可改用 --swap 与其他检查组同组人员对调，或补充名录。未做任何更改。`,
    en: (p) =>
      `No one can replace ${p.certNo} on ${p.name} (${p.uscc}), ${groupEn(p.group)}${spec(p, false)}: every candidate of the group is on the team, recused or reassigned, conflicted or at the seat limit. Try --swap, or extend the roster. Nothing was changed.`,
  },
  'event2.noSwap': {
    zh: (p) =>
      `无法为 ${p.certNo}（企业 ${p.name} ${p.uscc}）找到可对调的人员：其他检查组${groupZh(p.group)}中没有对调后不造成利害关系、不违反回避且专长人员仍足够的人员。可改用不带 --swap 的重抽。未做任何更改。`,
    en: (p) =>
      `No swap is possible for ${p.certNo} on ${p.name} (${p.uscc}): no member of ${groupEn(p.group)} on another team can trade without a conflict, a barred inspector or too few specialists. Recuse without --swap instead. Nothing was changed.`,
  },
  'event.unknownGroup': {
    zh: '层级 {stratum} 的检查组没有“{group}”这一组。',
    en: 'Teams of stratum {stratum} have no group "{group}".',
  },
  'verify.seedRule': {
    zh: '种子不符合冻结时公布的规则（{rule}）：种子类型为 {seedKind}，输入“{seedInput}”的号码来源个数不符。',
    en: 'The seed does not follow the rule announced at freeze ({rule}): seed kind {seedKind}, input "{seedInput}" has another number of sources.',
  },
  'verify.secretMissing': {
    zh: '清单公布了秘密承诺值（secretCommitment），但没有公开对应的秘密种子部分（seedSecret）。',
    en: 'The manifest has a secret commitment but no revealed secret (seedSecret).',
  },
  'verify.commitmentMissing': {
    zh: '清单有秘密种子部分（seedSecret），但冻结时没有承诺值（secretCommitment）：该秘密可能是在开奖后选定的。',
    en: 'The manifest reveals a secret (seedSecret) that was never committed (secretCommitment is null): it may have been chosen after the lottery.',
  },
  'verify.secretFormat': {
    zh: '秘密种子部分应为 64 位小写十六进制数字，实际为“{secret}”。',
    en: 'The secret must be 64 lowercase hex digits, found "{secret}".',
  },
  'verify.secretCommitment': {
    zh: '公开的秘密与冻结时的承诺值不符：承诺值 {listed}，按公开秘密计算为 {computed}。',
    en: 'The revealed secret does not match the commitment: committed {listed}, computed {computed}.',
  },
  'verify.seedSecret': {
    zh: '清单中的种子“{listed}”不是公开种子加秘密部分（应为“{computed}”）。',
    en: 'The manifest seed "{listed}" is not the public seed with the secret ("{computed}" expected).',
  },
  'verify.inspectorKind': {
    zh: 'pool-inspectors.csv 中 {certNo} 的类别“{kind}”无效（应为 officer 或 expert）。',
    en: 'pool-inspectors.csv: {certNo} has kind "{kind}" (officer or expert expected).',
  },
  'verify.removedRow': {
    zh: 'pool-removed.csv 中 {uscc}（层级 {stratum}，因计划“{byPlan}”）不是冻结名录中该层级的企业，或未写明原因计划。',
    en: 'pool-removed.csv: {uscc} (stratum {stratum}, by plan "{byPlan}") is not in that stratum of the frozen pool, or names no plan.',
  },
  'verify.removedCount': {
    zh: '层级 {stratum}：清单称剔除 {listed} 家，pool-removed.csv 列出 {actual} 家。',
    en: 'Stratum {stratum}: the manifest says {listed} removed, pool-removed.csv lists {actual}.',
  },
  'verify.eventReason': {
    zh: '事件 {seq}（{type}）的原因“{reason}”不是公开的原因类别（回避：利害关系、近亲属、曾提供服务、其他；人员调整：岗位调整、工作冲突、身体原因、其他）。',
    en: 'Event {seq} ({type}) gives reason "{reason}", which is not a published category (recusal: 利害关系, 近亲属, 曾提供服务, 其他; reassign: 岗位调整, 工作冲突, 身体原因, 其他).',
  },
};
