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

  // Redraws (DESIGN.md "Nothing is chosen after the seed is known"): only while no result is recorded, after a new freeze.
  'draw.redrawHasResults': {
    zh: '计划 "{id}" 已登记 {count} 条检查结果，不能重新抽取：结果一经登记，抽取名单和检查组即为事实。如抽取确有错误，请撤回计划（ssj plan withdraw {id} --reason …）。未做任何更改。',
    en: 'Plan "{id}" has {count} recorded results and cannot be drawn again: once a result is recorded, the list and the teams are facts. If the draw was wrong, withdraw the plan (ssj plan withdraw {id} --reason …). Nothing was changed.',
  },
  'draw.redrawNeedsFreeze': {
    zh: '计划 "{id}" 须先重新冻结才能重新抽取（当前抽取于 {drawnAt}）：重抽要有新的种子来源和新的抽取预告，不能在已知上次结果后任选种子。请先运行 ssj plan freeze {id} --seed-source "…"，公布新的预告，待新的开奖号码产生后再 ssj draw --plan {id} --redraw --reason "…"。未做任何更改。',
    en: 'Plan "{id}" must be frozen again before it is redrawn (its draw is from {drawnAt}): a redraw needs a new seed source and a new pre-announcement, not any seed chosen once the last list is known. Run ssj plan freeze {id} --seed-source "…", publish the new pre-announcement, and once the new lottery result exists run ssj draw --plan {id} --redraw --reason "…". Nothing was changed.',
  },
  'freeze.hasResults': {
    zh: '计划 "{id}" 已抽取并登记了 {count} 条检查结果，不能重新冻结或重抽。未做任何更改。',
    en: 'Plan "{id}" is drawn and has {count} recorded results: it cannot be frozen again or redrawn. Nothing was changed.',
  },
  'freeze.forRedraw': {
    zh: '计划 "{id}" 已重新冻结，以备重新抽取：当前抽取结果仍然有效，直到 ssj draw --plan {id} --redraw --reason "…" 以新的种子重新抽取（原抽取作废后仍公开）。',
    en: 'Plan "{id}" is frozen again for a redraw: its current draw stands until ssj draw --plan {id} --redraw --reason "…" draws it with the new seed (the voided draw stays published).',
  },
  'bundle.revealsOther': {
    zh: '计划 {id} 的核验包（pool-removed.csv）会列出暗查暗访计划 {other} 抽中的企业，该计划检查时间至 {end} 结束，结束前不能导出此核验包（--reveal 也不行：这是另一个计划的名单）。请在 {end} 之后再导出。',
    en: "Plan {id}'s bundle (pool-removed.csv) would list enterprises drawn by the unannounced plan {other}, whose window runs to {end}: it cannot be exported before then (not with --reveal either: the list is another plan's). Export it after {end}.",
  },
  'export.site.bundleRevealsOther': {
    zh: '计划 {id} 的核验包会列出暗查暗访计划 {other} 抽中的企业，{end} 检查结束前网站不包含此核验包。',
    en: "Plan {id}'s verification bundle would list enterprises drawn by the unannounced plan {other}: the site leaves it out until that window ends ({end}).",
  },
  'publication.notRecorded': {
    zh: '数据库为只读：计划 {id} 公告的首次发布时间未能记录，以后导出时发布日期将是那一天。请在可写的数据库上再导出一次。',
    en: "The database is read-only: the first publication of plan {id}'s announcement was not recorded, so a later export will date it then. Export once more from the writable database.",
  },
};
