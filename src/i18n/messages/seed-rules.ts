import type { Catalog } from '../types.js';

/** Seed rules, secret seed parts and unfrozen draws (#15 parts 1 and 2; DESIGN.md "Nothing is chosen after the seed is known"). */
export const seedRules: Catalog = {
  'freeze.badSeedRule': {
    zh: (p) => `--seed-rule 只能是 rfc3797（现为 "${p.value}"）：开奖号码按来源顺序输入。`,
    en: (p) => `--seed-rule must be rfc3797 (got "${p.value}"): the drawn numbers, sources in order.`,
  },
  'freeze.ruleNeedsSources': {
    zh: '--seed-rule rfc3797 需要按顺序列出每个来源，每个来源一个 --source，例如 --source "双色球第2026138期 红球" --source "双色球第2026138期 蓝球"。',
    en: '--seed-rule rfc3797 needs each source in order, one --source each, e.g. --source "双色球第2026138期 红球" --source "双色球第2026138期 蓝球".',
  },
  'freeze.sourceWithoutRule': {
    zh: '--source 是种子规则的来源：请同时给出 --seed-rule rfc3797。',
    en: '--source names a source of the seed rule: give --seed-rule rfc3797 as well.',
  },
  'freeze.noSeedRule': {
    zh: (p) =>
      `计划 ${p.id} 冻结时未确定种子规则：抽取时将接受任何写法的种子。建议用 --seed-rule rfc3797 --source "…" 预先公布开奖号码如何写成种子。`,
    en: (p) =>
      `Plan ${p.id} is frozen without a seed rule: its draw will accept a seed written any way. Pre-announce how the result becomes the seed with --seed-rule rfc3797 --source "…".`,
  },
  'freeze.secretNeedsSsj2': {
    zh: (p) =>
      `计划 ${p.id} 带秘密种子部分时按 SSJ-2 抽取，但其检查组规则不符合 SSJ-2（${p.problems}）：每组至少 2 名执法人员。请修改计划后再冻结。`,
    en: (p) =>
      `Plan ${p.id} with a secret draws under SSJ-2, whose team rules it breaks (${p.problems}): at least 2 officers a team. Fix the plan, then freeze.`,
  },
  'draw.needsUnfrozen': {
    zh: (p) =>
      `计划 ${p.id} 尚未冻结（ssj plan freeze）。未冻结的计划只能用 --unfrozen --reason "…" 抽取，原因将在每个公开页面上注明。`,
    en: (p) =>
      `Plan ${p.id} is not frozen (ssj plan freeze). An unfrozen plan is drawn only with --unfrozen --reason "…", and every published page states the reason.`,
  },
  'draw.unfrozenNeedsReason': {
    zh: '--unfrozen 必须用 --reason 说明为何不冻结就抽取（将公开）。',
    en: '--unfrozen needs a reason: --reason "…" (it is published).',
  },
  'draw.unfrozenButFrozen': {
    zh: (p) => `计划 ${p.id} 已于 ${p.at} 冻结，不能用 --unfrozen 抽取：请去掉 --unfrozen。`,
    en: (p) => `Plan ${p.id} was frozen at ${p.at}; --unfrozen does not apply: leave it out.`,
  },
  'draw.seedRuleKind': {
    zh: (p) =>
      `计划 ${p.id} 冻结时预告的种子规则是 ${p.kind}（${p.count} 个来源，按顺序）：\n${p.sources}\n只接受 --seed-rfc3797，每个来源一组号码，用“/”分隔，例如 --seed-rfc3797 "${p.example}"。本次给出的是 ${p.found} 种子，不予抽取。`,
    en: (p) =>
      `Plan ${p.id} was frozen with the seed rule ${p.kind} (${p.count} sources, in order):\n${p.sources}\nOnly --seed-rfc3797 is accepted, one "/"-separated group per source, e.g. --seed-rfc3797 "${p.example}". A ${p.found} seed was given: not drawn.`,
  },
  'draw.seedRuleSources': {
    zh: (p) =>
      `计划 ${p.id} 冻结时预告的种子规则是 ${p.kind}，共 ${p.count} 个来源（按顺序）：\n${p.sources}\n本次给出的号码有 ${p.found} 组。请每个来源一组号码，用“/”分隔，例如 --seed-rfc3797 "${p.example}"。`,
    en: (p) =>
      `Plan ${p.id} was frozen with the seed rule ${p.kind}, ${p.count} sources in order:\n${p.sources}\nThe numbers given have ${p.found} groups. Give one "/"-separated group per source, e.g. --seed-rfc3797 "${p.example}".`,
  },
  'draw.noSeedRule': {
    zh: (p) => `计划 ${p.id} 冻结（${p.at}）时未预告种子规则：本次种子的写法未事先确定，核验包中 seedRule 为空。`,
    en: (p) =>
      `Plan ${p.id} was frozen (${p.at}) without a seed rule: how this seed is written was not fixed in advance; the bundle says seedRule null.`,
  },
  'bundle.beforeReveal': {
    zh: (p) =>
      `计划 ${p.id} 为暗查暗访，检查时间至 ${p.end} 结束；核验包含秘密种子部分，结束前导出即提前公开它。确需提前公开请加 --reveal（将记入审计日志）。`,
    en: (p) =>
      `Plan ${p.id} is unannounced and its window runs to ${p.end}; the bundle carries the secret seed part, so exporting it now reveals the secret. Add --reveal if that is intended (it is recorded in the audit log).`,
  },
  'bundle.revealed': {
    zh: (p) => `已提前公开计划 ${p.id} 的秘密种子部分（检查时间至 ${p.end}），已记入审计日志。`,
    en: (p) =>
      `The secret seed part of plan ${p.id} is revealed before its window ends (${p.end}); recorded in the audit log.`,
  },
  'audit.seed.secret': {
    zh: (p) => `${p.what} 的秘密种子部分与承诺值不符（承诺 ${p.commitment}）：秘密部分被改动过。`,
    en: (p) =>
      `The secret seed part of ${p.what} does not match its commitment (${p.commitment}): the secret was changed.`,
  },
  'audit.seed.changed': {
    zh: (p) => `${p.what} 的 ${p.field} 与审计日志第 ${p.seq} 条记录不符（存储：${p.stored}；记录：${p.logged}）。`,
    en: (p) => `${p.what}: ${p.field} differs from audit entry ${p.seq} (stored: ${p.stored}; logged: ${p.logged}).`,
  },
};
