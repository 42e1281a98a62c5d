import type { Register } from '../register.js';
import { table } from '../output.js';
import { requireIsoDate } from '../../domain/dates.js';
import { OBJECTION_DECISIONS } from '../../domain/outcomes.js';
import { parseDecision } from '../choices.js';
import { loadCalendar } from '../../app/calendar.js';
import { getNumberSetting } from '../../db/settings.js';
import { insertObjection, objectionAuditRow, objectionViews } from '../../db/results.js';
import { answerObjection, resolveObjection } from '../../app/objections.js';
import { inputError } from '../../errors.js';

import { str, optDate, deadlineText, withTarget, targetOf, onResult, who } from '../result-options.js';

/** `ssj objection`: an enterprise's objection to its result and its review (高青 9.2). */

function parseObjectionId(v: unknown): number {
  const s = String(v);
  if (!/^[1-9]\d*$/.test(s)) throw inputError('objection.badId', { value: s });
  return Number(s);
}

export const register: Register = (program, wrap) => {
  const objection = program
    .command('objection')
    .description("an enterprise's objection to its result, and its review (高青 9.2) / 异议与复核")
    .addHelpText(
      'after',
      `\nDecisions: ${OBJECTION_DECISIONS.map((d) => `${d.code} = ${d.zh}`).join(', ')}\n\nExamples:\n  ssj objection add --plan 2024Q1 --enterprise 91350100M000100Y43 --received 2024-03-01 --text "对检查结果有异议"\n  ssj objection resolve 1 --decision upheld --text "记录有误，予以更正" --date 2024-03-15\n  ssj objection answer 1 --date 2024-03-18`,
    );

  withTarget(objection.command('add').description('record an objection received from an enterprise'))
    .requiredOption('--received <YYYY-MM-DD>', 'date the objection was received')
    .requiredOption('--text <text>', 'what the enterprise says')
    .action(
      wrap((ctx, _args, opts) => {
        const t = targetOf(opts);
        const received = requireIsoDate(String(opts.received), '--received');
        const o = onResult(ctx, t, 'objection.add', (db, r) => {
          const row = insertObjection(db, r, received, String(opts.text), ctx.now(), ctx.operator);
          return { value: row, payload: { objections: [objectionAuditRow(row)] } };
        });
        const db = ctx.db();
        const days = getNumberSetting(db, 'deadline.objectionReviewDays');
        const review = deadlineText(ctx, loadCalendar(db), received, days);
        ctx.out.result({ objection: objectionAuditRow(o), reviewDue: review.due }, () =>
          ctx.out.msg('objection.added', {
            id: o.id,
            plan: t.planId,
            uscc: t.uscc,
            received,
            reviewDue: review.text,
            days,
          }),
        );
      }),
    );

  objection
    .command('resolve <id>')
    .description('record the review decision (upheld, rejected, partly)')
    .requiredOption('--decision <decision>', 'upheld | rejected | partly')
    .requiredOption('--text <text>', 'the review finding')
    .requiredOption('--date <YYYY-MM-DD>', 'date of the review decision')
    .option('--answered <YYYY-MM-DD>', 'date the enterprise was told (or later: ssj objection answer)')
    .action(
      wrap((ctx, [id], opts) => {
        const decision = parseDecision(String(opts.decision));
        const date = requireIsoDate(String(opts.date), '--date');
        const answered = optDate(opts.answered, '--answered');
        const db = ctx.db();
        const done = resolveObjection(db, who(ctx), {
          id: parseObjectionId(id),
          decision,
          text: String(opts.text),
          date,
          answered,
        });
        const o = done.row;
        const days = getNumberSetting(db, 'deadline.objectionAnswerDays');
        const answer = o.answered_at ? null : deadlineText(ctx, loadCalendar(db), date, days);
        const answerDue = answer?.due ?? null;
        ctx.out.result(
          { objection: objectionAuditRow(o), answerDue, correctionNeeded: decision !== 'rejected' },
          () => {
            const lines = [
              ctx.out.msg('objection.resolved', {
                id: o.id,
                decision: OBJECTION_DECISIONS.find((d) => d.code === decision)![ctx.lang],
                date,
              }),
            ];
            if (answer) lines.push(ctx.out.msg('objection.answerDue', { id: o.id, due: answer.text, days }));
            return lines;
          },
        );
        if (decision !== 'rejected')
          ctx.out.warn('objection.upheldRemind', { id: o.id, plan: done.plan_id, uscc: done.uscc });
      }),
    );

  objection
    .command('answer <id>')
    .description('record the day the review outcome was sent to the enterprise')
    .requiredOption('--date <YYYY-MM-DD>', 'the day')
    .action(
      wrap((ctx, [id], opts) => {
        const date = requireIsoDate(String(opts.date), '--date');
        const o = answerObjection(ctx.db(), who(ctx), parseObjectionId(id), date);
        ctx.out.result({ objection: objectionAuditRow(o) }, () =>
          ctx.out.msg('objection.answered', { id: o.id, date }),
        );
      }),
    );

  objection
    .command('list')
    .description('show objections and their reviews')
    .option('--plan <id>', 'only this plan')
    .action(
      wrap((ctx, _args, opts) => {
        const rows = objectionViews(ctx.db({ mustExist: true }), str(opts.plan));
        ctx.out.result(rows, (list) => {
          if (!list.length) return ctx.out.msg('objection.none');
          const m = (k: string) => ctx.out.msg(k);
          return table(
            [
              m('objection.col.id'),
              m('result.col.plan'),
              m('result.col.uscc'),
              m('result.col.name'),
              m('objection.col.received'),
              m('objection.col.decision'),
              m('objection.col.reviewed'),
              m('objection.col.answered'),
            ],
            list.map((o) => [
              o.id,
              o.plan_id,
              o.uscc,
              o.name,
              o.received,
              o.decision ? (OBJECTION_DECISIONS.find((d) => d.code === o.decision)?.[ctx.lang] ?? o.decision) : '-',
              o.reviewed_at ?? '-',
              o.answered_at ?? '-',
            ]),
          );
        });
      }),
    );
};
