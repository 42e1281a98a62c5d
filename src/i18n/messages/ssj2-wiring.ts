import type { Catalog } from '../types.js';

/** Drawing, events and bundles of plans that draw under SSJ-2 (issue 14, the wiring). */
export const ssj2Wiring: Catalog = {
  'plan.badProtocol': {
    zh: (p) => `应为 "SSJ-1" 或 "SSJ-2"（现为 ${JSON.stringify(p.value)}）`,
    en: (p) => `must be "SSJ-1" or "SSJ-2" (got ${JSON.stringify(p.value)})`,
  },
  'event.reassignNeedsSsj2': {
    zh: (p) =>
      `人员调整（reassign）只适用于按 SSJ-2 抽取的计划；本计划按 SSJ-1 抽取，企业 ${p.uscc} 的人员变动请用 ssj recuse。`,
    en: (p) =>
      `A reassign applies only to plans drawn under SSJ-2; this plan was drawn under SSJ-1: use ssj recuse for ${p.uscc}.`,
  },
};
