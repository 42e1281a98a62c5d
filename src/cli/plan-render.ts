import type { DrawInputs } from '../db/draw-inputs.js';
import { drawCount } from '../domain/ratio.js';
import { type Plan, planProtocol } from '../domain/plan.js';
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
): string {
  const rows = strataPreview(p, inputs);
  const L = (zh: string, en: string) => bi(lang, zh, en);
  return [
    L(`抽查计划预告：${p.title}（${p.id}）`, `Pre-announcement: ${p.title} (${p.id})`),
    '',
    `${L('冻结时间', 'Frozen at')}: ${displayTime(lang, at)}`,
    `${L('检查时间', 'Window')}: ${p.window.start} ~ ${p.window.end}`,
    `${L('每家企业每年最多抽查', 'Checks per enterprise per year at most')}: ${p.cap.perYear}`,
    `${L('随机种子', 'Seed')}: ${L('将采用', 'will be')} ${seedSource}`,
    '',
    strataTable(lang, rows),
    '',
    `${L('抽查对象库哈希', 'Pool hash')} (SHA-256, pool-enterprises.csv): ${inputs.hashes.poolEnterprises}`,
    `${L('执法人员库哈希', 'Inspector pool hash')} (pool-inspectors.csv): ${inputs.hashes.poolInspectors}`,
    `${L('抽查事项哈希', 'Items hash')} (items.csv): ${inputs.hashes.items}`,
    `${L('回避关系哈希', 'Conflicts hash')} (conflicts.csv): ${inputs.hashes.conflicts}`,
    '',
    L(
      `以上数据在种子产生之前确定。抽取按 ${planProtocol(p)} 协议进行（docs/ALGORITHM.md），抽取后公布的核验包可由任何人用 ssj verify 或独立脚本复核。`,
      `These inputs are fixed before the seed exists. The draw follows protocol ${planProtocol(p)} (docs/ALGORITHM.md); anyone can re-check the published bundle with ssj verify or their own script.`,
    ),
    '',
  ].join('\n');
}
