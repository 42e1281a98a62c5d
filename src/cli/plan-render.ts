import type { DrawInputs } from '../db/draw-inputs.js';
import { drawCount } from '../domain/ratio.js';
import { planProtocol, type Plan } from '../domain/plan.js';
import { seedRuleExample } from '../core/ssj2/seed.js';
import type { SeedCommitments } from '../db/seeds.js';
import { bi, type Lang } from '../i18n/index.js';
import { displayTime, table } from './output.js';

/** What `ssj plan` prints about strata and the pre-announcement (pure rendering). */

export interface StratumPreview {
  name: string;
  rule: string;
  population: number;
  pool: number;
  count: number;
  reserves: number;
}

export function strataPreview(p: Plan, inputs: Pick<DrawInputs, 'strata'>): StratumPreview[] {
  return p.strata.map((s, i) => {
    const st = inputs.strata[i]!;
    const n = drawCount(s, st.population, st.pool);
    return {
      name: s.name,
      rule: s.count !== undefined ? `${s.count}` : `${s.ratio}${s.min ? ` (≥${s.min})` : ''}`,
      population: st.population,
      pool: st.pool,
      count: n,
      reserves: Math.min(s.reserves, st.pool - n),
    };
  });
}

export function strataTable(lang: Lang, rows: StratumPreview[]): string {
  return table(
    [
      bi(lang, '层', 'stratum'),
      bi(lang, '比例/数量', 'rule'),
      bi(lang, '总数', 'population'),
      bi(lang, '可抽', 'pool'),
      bi(lang, '抽取', 'drawn'),
      bi(lang, '备选', 'reserves'),
    ],
    rows.map((r) => [r.name, r.rule, r.population, r.pool, r.count, r.reserves]),
  );
}

/** The pre-announcement: published before the seed exists, so nobody can pick a seed for a pool or a pool for a seed. */
export function preAnnouncement(
  lang: Lang,
  p: Plan,
  seedSource: string,
  at: string,
  inputs: Pick<DrawInputs, 'hashes' | 'strata'>,
  seeds: SeedCommitments = { seedRule: null, secretCommitment: null },
): string {
  const rows = strataPreview(p, inputs);
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const algorithm = planProtocol(p);
  return [
    L(`抽查计划预告：${p.title}（${p.id}）`, `Pre-announcement: ${p.title} (${p.id})`),
    '',
    `${L('冻结时间', 'Frozen at')}: ${displayTime(lang, at)}`,
    `${L('检查时间', 'Window')}: ${p.window.start} ~ ${p.window.end}`,
    `${L('每家企业每年最多抽查', 'Checks per enterprise per year at most')}: ${p.cap.perYear}`,
    `${L('随机种子', 'Seed')}: ${L('将采用', 'will be')} ${seedSource}`,
    ...seedRuleLines(lang, p.id, seeds),
    '',
    strataTable(lang, rows),
    '',
    `${L('抽查对象库哈希', 'Pool hash')} (SHA-256, pool-enterprises.csv): ${inputs.hashes.poolEnterprises}`,
    `${L('执法人员库哈希', 'Inspector pool hash')} (pool-inspectors.csv): ${inputs.hashes.poolInspectors}`,
    `${L('抽查事项哈希', 'Items hash')} (items.csv): ${inputs.hashes.items}`,
    `${L('回避关系哈希', 'Conflicts hash')} (conflicts.csv): ${inputs.hashes.conflicts}`,
    '',
    L(
      `以上数据在种子产生之前确定。抽取按 ${algorithm} 协议进行（docs/ALGORITHM.md），抽取后公布的核验包可由任何人用 ssj verify 或独立脚本复核。`,
      `These inputs are fixed before the seed exists. The draw follows protocol ${algorithm} (docs/ALGORITHM.md); anyone can re-check the published bundle with ssj verify or their own script.`,
    ),
    '',
  ].join('\n');
}

/**
 * The seed rule with each source and a worked example of how the result will be typed, and the secret's commitment:
 * printed before the lottery, so that after it nobody can choose how the result becomes the seed (DESIGN.md "Nothing
 * is chosen after the seed is known").
 */
function seedRuleLines(lang: Lang, planId: string, seeds: SeedCommitments): string[] {
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const out: string[] = [];
  const rule = seeds.seedRule;
  if (rule) {
    const ex = seedRuleExample(rule);
    out.push(
      `${L('种子规则', 'Seed rule')}: RFC 3797 — ${L(
        `开奖号码按下列 ${rule.sources.length} 个来源的顺序输入，来源之间用“/”分隔；抽取只接受这种写法`,
        `the drawn numbers of these ${rule.sources.length} sources, in this order, separated by "/"; the draw accepts nothing else`,
      )}`,
      ...rule.sources.map((s, i) => `  ${L('来源', 'source')} ${i + 1}: ${s}`),
      `${L('示例（号码仅为示意）', 'Example (made-up numbers)')}: ssj draw --plan ${planId} --seed-rfc3797 "${ex.input}"`,
      `  → ${L('种子', 'seed')} ${ex.seed}  ${L(
        '（每组号码从小到大排列，去掉前导零，各加“.”，每组以“/”结尾）',
        '(each group sorted ascending, no leading zeros, each number followed by ".", each group closed by "/")',
      )}`,
    );
  } else
    out.push(
      `${L('种子规则', 'Seed rule')}: ${L('未预先确定（抽取时接受任何写法的种子）', 'none fixed (the draw accepts a seed written any way)')}`,
    );
  if (seeds.secretCommitment)
    out.push(
      `${L('秘密种子承诺', 'Secret commitment')} (SHA-256): ${seeds.secretCommitment}`,
      `  ${L(
        '抽取种子 = 公开种子 + “#” + 冻结时生成的秘密部分；秘密部分随核验包在检查结束后公开，任何人可核对它与本承诺值一致。',
        'The draw uses the public seed + "#" + a secret fixed now; the secret is revealed with the bundle after the checks, and anyone can check it against this commitment.',
      )}`,
    );
  return out;
}
