import type { Catalog } from '../types.js';

/** Frozen plans of one year: freeze order, cap removals after freeze (DESIGN.md SSJ-2 "Pool after freeze"). */
export const poolAfterFreeze: Catalog = {
  'draw.freezeOrder': {
    zh: '计划 "{id}" 暂不能抽取：同年度的计划 "{earlier}" 冻结在先（{earlierFrozenAt}），尚未抽取。同一年度已冻结的计划须按冻结顺序抽取，先抽的计划抽中的企业达到年度上限后，才能从后冻结计划的对象库中移除并公开列明（pool-removed.csv）。请先抽取 "{earlier}"（ssj draw --plan {earlier} …），或将其撤回（ssj plan withdraw {earlier} --reason …）。尚未抽取的先冻结计划：{all}。未做任何更改。',
    en: 'Plan "{id}" cannot be drawn yet: plan "{earlier}" of the same year was frozen before it ({earlierFrozenAt}) and is not drawn. Frozen plans of one year are drawn in the order they were frozen, so that the enterprises an earlier plan brings to the yearly cap leave the later pool on the record (pool-removed.csv). Draw "{earlier}" first (ssj draw --plan {earlier} …), or withdraw it (ssj plan withdraw {earlier} --reason …). Earlier frozen plans not drawn: {all}. Nothing was changed.',
  },
  'draw.capAfterFreezeSsj1': {
    zh: '计划 "{id}" 按 SSJ-1 协议抽取，但冻结后先冻结的计划（{plans}）的抽取使其对象库中 {count} 家企业达到年度检查上限：{sample}。SSJ-1 核验包没有 pool-removed.csv，不能把它们从已冻结的对象库中移除，也不能让它们超过上限再被抽中。名录没有变化，无需恢复。请撤回本计划（ssj plan withdraw {id} --reason …），在计划文件中写明 "protocol": "SSJ-2" 后作为新计划添加、冻结并重新预告。未做任何更改。',
    en: 'Plan "{id}" draws under SSJ-1, but since it was frozen the draws of plans frozen before it ({plans}) brought {count} enterprises of its pool to the yearly cap: {sample}. An SSJ-1 bundle has no pool-removed.csv, so they can neither leave the frozen pool nor be drawn past the cap. No roster changed; there is nothing to restore. Withdraw this plan (ssj plan withdraw {id} --reason …) and add it again as a new plan with "protocol": "SSJ-2", then freeze and pre-announce it. Nothing was changed.',
  },
  'draw.laterChecksKept': {
    zh: '注意：计划 "{id}" 冻结后，{count} 家其对象库中的企业被并非先于本计划冻结的计划（{plans}）抽中（如 {sample}）。按 SSJ-2，只有先冻结计划的抽取才会从本计划对象库中移除企业；这些企业仍留在对象库中，可能超过年度上限。',
    en: 'Note: since plan "{id}" was frozen, {count} enterprises of its pool were selected by plans not frozen before it ({plans}), e.g. {sample}. Under SSJ-2 only plans frozen earlier take enterprises out of this pool; these stay in it and may go past the yearly cap.',
  },
  'freeze.overlapsFrozen': {
    zh: '注意：同年度已冻结、尚未抽取的计划 "{other}"（冻结于 {frozenAt}）与本计划的对象库有 {count} 家企业重叠。该计划须先抽取；其抽中企业达到年度上限（每年 {perYear} 次）的，将从本计划对象库中移除，并在核验包 pool-removed.csv 中列明原因计划。',
    en: 'Note: plan "{other}" of the same year, frozen at {frozenAt} and not drawn yet, shares {count} enterprises with this pool. It must be drawn first; enterprises it selects that reach the yearly cap ({perYear} a year) will leave this pool, listed with that plan in the bundle\'s pool-removed.csv.',
  },
  'freeze.overlapsFrozenSsj1': {
    zh: '注意：同年度已冻结、尚未抽取的计划 "{other}"（冻结于 {frozenAt}）与本计划的对象库有 {count} 家企业重叠。该计划须先抽取；本计划按 SSJ-1 抽取，如其抽中的企业达到年度上限（每年 {perYear} 次），本计划将无法抽取（SSJ-1 不能从已冻结的对象库中移除企业）。建议在计划文件中写明 "protocol": "SSJ-2"。',
    en: 'Note: plan "{other}" of the same year, frozen at {frozenAt} and not drawn yet, shares {count} enterprises with this pool. It must be drawn first; this plan draws under SSJ-1, so if it selects enterprises that reach the yearly cap ({perYear} a year) this plan cannot be drawn (SSJ-1 cannot take enterprises out of a frozen pool). Consider "protocol": "SSJ-2" in the plan file.',
  },
};
