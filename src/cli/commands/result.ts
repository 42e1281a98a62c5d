import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { table } from '../output.js';
import { dateInShanghai } from '../../core/workdays.js';
import { requireIsoDate } from '../../domain/dates.js';
import { followUpName, outcomeName } from '../../domain/outcomes.js';
import { parseFollowUp, parseOutcome } from '../choices.js';
import { importResults, publishResults, recordResult } from '../../app/results.js';
import {
  correctionAuditRow,
  insertCorrection,
  resultAuditRow,
  resultViews,
  setProcessDate,
  type ResultView,
} from '../../db/results.js';
import { inputError, refused } from '../../errors.js';
import { readResultsFile } from '../../io/results-csv.js';
import { checkResultDates } from '../../app/result-dates.js';

import { str, optDate, who, failOnProblems, withTarget, targetOf, onResult } from '../result-options.js';

/** `ssj result`: record, import, list, publish and correct the results of checks (高青 8.3, 9.1; 顺城 第十七条). Every write is one transaction with its audit entry. */

export const register: Register = (program, wrap) => {
  const result = program
    .command('result')
    .description('check results: record, import, publish, correct / 检查结果：登记、导入、公示、更正')
    .addHelpText(
      'after',
      `\nOutcomes (code = 中文, 高青 8.3): see README "Results and deadlines".\n\nExamples:\n  ssj result record --plan 2024Q1 --enterprise 91350100M000100Y43 --outcome no-issue --date 2024-02-08\n  ssj result import results.csv\n  ssj result publish --plan 2024Q1\n  ssj result correct --plan 2024Q1 --enterprise 91350100M000100Y43 --outcome rectify --reason "复核发现记录有误" --approved-by 张三 --approved-on 2024-03-04`,
    );

  withTarget(result.command('record').description('record (or, before publication, re-record) the result of one check'))
    .requiredOption('--outcome <outcome>', 'outcome: short code or Chinese name (高青 8.3)')
    .requiredOption('--date <YYYY-MM-DD>', 'date of the check')
    .option('--follow-up <action>', 'follow-up action: short code or Chinese name')
    .option('--note <text>', 'free text')
    .option('--report-date <YYYY-MM-DD>', 'date the report was completed')
    .option('--feedback-date <YYYY-MM-DD>', 'date the result was given to the enterprise')
    .action(
      wrap((ctx, _args, opts) => {
        const { planId, uscc } = targetOf(opts);
        const outcome = parseOutcome(String(opts.outcome));
        const followUp = opts.followUp === undefined ? undefined : parseFollowUp(String(opts.followUp));
        const checkDate = requireIsoDate(String(opts.date), '--date');
        const reportDate = optDate(opts.reportDate, '--report-date');
        const feedbackDate = optDate(opts.feedbackDate, '--feedback-date');
        const out = recordResult(
          ctx.db(),
          who(ctx),
          { planId, uscc, outcome, followUp, checkDate, reportDate, feedbackDate, note: str(opts.note) },
          (code, params) => ctx.out.warn(code, params),
        );
        ctx.out.result({ updated: out.updated, result: resultAuditRow(out.row) }, () =>
          ctx.out.msg(out.updated ? 'result.updated' : 'result.recorded', {
            plan: planId,
            uscc,
            name: out.name,
            outcome: outcomeName(outcome, ctx.lang),
            date: checkDate,
          }),
        );
      }),
    );

  // `ssj result feedback` (the written feedback and what comes back) is its own file: result-feedback.ts.
  for (const field of ['report_date'] as const) {
    const name = 'report';
    withTarget(result.command(name))
      .description(
        field === 'report_date'
          ? 'record the day the check report was completed (顺城 第十七条)'
          : 'record the day the result was given to the enterprise (顺城 第十八条)',
      )
      .requiredOption('--date <YYYY-MM-DD>', 'the day')
      .action(
        wrap((ctx, _args, opts) => {
          const t = targetOf(opts);
          const date = requireIsoDate(String(opts.date), '--date');
          const row = onResult(ctx, t, `result.${name}`, (db, r) => {
            checkResultDates(db, t.planId, ctx.now(), { report: date });
            const updated = setProcessDate(db, r, field, date);
            return { value: updated, payload: { results: [resultAuditRow(updated)] } };
          });
          ctx.out.result({ result: resultAuditRow(row) }, () =>
            ctx.out.msg('result.dateSet', {
              plan: t.planId,
              uscc: t.uscc,
              what: ctx.out.msg(`result.what.${field}`),
              date,
            }),
          );
        }),
      );
  }

  result
    .command('import <file>')
    .description(
      'record many results from a CSV (计划编号, 统一社会信用代码, 检查日期, 检查结果, 后续处置, 备注); all rows or none',
    )
    .option('--encoding <name>', 'force the file encoding (utf-8, gbk, gb18030); default: detected')
    .action(
      wrap(async (ctx, [file], opts) => {
        const path = ctx.path(String(file));
        const table = await readResultsFile(path, str(opts.encoding), String(file));
        if (table.unknown.length)
          ctx.out.warn('result.unknownColumns', { file: String(file), columns: table.unknown.join(', ') });
        if (table.problems.length)
          failOnProblems(ctx, 'result.importInvalid', String(file), table.problems, table.headerOf);
        const counts = importResults(
          ctx.db(),
          who(ctx),
          { name: String(file), sha256: table.scan.sha256, rows: table.rows },
          (problems) => failOnProblems(ctx, 'result.importInvalid', String(file), problems, table.headerOf),
        );
        ctx.out.result({ file: String(file), ...counts }, (c) => ctx.out.msg('result.imported', c));
      }),
    );

  result
    .command('list')
    .description('show results as they stand now (corrections applied, originals noted)')
    .option('--plan <id>', 'only this plan')
    .action(
      wrap((ctx, _args, opts) => {
        const views = resultViews(ctx.db({ mustExist: true }), str(opts.plan));
        ctx.out.result(views, (v) => renderResults(ctx, v));
      }),
    );

  result
    .command('publish')
    .description(
      'mark every unpublished result and correction of a plan as published; published results cannot be edited',
    )
    .requiredOption('--plan <id>', 'plan id')
    .action(
      wrap((ctx, _args, opts) => {
        const planId = String(opts.plan);
        const w = who(ctx);
        const at = w.at;
        const done = publishResults(ctx.db(), w, planId);
        const counts = { plan: planId, at, results: done.results.length, corrections: done.corrections.length };
        ctx.out.result(counts, (c) =>
          ctx.out.msg(c.results + c.corrections > 0 ? 'result.publishedCount' : 'result.nothingToPublish', c),
        );
      }),
    );

  withTarget(
    result
      .command('correct')
      .description('record a correction of a published result beside it (高青 9.1); the original is kept'),
  )
    .requiredOption('--outcome <outcome>', 'the corrected outcome')
    .requiredOption('--reason <text>', 'why the published result was wrong')
    .option('--approved-by <name>', 'the head of the executing unit who signed the correction (高青 9.1); required')
    .option('--approved-on <YYYY-MM-DD>', 'the day it was signed; required')
    .option(
      '--follow-up <action>',
      'corrected follow-up action (default: unchanged; none when the outcome becomes no-issue)',
    )
    .option('--note <text>', 'corrected note (default: unchanged)')
    .action(
      wrap((ctx, _args, opts) => {
        const t = targetOf(opts);
        const outcome = parseOutcome(String(opts.outcome));
        const followUp = opts.followUp === undefined ? undefined : parseFollowUp(String(opts.followUp));
        const reason = String(opts.reason).trim();
        if (!reason) throw inputError('result.reasonRequired');
        const approvedBy = opts.approvedBy === undefined ? '' : String(opts.approvedBy).trim();
        const approvedOn = optDate(opts.approvedOn, '--approved-on');
        const done = onResult(ctx, t, 'result.correct', (db, r) => {
          // Only a published result is corrected (an unpublished one is recorded again), and 高青 9.1 allows that
          // only with the signature of the executing unit's head: both are required, checked after publication.
          if (r.published_at !== null && (!approvedBy || !approvedOn))
            throw refused('result.approverRequired', {
              plan: t.planId,
              uscc: t.uscc,
              missing: [!approvedBy && '--approved-by', !approvedOn && '--approved-on'].filter(Boolean).join(', '),
            });
          if (approvedOn && approvedOn > dateInShanghai(ctx.now()))
            throw inputError('result.futureDate', { date: approvedOn, today: dateInShanghai(ctx.now()) });
          checkResultDates(db, t.planId, ctx.now(), { approved: approvedOn });
          const current = resultViews(db, t.planId).find((v) => v.uscc === t.uscc)!;
          // "No problem found" needs no follow-up: keeping the old one would publish a contradiction.
          const c = insertCorrection(
            db,
            r,
            {
              outcome,
              follow_up: followUp ?? (outcome === 'no-issue' ? 'none' : current.followUp),
              note: str(opts.note) ?? current.note,
              reason,
              approved_by: approvedBy,
              approved_on: approvedOn ?? '',
            },
            ctx.now(),
            ctx.operator,
          );
          return { value: { from: current.outcome, correction: c }, payload: { corrections: [correctionAuditRow(c)] } };
        });
        ctx.out.result({ correction: correctionAuditRow(done.correction) }, () =>
          ctx.out.msg('result.corrected', {
            plan: t.planId,
            uscc: t.uscc,
            from: outcomeName(done.from, ctx.lang),
            to: outcomeName(outcome, ctx.lang),
          }),
        );
      }),
    );
};

function renderResults(ctx: Context, views: ResultView[]): string {
  if (!views.length) return ctx.out.msg('result.none');
  const m = (k: string) => ctx.out.msg(k);
  const rows = views.map((v) => {
    const outcome =
      outcomeName(v.outcome, ctx.lang) +
      (v.original
        ? ` (${ctx.out.msg('result.correctedNote', { outcome: outcomeName(v.original.outcome, ctx.lang) })})`
        : '');
    const pendingCorrection = v.corrections.some((c) => c.publishedAt === null);
    const published =
      v.publishedAt === null
        ? m('result.unpublished')
        : pendingCorrection
          ? ctx.out.msg('result.correctionUnpublished', { at: v.publishedAt })
          : v.publishedAt;
    return [v.planId, v.uscc, v.name, v.checkDate, outcome, followUpName(v.followUp, ctx.lang), published];
  });
  return table(
    ['plan', 'uscc', 'name', 'date', 'outcome', 'followUp', 'published'].map((k) => m(`result.col.${k}`)),
    rows,
  );
}
