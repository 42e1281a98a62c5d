import type { Catalog } from '../types.js';

/** Drawing, events and bundles of plans that draw under SSJ-2 (issue 14, the wiring). */
export const ssj2Wiring: Catalog = {
  'plan.badProtocol': {
    zh: (p) => `应为 "SSJ-1" 或 "SSJ-2"（现为 ${JSON.stringify(p.value)}）`,
    en: (p) => `must be "SSJ-1" or "SSJ-2" (got ${JSON.stringify(p.value)})`,
  },
  'plan.ssj1CannotDraw': {
    zh: '"SSJ-1" 不能抽取联合抽查、专家、分层检查组、inspectors.where 或 items.department：请删除 protocol 或改为 "SSJ-2"',
    en: '"SSJ-1" cannot draw joint, experts, a stratum team, inspectors.where or items.department: remove protocol or say "SSJ-2"',
  },
  'event.reassignNeedsSsj2': {
    zh: (p) =>
      `人员调整（reassign）只适用于按 SSJ-2 抽取的计划；本计划按 SSJ-1 抽取，企业 ${p.uscc} 的人员变动请用 ssj recuse。`,
    en: (p) =>
      `A reassign applies only to plans drawn under SSJ-2; this plan was drawn under SSJ-1: use ssj recuse for ${p.uscc}.`,
  },
};
