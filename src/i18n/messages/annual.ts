import type { Catalog } from '../types.js';

/** The annual plan (issue 18 part 5) and corrections of a published result's feedback (issue 18, 高青 9.1). */
export const annual: Catalog = {
  'feedback.publishedChange': {
    zh: '{plan} {uscc} 的检查结果已于 {published} 公示，已登记的 {fields} 不得擅自更改（高青 9.1）。确需更正时，请同时给出 --reason 原因、--approved-by 签字确认的任务执行单位主要负责人和 --approved-on 签字日期。',
    en: 'The result of {plan} {uscc} was published on {published}; the recorded {fields} may not be changed silently (高青 9.1). To correct it, give --reason, --approved-by (the head of the executing unit who signed) and --approved-on together.',
  },
  'feedback.correctionNotNeeded': {
    zh: '{plan} {uscc}：没有需要更正的已公示内容（结果未公示，或只是补登尚未登记的内容），请去掉 --reason/--approved-by/--approved-on。',
    en: '{plan} {uscc}: nothing published is being changed (the result is not published, or only new values are added); leave out --reason/--approved-by/--approved-on.',
  },
  'feedback.correctionIncomplete': {
    zh: '更正须同时给出 --reason、--approved-by 和 --approved-on（高青 9.1）',
    en: 'A correction needs --reason, --approved-by and --approved-on together (高青 9.1)',
  },
  'feedback.correctionEmpty': { zh: '{field} 不能为空', en: '{field} must not be empty' },
};
