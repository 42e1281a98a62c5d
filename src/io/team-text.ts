import type { JointRules, TeamOverride, TeamRules2 } from '../core/ssj2/types.js';

/** What the public pages say about a plan's teams: only the numbers the plan sets, in the office's words. */
export interface TeamShape {
  team: TeamRules2;
  joint: JointRules | null;
  strata: { name: string; team?: TeamOverride }[];
}

/**
 * The 检查组 line of an announcement or plan page (行政处罚法 第四十二条: at least two officers; 高青 7.3: experts beside
 * the team; 高青 8.2: a joint team led by the lead department). A plain plan keeps the wording offices have published
 * all along ("每组2人，其中具备相应业务专长的不少于1人"), so the pages of plans drawn before SSJ-2 read as they did.
 */
export function teamShapeText(s: TeamShape, withLeader: boolean): string {
  const leader = withLeader ? '，第一位为组长' : '';
  const plain = !s.joint && s.team.experts === 0 && s.strata.every((x) => !x.team);
  if (plain) return `每组${s.team.officers}人，其中具备相应业务专长的不少于${s.team.specialists}人${leader}`;
  const experts = (n: number) => (n > 0 ? `，另从专家库抽取具备相应专长的专家${n}人（不任组长）` : '');
  if (s.joint) {
    const depts = s.joint.departments
      .map(
        (d) =>
          `${d.name}执法人员${d.officers}人${d.specialists ? `（其中具备相应业务专长的不少于${d.specialists}人）` : ''}`,
      )
      .join('、');
    return `部门联合抽查，每组${depts}${experts(s.team.experts)}；组长由牵头部门${s.joint.departments[0]?.name ?? ''}的执法人员担任`;
  }
  const shape = (officers: number, specialists: number, n: number) =>
    `执法人员${officers}人${specialists ? `（其中具备相应业务专长的不少于${specialists}人）` : ''}${experts(n)}`;
  const base = `每组${shape(s.team.officers, s.team.specialists, s.team.experts)}`;
  const overrides = s.strata
    .filter((x) => x.team)
    .map(
      (x) =>
        `${x.name}：${shape(x.team!.officers ?? s.team.officers, x.team!.specialists ?? s.team.specialists, x.team!.experts ?? s.team.experts)}`,
    );
  return `${base}${overrides.length ? `；${overrides.join('；')}` : ''}${withLeader ? '；组长由执法人员担任' : ''}`;
}
