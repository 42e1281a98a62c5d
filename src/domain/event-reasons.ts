/**
 * What is published about why an inspector left a team (#15, DESIGN.md "Publication and privacy"): a category only.
 * The officer's own words ("其弟在该企业任安全主管") are personal facts about a named person; they stay in the database
 * and the audit log. 回避 (recusal: a conflict of interest, 行政执法 回避 rules) and 人员调整 (reassign: post change,
 * work conflict, health; 高青 7.3) have their own lists.
 */
export const RECUSAL_CATEGORIES = ['利害关系', '近亲属', '曾提供服务', '其他'] as const;
export const REASSIGN_CATEGORIES = ['岗位调整', '工作冲突', '身体原因', '其他'] as const;
export type ReasonKind = 'recusal' | 'reassign';

/** English spellings (lower case, spaces and dashes ignored) accepted on the command line. */
const ALIASES: Record<ReasonKind, Record<string, string>> = {
  recusal: {
    interest: '利害关系',
    conflict: '利害关系',
    conflictofinterest: '利害关系',
    relative: '近亲属',
    relatives: '近亲属',
    kin: '近亲属',
    family: '近亲属',
    service: '曾提供服务',
    priorservice: '曾提供服务',
    served: '曾提供服务',
    other: '其他',
  },
  reassign: {
    post: '岗位调整',
    postchange: '岗位调整',
    transfer: '岗位调整',
    workconflict: '工作冲突',
    work: '工作冲突',
    health: '身体原因',
    illness: '身体原因',
    sick: '身体原因',
    other: '其他',
  },
};

export const reasonCategories = (kind: ReasonKind): readonly string[] =>
  kind === 'recusal' ? RECUSAL_CATEGORIES : REASSIGN_CATEGORIES;

/** The published category for what the officer typed (Chinese or an English alias), or undefined. */
export function parseReasonCategory(kind: ReasonKind, typed: string): string | undefined {
  const v = typed.normalize('NFKC').trim();
  if (reasonCategories(kind).includes(v)) return v;
  if (v === '其它') return '其他';
  return ALIASES[kind][v.toLowerCase().replace(/[\s_-]/g, '')];
}

/**
 * The reason an event publishes (bundle events.csv, announcements, site). Recusals and swaps (`recuse --swap`) publish a
 * 回避 category, reassigns a 人员调整 category; a replacement's reason is about the enterprise ("经核实已注销") and is
 * published as recorded. Events recorded before --category was required carry the officer's free text: they publish
 * the category it names (exactly, as an English alias, or a category word inside the text, "系近亲属" → 近亲属), and
 * 其他 otherwise, so no free text recorded earlier ever reaches a published file.
 */
export function publishedReason(type: string, recorded: string): string {
  if (type === 'replacement') return recorded;
  const kind: ReasonKind = type === 'reassign' ? 'reassign' : 'recusal';
  const exact = parseReasonCategory(kind, recorded);
  if (exact) return exact;
  const text = recorded.normalize('NFKC');
  return reasonCategories(kind).find((c) => c !== '其他' && text.includes(c)) ?? '其他';
}
