import type { Catalog } from '../types.js';

/** Protocol failures after the draw (SSJ-1 recusal, swap, replacement). */
export const events: Catalog = {
  'event.notSelected': {
    zh: '企业 {uscc} 不是本计划当前的被抽中企业（可能未被抽中、是备选或已被替换）。请用 ssj plan show 查看抽取结果。',
    en: 'Enterprise {uscc} is not currently selected in this plan (not drawn, a reserve, or already replaced). See the result with ssj plan show.',
  },
  'event.notOnTeam': {
    zh: '执法人员 {certNo} 不在企业 {uscc} 的检查组中。请核对执法证号。',
    en: 'Inspector {certNo} is not on the team of enterprise {uscc}. Check the certificate number.',
  },
  'event.noReplacement': {
    zh: (p) => `没有可替补 ${p.certNo} 的执法人员（企业 ${p.name} ${p.uscc}${p.needSpecialist ? `，需要“${p.industry}”专长人员` : ''}）：所有候选人均已在组、曾回避、有利害关系或已达抽查次数上限。请补充执法人员名录后重试，未做任何更改。`,
    en: (p) => `No inspector can replace ${p.certNo} on ${p.name} (${p.uscc})${p.needSpecialist ? `, which needs a "${p.industry}" specialist` : ''}: every candidate is on the team, recused, conflicted or at the seat limit. Extend the inspector roster and retry; nothing was changed.`,
  },
  'event.noSwap': {
    zh: '无法为 {certNo}（企业 {name} {uscc}）找到可对调的执法人员：对调会造成利害关系或专长人员不足。可改用不带 --swap 的回避重抽。未做任何更改。',
    en: 'No swap is possible for {certNo} on {name} ({uscc}): every trade would create a conflict or leave a team without its specialists. Recuse without --swap instead. Nothing was changed.',
  },
  'event.noReserve': {
    zh: '“{stratum}”层已无未使用的备选企业，无法替换 {name}（{uscc}）。未做任何更改。',
    en: 'No unused reserve is left in stratum "{stratum}" to replace {name} ({uscc}). Nothing was changed.',
  },
  'event.unknownType': { zh: '未知的事件类型 "{type}"。', en: 'Unknown event type "{type}".' },
};
