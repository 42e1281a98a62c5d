/**
 * A team as the public pages and the office's forms show it under SSJ-2 (#14 part 4): by seat group. 组长 first (seat 1,
 * always an officer: 行政处罚法 第四十二条; of the lead department in a joint plan: 高青 8.2), then 组员 — by department
 * in a joint plan (部门联合抽查), so each department's officers are seen to come from its own roster — then 专家 (高青 7.3:
 * experts beside the team, never its leader). An expert holds no 执法证: the number the roster keys them by is shown as
 * 专家编号, never under 执法证号.
 *
 * SSJ-1 draws carry no groups; their pages keep the wording they were published with (callers test `isGrouped`).
 */

/** What a grouped rendering needs of a member; seats without `group` are SSJ-1 seats. */
export interface GroupedMember {
  seat: number;
  certNo: string;
  name: string;
  unit: string;
  /** The protocol's seat group: 'officers', a joint department's name, or 'experts' (teams.csv of ssj-bundle/2). */
  group?: string | undefined;
  /** From the draw's own inspector pool (SSJ-2): 'expert' holds an expert number, not a 执法证号. */
  kind?: 'officer' | 'expert' | undefined;
}

export interface TeamGroup<M extends GroupedMember = GroupedMember> {
  /** 组长, 组员, 组员（department）, 专家. */
  label: string;
  members: M[];
}

export const isGrouped = (team: readonly GroupedMember[]): boolean => team.some((m) => m.group !== undefined);

const isExpert = (m: GroupedMember) => m.kind === 'expert' || m.group === 'experts';
const isJointGroup = (g: string | undefined) => g !== undefined && g !== 'officers' && g !== 'experts';

/** The label of the number a member is known by: 专家编号 for an expert, else 执法证号. */
export const idLabel = (m: GroupedMember): string => (isExpert(m) ? '专家编号' : '执法证号');

/** 组长, then 组员 (by department when the plan is joint), then 专家; members in seat order within each. */
export function teamGroups<M extends GroupedMember>(team: readonly M[]): TeamGroup<M>[] {
  const bySeat = [...team].sort((a, b) => a.seat - b.seat);
  const joint = bySeat.some((m) => isJointGroup(m.group));
  const groups: TeamGroup<M>[] = [];
  const add = (label: string, m: M) => {
    const g = groups.find((x) => x.label === label);
    if (g) g.members.push(m);
    else groups.push({ label, members: [m] });
  };
  for (const m of bySeat) {
    if (m.seat === 1) add(joint ? `组长（${m.group}）` : '组长', m);
    else if (isExpert(m)) add('专家', m);
    else add(joint ? `组员（${m.group}）` : '组员', m);
  }
  // 专家 last whatever the seat numbers say (they follow every officer group in SSJ-2 anyway).
  return [...groups.filter((g) => g.label !== '专家'), ...groups.filter((g) => g.label === '专家')];
}

/** 常娟（执法证号371323010002）, 聂晓红（专家编号ZJ-2024-005). */
export const memberWithId = (m: GroupedMember): string => `${m.name}（${idLabel(m)}${m.certNo}）`;

/** "组长 常娟（执法证号…）；组员 傅芳（执法证号…）；专家 聂晓红（专家编号…）" (announcements, CSV, Markdown). */
export const groupedTeamText = (team: readonly GroupedMember[]): string =>
  teamGroups(team)
    .map((g) => `${g.label} ${g.members.map(memberWithId).join('、')}`)
    .join('；');

/** Names only, by group (results lists: the roster page has the numbers): "组长 余刚；组员 范海燕；专家 聂晓红". */
export const groupedNames = (team: readonly GroupedMember[]): string =>
  teamGroups(team)
    .map((g) => `${g.label} ${g.members.map((m) => m.name).join('、')}`)
    .join('；');

/**
 * 承办执法股室 of a filing form: the unit of the team's leader when the leader is an officer (always under SSJ-2), else
 * of the first officer; never an expert's unit (the expert roster is not a 股室 of the office).
 */
export function leadOfficerUnit(team: readonly GroupedMember[]): string {
  const bySeat = [...team].sort((a, b) => a.seat - b.seat);
  return bySeat.find((m) => !isExpert(m))?.unit ?? '';
}
