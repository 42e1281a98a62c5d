import { DomainError } from './problem.js';

const inputError = (code: string, details: Record<string, unknown> = {}) => new DomainError(code, details);

/**
 * The enterprise's side of a check (issue 18): 顺城 第二十条 (the enterprise's opinion on the inspectors, within
 * 3 working days of the written feedback), 冷水滩 第十七条 (the 满意度反馈卡 after each check) and 顺城 第二十一条 /
 * 冷水滩 第十七条 (the publication carries 检查的反馈情况、被检查对象的意见建议、检查结果的运用).
 */

/** 结果运用: how the result was used. Several may apply (a fine and an order to rectify); 无 stands alone. */
export const RESULT_USES = [
  { code: 'penalty', zh: '行政处罚', en: 'administrative penalty' },
  { code: 'rectify', zh: '责令整改', en: 'order to rectify' },
  { code: 'transfer', zh: '移送', en: 'transferred' },
  { code: 'credit', zh: '信用惩戒', en: 'credit sanction' },
  { code: 'none', zh: '无', en: 'none' },
] as const;
export type ResultUse = (typeof RESULT_USES)[number]['code'];

/** The satisfaction card's overall answer (满意度反馈卡). */
export const SATISFACTION = [
  { code: 'satisfied', zh: '满意', en: 'satisfied' },
  { code: 'fair', zh: '基本满意', en: 'fairly satisfied' },
  { code: 'unsatisfied', zh: '不满意', en: 'unsatisfied' },
] as const;
export type Satisfaction = (typeof SATISFACTION)[number]['code'];

/** Categories for the published 意见建议; a short text the officer approves is allowed too. */
export const OPINION_CATEGORIES = [
  '无意见',
  '满意',
  '对检查方式提出建议',
  '对检查人员提出意见',
  '对检查结果有异议',
] as const;

const find = <T extends { code: string; zh: string }>(list: readonly T[], v: string): T | undefined => {
  const s = v.normalize('NFKC').trim();
  return list.find((x) => x.code === s.toLowerCase() || x.zh === s);
};

/** "行政处罚,责令整改" or "penalty、rectify" → codes in the table's order; 无 only alone. */
export function parseUses(value: string): ResultUse[] {
  const parts = value
    .normalize('NFKC')
    .split(/[,，、;；\s]+/)
    .filter(Boolean);
  const codes = new Set<ResultUse>();
  for (const p of parts) {
    const u = find(RESULT_USES, p);
    if (!u) throw inputError('feedback.badUse', { value: p, allowed: RESULT_USES.map((x) => x.zh).join('、') });
    codes.add(u.code);
  }
  if (codes.size === 0)
    throw inputError('feedback.badUse', { value, allowed: RESULT_USES.map((x) => x.zh).join('、') });
  if (codes.has('none') && codes.size > 1) throw inputError('feedback.noneAlone', { value });
  return RESULT_USES.map((u) => u.code).filter((c) => codes.has(c));
}

export const useNames = (codes: readonly string[], lang: 'zh' | 'en' = 'zh'): string =>
  codes.map((c) => RESULT_USES.find((u) => u.code === c)?.[lang] ?? c).join(lang === 'zh' ? '、' : ', ');

export function parseSatisfaction(value: string): Satisfaction {
  const s = find(SATISFACTION, value);
  if (!s) throw inputError('feedback.badSatisfaction', { value, allowed: SATISFACTION.map((x) => x.zh).join('、') });
  return s.code;
}

export const satisfactionName = (code: string, lang: 'zh' | 'en' = 'zh'): string =>
  SATISFACTION.find((s) => s.code === code)?.[lang] ?? code;

/** The longest 意见建议 text published: a category or one short sentence, not the enterprise's letter. */
export const PUBLIC_OPINION_MAX = 60;

/**
 * The 意见建议 the officer approves for publication: at most PUBLIC_OPINION_MAX characters and no run of 7 or more
 * digits (published files never carry a phone or ID number; a date is written 2024年3月1日).
 */
export function checkPublicOpinion(value: string): string {
  const s = value.normalize('NFKC').trim();
  if (!s) throw inputError('feedback.emptyPublic');
  if ([...s].length > PUBLIC_OPINION_MAX)
    throw inputError('feedback.publicTooLong', { max: PUBLIC_OPINION_MAX, length: [...s].length });
  if (/\d{7,}/.test(s.replace(/[\s-]/g, ''))) throw inputError('feedback.publicDigits', { value: s });
  return s;
}
