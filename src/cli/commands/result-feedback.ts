import type { Command } from 'commander';
import type { Register } from '../register.js';
import { recordFeedback } from '../../app/result-feedback.js';
import { dateInShanghai } from '../../core/workdays.js';
import { requireIsoDate } from '../../domain/dates.js';
import {
  checkPublicOpinion,
  OPINION_CATEGORIES,
  parseSatisfaction,
  parseUses,
  RESULT_USES,
  SATISFACTION,
  satisfactionName,
  useNames,
} from '../../domain/feedback.js';
import { normaliseCode } from '../../domain/rosters.js';
import { feedbackAuditRow } from '../../db/feedback.js';
import { resultAuditRow } from '../../db/results.js';
import { inputError, usageError } from '../../errors.js';

function nonEmpty(v: unknown, field: string): string {
  const s = String(v).trim();
  if (!s) throw usageError('feedback.correctionEmpty', { field });
  return s;
}

const NONE = new Set(['none', '无', '无意见', '未反馈']);

/**
 * `ssj result feedback`: the enterprise's side of a check (顺城 第十八、二十条; 冷水滩 第十七条). A subcommand of
 * `ssj result`, registered after it (commands/index.ts) so result.ts stays small.
 */
export const register: Register = (program, wrap) => {
  const result = program.commands.find((c: Command) => c.name() === 'result');
  if (!result) throw new Error('ssj result must be registered before ssj result feedback');
  result
    .command('feedback')
    .description(
      'the written feedback to the enterprise and what comes back: its opinion, the satisfaction card, and how the result was used (顺城 第十八、二十条; 冷水滩 第十七条)',
    )
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', '统一社会信用代码 of a selected enterprise')
    .option('--date <YYYY-MM-DD>', 'the day the written result was given to the enterprise (顺城 第十八条)')
    .option('--opinion <text>', "the enterprise's opinion on the check and the inspectors (internal); none = none came")
    .option('--opinion-on <YYYY-MM-DD>', 'the day the opinion was received (default with --opinion none: today)')
    .option(
      '--publish-opinion <text>',
      `意见建议 to publish: a category (${OPINION_CATEGORIES.join('、')}) or a short text`,
    )
    .option(
      '--satisfaction <answer>',
      `satisfaction card answer: ${SATISFACTION.map((s) => `${s.code} = ${s.zh}`).join(', ')}`,
    )
    .option('--card-on <YYYY-MM-DD>', 'the day the satisfaction card came back (default: today)')
    .option('--use <uses>', `结果运用, comma-separated: ${RESULT_USES.map((u) => `${u.code} = ${u.zh}`).join(', ')}`)
    .option('--reason <text>', 'after publication: why a value already recorded is corrected (高青 9.1)')
    .option('--approved-by <name>', 'after publication: the head of the executing unit who signed the correction')
    .option('--approved-on <YYYY-MM-DD>', 'after publication: the day it was signed')
    .addHelpText(
      'after',
      `\nThe enterprise gives its opinion within deadline.opinionDays (3) working days of the written feedback\n(顺城 第二十条); ssj due lists it until --opinion is recorded (--opinion none when nothing came). The monthly\npublication carries 反馈情况, 意见建议 (only the --publish-opinion text, never the enterprise's own words) and\n结果运用 (顺城 第二十一条). Once the result is published, a value already recorded changes only as a correction\nwith --reason, --approved-by and --approved-on (高青 9.1: 检查结果一经公示，不得擅自更改); adding a value not recorded yet\nneeds none.\n\nExamples:\n  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --date 2024-02-10\n  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --opinion "检查规范，无意见" --opinion-on 2024-02-12 --publish-opinion 无意见\n  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --satisfaction 满意 --card-on 2024-02-08 --use 责令整改`,
    )
    .action(
      wrap((ctx, _args, opts) => {
        const today = dateInShanghai(ctx.now());
        const date = (v: unknown, field: string) => {
          const d = requireIsoDate(String(v), field);
          if (d > today) throw inputError('result.futureDate', { date: d, today });
          return d;
        };
        const opinionText = opts.opinion === undefined ? undefined : String(opts.opinion).trim();
        if (opinionText === '') throw inputError('feedback.emptyOpinion');
        const none = opinionText !== undefined && NONE.has(opinionText.normalize('NFKC').toLowerCase());
        if (opts.opinionOn !== undefined && opinionText === undefined) throw inputError('feedback.opinionOnAlone');
        if (opinionText !== undefined && !none && opts.opinionOn === undefined)
          throw inputError('feedback.opinionOnRequired');
        if (opts.cardOn !== undefined && opts.satisfaction === undefined) throw inputError('feedback.cardOnAlone');
        const correctionGiven = [opts.reason, opts.approvedBy, opts.approvedOn].filter((v) => v !== undefined).length;
        if (correctionGiven > 0 && correctionGiven < 3) throw usageError('feedback.correctionIncomplete');
        const correction =
          correctionGiven === 3
            ? {
                reason: nonEmpty(opts.reason, '--reason'),
                approvedBy: nonEmpty(opts.approvedBy, '--approved-by'),
                approvedOn: date(opts.approvedOn, '--approved-on'),
              }
            : undefined;
        const out = recordFeedback(
          ctx.db(),
          {
            planId: String(opts.plan),
            uscc: normaliseCode(String(opts.enterprise)),
            feedbackDate: opts.date === undefined ? undefined : date(opts.date, '--date'),
            opinion:
              opinionText === undefined
                ? undefined
                : {
                    kind: none ? 'none' : 'given',
                    text: none ? '' : opinionText,
                    on: opts.opinionOn === undefined ? today : date(opts.opinionOn, '--opinion-on'),
                  },
            opinionPublic:
              opts.publishOpinion === undefined ? undefined : checkPublicOpinion(String(opts.publishOpinion)),
            satisfaction:
              opts.satisfaction === undefined
                ? undefined
                : {
                    answer: parseSatisfaction(String(opts.satisfaction)),
                    on: opts.cardOn === undefined ? today : date(opts.cardOn, '--card-on'),
                  },
            uses: opts.use === undefined ? undefined : parseUses(String(opts.use)),
            correction,
          },
          ctx.now(),
          ctx.operator,
        );
        const f = out.feedback;
        ctx.out.result({ result: resultAuditRow(out.result), feedback: feedbackAuditRow(f) }, () =>
          ctx.out.msg('feedback.recorded', {
            plan: out.result.plan_id,
            uscc: out.result.uscc,
            date: out.result.feedback_date ?? '-',
            opinion:
              f.opinion_kind === null
                ? ctx.out.msg('feedback.pending')
                : f.opinion_kind === 'none'
                  ? ctx.out.msg('feedback.opinionNone')
                  : `${f.opinion_on}`,
            public: f.opinion_public || '-',
            satisfaction: f.satisfaction ? satisfactionName(f.satisfaction, ctx.lang) : '-',
            uses: f.uses ? useNames(f.uses.split(','), ctx.lang) : '-',
          }),
        );
      }),
    );
};
