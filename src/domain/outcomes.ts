/**
 * Check outcomes and follow-up actions. The database stores the short code (stable, English, ASCII);
 * people type and read the Chinese name. Both are accepted wherever an outcome is typed or imported.
 */
export interface Choice<C extends string> {
  code: C;
  /** The wording of the rule or platform, as published. */
  zh: string;
  en: string;
  /** Other spellings seen in practice (matched after NFKC, so full-width and half-width brackets are the same). */
  aliases?: string[];
}

/** The eight results of 高青 8.3 a)–h), then the two states the national platforms add. */
export const OUTCOMES = [
  { code: 'no-issue', zh: '未发现问题', en: 'no problem found' },
  { code: 'not-disclosed', zh: '未按规定公示应当公示的信息', en: 'required information not disclosed' },
  {
    code: 'false-disclosure',
    zh: '公示信息隐瞒真实情况、弄虚作假',
    en: 'disclosed information false or concealing facts',
  },
  {
    code: 'unreachable',
    zh: '通过登记的住所(经营场所)无法联系',
    en: 'cannot be reached at the registered address',
    aliases: ['通过登记的住所或经营场所无法联系'],
  },
  { code: 'rectify', zh: '发现问题已责令改正', en: 'problem found, ordered to rectify' },
  { code: 'obstruct', zh: '不予配合情节严重', en: 'serious refusal to cooperate' },
  { code: 'pending', zh: '发现问题待后续处理', en: 'problem found, follow-up pending' },
  { code: 'no-activity', zh: '未发现开展本次抽查涉及的经营活动', en: 'no business activity covered by this check' },
  { code: 'closed', zh: '已关闭停业或正在清算', en: 'closed, out of business or in liquidation' },
  {
    code: 'deregistered',
    zh: '注销/吊销/撤销/迁出',
    en: 'deregistered, licence revoked, cancelled or moved away',
    aliases: ['注销', '吊销', '撤销', '迁出', '已注销', '已吊销', '已撤销', '已迁出'],
  },
] as const satisfies readonly Choice<string>[];

/** Follow-up actions (顺城 第二十二条, 冷水滩 第十八条, 高青 9.2). */
export const FOLLOW_UPS = [
  { code: 'none', zh: '无需后续处置', en: 'no follow-up needed' },
  { code: 'order-rectify', zh: '责令改正', en: 'order to rectify' },
  { code: 'case', zh: '立案查处', en: 'open a case' },
  { code: 'transfer-admin', zh: '移送其他行政机关', en: 'refer to another administrative authority' },
  { code: 'transfer-judicial', zh: '移送司法机关', en: 'refer to the judicial authorities' },
  { code: 'notify', zh: '抄告相关部门', en: 'notify the departments concerned' },
  { code: 'other', zh: '其他', en: 'other' },
] as const satisfies readonly Choice<string>[];

export type OutcomeCode = (typeof OUTCOMES)[number]['code'];
export type FollowUpCode = (typeof FOLLOW_UPS)[number]['code'];

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

function matcher<C extends string>(choices: readonly Choice<C>[]): (input: string) => C | undefined {
  const index = new Map<string, C>();
  for (const c of choices) for (const k of [c.code, c.zh, ...(c.aliases ?? [])]) index.set(norm(k), c.code);
  return (input) => index.get(norm(input));
}

const matchOutcome = matcher<OutcomeCode>(OUTCOMES);
const matchFollowUp = matcher<FollowUpCode>(FOLLOW_UPS);

/** "code  中文" lines for error messages, so the officer can copy either form. */
export function choiceList(choices: readonly Choice<string>[]): string {
  return choices.map((c) => `${c.code} = ${c.zh}`).join('; ');
}

/** Match without throwing (CSV validation collects problems instead). */
export const findOutcome = (input: string): OutcomeCode | undefined => matchOutcome(input);
export const findFollowUp = (input: string): FollowUpCode | undefined => matchFollowUp(input);

/** The published (Chinese) or English name of a stored code; an unknown code is shown as is, never hidden. */
export function outcomeName(code: string, lang: 'zh' | 'en' = 'zh'): string {
  return OUTCOMES.find((o) => o.code === code)?.[lang] ?? code;
}

export function followUpName(code: string, lang: 'zh' | 'en' = 'zh'): string {
  if (code === '') return '';
  return FOLLOW_UPS.find((o) => o.code === code)?.[lang] ?? code;
}

export const OBJECTION_DECISIONS = [
  { code: 'upheld', zh: '异议成立', en: 'upheld' },
  { code: 'rejected', zh: '异议不成立', en: 'rejected' },
  { code: 'partly', zh: '部分成立', en: 'partly upheld' },
] as const satisfies readonly Choice<string>[];
export type DecisionCode = (typeof OBJECTION_DECISIONS)[number]['code'];

const matchDecision = matcher<DecisionCode>(OBJECTION_DECISIONS);

/** Match a decision without throwing. */
export const findDecision = (input: string): DecisionCode | undefined => matchDecision(input);
