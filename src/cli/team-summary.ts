import type { Plan } from '../domain/plan.js';
import { bi, type Lang } from '../i18n/index.js';

/** One line for `ssj plan show`: each group's seats and specialists, overrides by stratum, the per-person limit. */
export function teamSummary(lang: Lang, p: Plan): string {
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const officers = (n: number, s: number) =>
    `${L('执法人员', 'officers')} ${n}${s ? ` (${L('专长', 'specialists')} ${s})` : ''}`;
  const groups = p.joint
    ? p.joint.departments.map(
        (d, j) => `${d.name}${j === 0 ? L('（牵头）', ' (lead)') : ''} ${officers(d.officers, d.specialists)}`,
      )
    : [officers(p.team.officers, p.team.specialists)];
  const experts = p.team.experts ? [`${L('专家', 'experts')} ${p.team.experts}`] : [];
  const overrides = p.strata
    .filter((s) => s.team)
    .map((s) => {
      const o = s.team!;
      const e = o.experts ?? p.team.experts;
      return `${s.name}: ${officers(o.officers ?? p.team.officers, o.specialists ?? p.team.specialists)}${e ? `, ${L('专家', 'experts')} ${e}` : ''}`;
    });
  const max = `${L('每人最多', 'max per inspector')} ${p.team.maxPerInspector ?? '-'}`;
  return [[...groups, ...experts].join(' + '), ...overrides.map((x) => `[${x}]`), max].join('; ');
}
