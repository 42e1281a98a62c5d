import type { Catalog } from '../types.js';

const who = (zh: boolean, name: unknown, code: unknown) => (zh ? `${name}（${code}）` : `${name} (${code})`);

/** `ssj reassign` (人员调整, 高青 7.3) and the SSJ-2 reasons of an event's newcomer. */
export const reassign: Catalog = {
  'event.reassign.left': {
    zh: (p) =>
      `人员调整：${who(true, p.name, p.certNo)}退出${who(true, p.enterprise, p.uscc)}检查组第 ${p.seat} 席。公开的原因类别：${p.reason}`,
    en: (p) =>
      `Reassign: ${who(false, p.name, p.certNo)} leaves seat ${p.seat} of the team for ${who(false, p.enterprise, p.uscc)}. Published reason category: ${p.reason}`,
  },
  'event.group.why': {
    zh: (p) =>
      `依据：${p.seed ? `按新的公开种子“${p.seed}”计算的 R 签顺序` : '按原抽签顺序（I 签）'}，在“${p.groupName}”组候选人中排第 ${p.position} 位${p.neededSpecialist ? '（本组须补足专长人员）' : ''}；该企业第 ${p.k} 次人员变动。`,
    en: (p) =>
      `Why: number ${p.position} among the candidates of group "${p.groupName}" ${p.seed ? `in the R order of the fresh public seed "${p.seed}"` : 'in the original I order'}${p.neededSpecialist ? ' (the group needed a specialist)' : ''}; change number ${p.k} on this enterprise.`,
  },
  'event.group.experts': { zh: '专家', en: 'experts' },
  'event.group.officers': { zh: '执法人员', en: 'officers' },
  'event.reassign.noConflict': {
    zh: (p) =>
      `人员调整不属于回避：${who(true, p.name, p.certNo)}与该企业不登记利害关系，仅在本计划内不再派往该企业，今后的抽查仍可能派其检查。`,
    en: (p) =>
      `A reassign is not a recusal: no conflict is recorded for ${who(false, p.name, p.certNo)}; they are barred from this enterprise in this plan only and may be sent there by later plans.`,
  },
};
