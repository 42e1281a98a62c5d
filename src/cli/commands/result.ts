import type { Command } from 'commander';
import type { Register, Wrap } from '../register.js';
import type { Context } from '../context.js';
import { table } from '../output.js';
import type { Db } from '../../db/open.js';
import { appendAudit } from '../../audit/log.js';
import { addWorkdays, dateInShanghai, requireIsoDate, type WorkCalendar } from '../../core/workdays.js';
import {
  dueReport,
  tryCalendar,
  type DeadlineSettings,
  type DueItem,
  type DueReport,
  type UncoveredItem,
} from '../../core/deadlines.js';
import { arrangementProblems, packageDataNotice, problemParams } from '../../app/calendar-year.js';
import { followUpName, outcomeName, OBJECTION_DECISIONS } from '../../domain/outcomes.js';
import { parseDecision, parseFollowUp, parseOutcome } from '../choices.js';
import { officeDays, storeOfficeDays } from '../../db/calendar.js';
import { loadCalendar } from '../../app/calendar.js';
import { getNumberSetting } from '../../db/settings.js';
import {
  answerObjection,
  checkDateOrder,
  correctionAuditRow,
  drawnPlan,
  getObjection,
  getResult,
  insertCorrection,
  insertObjection,
  insertResult,
  objectionAuditRow,
  objectionViews,
  planStates,
  publishPlan,
  requireResult,
  requireSelected,
  resolveObjection,
  resultAuditRow,
  resultViews,
  setProcessDate,
  updateResult,
  validateResultRows,
  writeResults,
  type ResultRow,
  type ResultView,
  type RowProblem,
} from '../../db/results.js';
import { inputError, refused } from '../../errors.js';
import { normaliseCode } from '../../domain/rosters.js';
import { OFFICIAL_SOURCE, officialDays } from '../../io/calendar.js';
import { readHolidaysFile, readResultsFile } from '../../io/results-csv.js';

/**
 * `ssj result`, `ssj objection`, `ssj due` and `ssj calendar`: what happens after the draw (高青 8.3, 9.1, 9.2;
 * 顺城 第十七、十八、二十一条; 冷水滩 第十七条). Every write is one transaction with its audit entry.
 */
export const register: Register = (program, wrap) => {
  registerResult(program, wrap);
  registerObjection(program, wrap);
  registerDue(program, wrap);
  registerCalendar(program, wrap);
};

const str = (v: unknown) => (v === undefined ? undefined : String(v));
const optDate = (v: unknown, field: string) => (v === undefined ? null : requireIsoDate(String(v), field));

/** Settings keys of the deadlines, read once per command. */
export function deadlineSettings(ctx: Context): DeadlineSettings {
  const db = ctx.db();
  return {
    reportDays: getNumberSetting(db, 'deadline.reportDays'),
    feedbackDays: getNumberSetting(db, 'deadline.feedbackDays'),
    resultDays: getNumberSetting(db, 'deadline.resultDays'),
    monthlyDays: getNumberSetting(db, 'deadline.monthlyDays'),
    objectionReviewDays: getNumberSetting(db, 'deadline.objectionReviewDays'),
    objectionAnswerDays: getNumberSetting(db, 'deadline.objectionAnswerDays'),
  };
}

/** A check cannot be in the future; one outside the plan's window is allowed (checks slip) but said. */
function checkDateAgainstPlan(ctx: Context, plan: { window: { start: string; end: string } }, checkDate: string): void {
  const today = dateInShanghai(ctx.now());
  if (checkDate > today) throw inputError('result.futureDate', { date: checkDate, today });
  if (checkDate < plan.window.start || checkDate > plan.window.end)
    ctx.out.warn('result.outsideWindow', { date: checkDate, start: plan.window.start, end: plan.window.end });
}

/** A deadline for a confirmation message, or what to say when its year is not in the calendar yet (never "?"). */
function deadlineText(
  ctx: Context,
  cal: WorkCalendar,
  from: string,
  days: number,
): { due: string | null; text: string } {
  const r = tryCalendar(() => addWorkdays(cal, from, days));
  return r.year === undefined
    ? { due: r.value, text: r.value }
    : { due: null, text: ctx.out.msg('calendar.dueUncovered', { year: r.year }) };
}

/**
 * Refuse a file with bad rows (exit 3), listing every one with its line, column (as headed in the file) and
 * reason, in the user's language. Nothing has been written: the caller's transaction rolls back.
 */
function failOnProblems(
  ctx: Context,
  code: string,
  file: string,
  problems: readonly RowProblem[],
  headerOf: Record<string, string>,
): never {
  const rows = problems
    .map(
      (p) =>
        `  ${ctx.out.msg('result.rowProblem', { line: p.line, field: headerOf[p.field] ?? p.field, reason: ctx.out.msg(p.code, p.params) })}`,
    )
    .join('\n');
  throw inputError(code, { file, count: new Set(problems.map((p) => p.line)).size, rows });
}

async function holidaysFrom(ctx: Context, file: string, encoding: string | undefined) {
  const { days, problems, table } = await readHolidaysFile(ctx.path(file), encoding, file);
  if (table.unknown.length) ctx.out.warn('result.unknownColumns', { file, columns: table.unknown.join(', ') });
  if (problems.length) failOnProblems(ctx, 'calendar.fileInvalid', file, problems, table.headerOf);
  const missing = arrangementProblems(days);
  if (missing.length)
    throw inputError('calendar.incomplete', {
      file,
      years: [...new Set(missing.map((p) => p.year))].join('、'),
      problems: missing.map((p) => `  ${ctx.out.msg(`calendar.problem.${p.kind}`, problemParams(p))}`).join('\n'),
      missing,
    });
  return days;
}

/** --plan and --enterprise, the two options that name one check. */
function withTarget(cmd: Command): Command {
  return cmd
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', '统一社会信用代码 of a selected enterprise');
}

function targetOf(opts: Record<string, unknown>): { planId: string; uscc: string } {
  return { planId: String(opts.plan), uscc: normaliseCode(String(opts.enterprise)) };
}

/** Change something about an existing result in one transaction with its audit entry; returns what `write` returns. */
function onResult<T>(
  ctx: Context,
  t: { planId: string; uscc: string },
  action: string,
  write: (db: Db, r: ResultRow) => { value: T; payload: object },
): T {
  const db = ctx.db();
  return db
    .transaction(() => {
      drawnPlan(db, t.planId);
      const { value, payload } = write(db, requireResult(db, t.planId, t.uscc));
      appendAudit(db, { at: ctx.now(), operator: ctx.operator, action, planId: t.planId, payload });
      return value;
    })
    .immediate();
}

// ================================================================ result

function registerResult(program: Command, wrap: Wrap): void {
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
        const db = ctx.db();
        const out = db
          .transaction(() => {
            const drawn = drawnPlan(db, planId);
            const e = requireSelected(drawn, uscc);
            const old = getResult(db, planId, uscc);
            const fields = {
              outcome,
              check_date: checkDate,
              follow_up: followUp ?? old?.follow_up ?? '',
              note: str(opts.note) ?? old?.note ?? '',
              report_date: reportDate ?? old?.report_date ?? null,
              feedback_date: feedbackDate ?? old?.feedback_date ?? null,
            };
            const order = checkDateOrder(fields);
            if (order) throw inputError(order[0], order[1]);
            checkDateAgainstPlan(
              ctx,
              JSON.parse(drawn.plan.json) as { window: { start: string; end: string } },
              checkDate,
            );
            const row = old
              ? updateResult(db, old, fields, ctx.now(), ctx.operator)
              : insertResult(db, planId, uscc, fields, ctx.now(), ctx.operator);
            appendAudit(db, {
              at: ctx.now(),
              operator: ctx.operator,
              action: old ? 'result.update' : 'result.record',
              planId,
              payload: { results: [resultAuditRow(row)], ...(old ? { previous: resultAuditRow(old) } : {}) },
            });
            return { updated: Boolean(old), name: e.name, row };
          })
          .immediate();
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

  for (const field of ['report_date', 'feedback_date'] as const) {
    const name = field === 'report_date' ? 'report' : 'feedback';
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
        const db = ctx.db();
        const at = ctx.now();
        const counts = db
          .transaction(() => {
            const { valid, problems } = validateResultRows(db, table.rows);
            if (problems.length) failOnProblems(ctx, 'result.importInvalid', String(file), problems, table.headerOf);
            const w = writeResults(db, valid, at, ctx.operator);
            if (w.written.length) {
              appendAudit(db, {
                at,
                operator: ctx.operator,
                action: 'result.import',
                payload: {
                  file: String(file),
                  sha256: table.scan.sha256,
                  results: w.written.map(resultAuditRow),
                  previous: w.previous.map(resultAuditRow),
                },
              });
            }
            return { inserted: w.inserted, updated: w.updated, unchanged: w.unchanged };
          })
          .immediate();
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
        const db = ctx.db();
        const at = ctx.now();
        const done = db
          .transaction(() => {
            drawnPlan(db, planId);
            const p = publishPlan(db, planId, at);
            if (p.results.length + p.corrections.length > 0) {
              appendAudit(db, {
                at,
                operator: ctx.operator,
                action: 'result.publish',
                planId,
                payload: { results: p.results.map(resultAuditRow), corrections: p.corrections.map(correctionAuditRow) },
              });
            }
            return p;
          })
          .immediate();
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
}

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

// ================================================================ objection

function parseObjectionId(v: unknown): number {
  const s = String(v);
  if (!/^[1-9]\d*$/.test(s)) throw inputError('objection.badId', { value: s });
  return Number(s);
}

function registerObjection(program: Command, wrap: Wrap): void {
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
        const done = db
          .transaction(() => {
            const row = resolveObjection(
              db,
              getObjection(db, parseObjectionId(id)),
              decision,
              String(opts.text),
              date,
              answered,
            );
            const r = db.prepare('SELECT plan_id, uscc FROM results WHERE id = ?').get(row.result_id) as {
              plan_id: string;
              uscc: string;
            };
            appendAudit(db, {
              at: ctx.now(),
              operator: ctx.operator,
              action: 'objection.resolve',
              planId: r.plan_id,
              payload: { objections: [objectionAuditRow(row)] },
            });
            return { row, ...r };
          })
          .immediate();
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
        const db = ctx.db();
        const o = db
          .transaction(() => {
            const row = answerObjection(db, getObjection(db, parseObjectionId(id)), date);
            const r = db.prepare('SELECT plan_id FROM results WHERE id = ?').get(row.result_id) as { plan_id: string };
            appendAudit(db, {
              at: ctx.now(),
              operator: ctx.operator,
              action: 'objection.answer',
              planId: r.plan_id,
              payload: { objections: [objectionAuditRow(row)] },
            });
            return row;
          })
          .immediate();
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
}

// ================================================================ due

/** The number of working days ahead that `ssj due` shows ("due in the next 5 working days"). */
const DUE_HORIZON = 5;

function registerDue(program: Command, wrap: Wrap): void {
  program
    .command('due')
    .description('what is overdue and what is due in the next 5 working days / 逾期与即将到期的事项')
    .option('--today <YYYY-MM-DD>', 'count from this day (default: today in China, from --now or the clock)')
    .option('--plan <id>', 'only this plan')
    .option('--holidays <file>', 'extra holidays / make-up workdays CSV (date,kind,name), for this run only')
    .option('--strict', 'exit 5 when a deadline falls in a year the calendar does not cover (for scripts)')
    .addHelpText(
      'after',
      `\nDeadlines (working days, office settings \`ssj config\`; a plan's publication.resultDays overrides):\n  report       deadline.reportDays after the check (顺城 第十七条)\n  feedback     deadline.feedbackDays after the report (第十八条)\n  publication  deadline.resultDays after the check (高青 9.1)\n  monthly      the deadline.monthlyDays-th working day of the next month (顺城 第二十一条)\n  objections   review deadline.objectionReviewDays after receipt, answer deadline.objectionAnswerDays after review (高青 9.2)\n  missing      a selected enterprise with no result by the end of the plan window\n\nA deadline in a year the calendar does not cover yet is listed apart ("日历未覆盖 2027 年") with the command that\nfixes it; the others are still shown and ssj due exits 0 with a warning (--strict: exit 5).\n\nExamples:\n  ssj due\n  ssj due --today 2024-02-19 --plan 2024Q1 --json`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const db = ctx.db({ mustExist: true });
        const today =
          opts.today === undefined ? dateInShanghai(ctx.now()) : requireIsoDate(String(opts.today), '--today');
        const extra = opts.holidays === undefined ? [] : await holidaysFrom(ctx, String(opts.holidays), undefined);
        const cal = loadCalendar(db, extra);
        const planId = str(opts.plan);
        if (planId !== undefined) drawnPlan(db, planId);
        const report = dueReport(cal, today, planStates(db, planId), deadlineSettings(ctx), DUE_HORIZON);
        const old = packageDataNotice(cal, today);
        if (old) ctx.out.warn('calendar.packageOld', old);
        const n = report.uncovered.length;
        if (n && opts.strict)
          throw refused('due.strictUncovered', {
            count: n,
            years: report.uncoveredYears.join('、'),
            first: report.uncoveredYears[0],
            uncovered: report.uncovered,
          });
        if (n) ctx.out.warn('due.uncoveredWarn', { count: n, years: report.uncoveredYears.join('、') });
        ctx.out.result({ ...report, horizonDays: DUE_HORIZON, calendar: { coveredYears: cal.coveredYears } }, (r) =>
          renderDue(ctx, r),
        );
      }),
    );
}

function dueWhat(ctx: Context, i: DueItem): string {
  return ctx.out.msg(`due.kind.${i.kind}`, { month: i.month, pending: i.pending, id: i.objectionId });
}

function renderDue(ctx: Context, r: DueReport): string[] {
  const m = (k: string, p: Record<string, unknown> = {}) => ctx.out.msg(k, p);
  const lines = [
    r.horizon === null
      ? m('due.headerNoHorizon', { today: r.today, days: DUE_HORIZON })
      : m('due.header', { today: r.today, horizon: r.horizon, days: DUE_HORIZON }),
  ];
  if (!r.overdue.length && !r.due.length && !r.uncovered.length) return [...lines, m('due.nothing')];
  if (!r.overdue.length && !r.due.length) lines.push(m('due.nothing'));
  const section = (title: string, items: DueItem[]) => {
    if (!items.length) return;
    const state = (i: DueItem) =>
      i.status === 'overdue'
        ? i.workdays === null
          ? m('due.overdueUncounted')
          : m('due.overdueBy', { n: i.workdays })
        : i.workdays === 0
          ? m('due.today')
          : m('due.left', { n: i.workdays });
    lines.push('', `${title} (${items.length})`);
    lines.push(
      table(
        [m('due.col.due'), m('due.col.state'), m('due.col.what'), m('due.col.plan'), m('due.col.enterprise')],
        items.map((i) => [
          i.due,
          state(i),
          dueWhat(ctx, i),
          i.planId ?? '-',
          i.uscc ? `${i.uscc} ${i.name ?? ''}`.trim() : '-',
        ]),
      ),
    );
  };
  section(m('due.overdue'), r.overdue);
  section(m('due.soon'), r.due);
  for (const year of r.uncoveredYears) {
    const items = r.uncovered.filter((u) => u.year === year);
    lines.push('', `${m('due.uncovered', { year })} (${items.length})`);
    lines.push(
      table(
        [m('due.col.from'), m('due.col.what'), m('due.col.plan'), m('due.col.enterprise')],
        items.map((i: UncoveredItem) => [
          i.from,
          ctx.out.msg(`due.kind.${i.kind}`, { month: i.month, pending: i.pending, id: i.objectionId }),
          i.planId ?? '-',
          i.uscc ? `${i.uscc} ${i.name ?? ''}`.trim() : '-',
        ]),
      ),
    );
    lines.push(m('due.uncoveredHint', { year }));
  }
  return lines;
}

// ================================================================ calendar

function registerCalendar(program: Command, wrap: Wrap): void {
  const calendar = program
    .command('calendar')
    .description('the working-day calendar: official holidays and make-up workdays, plus your own / 工作日历')
    .addHelpText(
      'after',
      `\nThe official arrangements come with ssj (package chinese-days). Each year's source is the State Council notice\n国务院办公厅关于YYYY年部分节假日安排的通知 (published about November, www.gov.cn). When it is out before ssj is\nupdated, copy it into a CSV, one row per day: every day off of each holiday period (weekends included) and\nevery make-up workday (调休上班):\n\n  date,kind,name\n  2027-01-01,holiday,元旦\n  2027-02-05,holiday,春节\n  2027-02-20,workday,春节调休上班\n  ...\n\nA year ssj does not bundle is imported only whole: all 13 statutory holidays (元旦, 春节 除夕–初三, 清明,\n劳动节 2, 端午, 中秋, 国庆 3) must be days off, and weekdays off less make-up workdays must equal 13; otherwise\nnothing is imported and the missing days are named. Local days for a bundled year may be imported one by one.\n\nExamples:\n  ssj calendar import holidays-2027.csv\n  ssj calendar list --year 2024`,
    );

  calendar
    .command('import <file>')
    .description(
      'store holidays / make-up workdays from a CSV (date,kind,name; kind holiday or workday); all rows or none',
    )
    .option('--encoding <name>', 'force the file encoding (utf-8, gbk, gb18030); default: detected')
    .action(
      wrap(async (ctx, [file], opts) => {
        const days = await holidaysFrom(ctx, String(file), str(opts.encoding));
        const db = ctx.db();
        const counts = db
          .transaction(() => {
            const c = storeOfficeDays(db, days);
            appendAudit(db, {
              at: ctx.now(),
              operator: ctx.operator,
              action: 'calendar.import',
              payload: { file: String(file), days, ...c },
            });
            return c;
          })
          .immediate();
        const [from, to] = loadCalendar(db).coveredYears;
        ctx.out.result({ ...counts, coveredYears: [from, to] }, (c) =>
          ctx.out.msg('calendar.imported', { file: String(file), ...c, from, to }),
        );
      }),
    );

  calendar
    .command('list')
    .description("show the covered years and the office days (with --year, that year's official days too)")
    .option('--year <YYYY>', 'one year, official and office days')
    .action(
      wrap((ctx, _args, opts) => {
        const db = ctx.db({ mustExist: true });
        const year = opts.year === undefined ? undefined : Number(opts.year);
        if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200))
          throw inputError('error.badDate', { field: '--year', value: opts.year });
        const cal = loadCalendar(db);
        const [from, to] = cal.coveredYears;
        const old = packageDataNotice(cal, dateInShanghai(ctx.now()));
        if (old) ctx.out.warn('calendar.packageOld', old);
        const office = officeDays(db, year).map((d) => ({ ...d, source: 'office' as const }));
        const official =
          year === undefined ? [] : officialDays(year).map((d) => ({ ...d, source: 'official' as const }));
        const overridden = new Set(office.map((d) => d.date));
        const days = [...official.filter((d) => !overridden.has(d.date)), ...office].sort((a, b) =>
          a.date < b.date ? -1 : 1,
        );
        ctx.out.result({ coveredYears: [from, to], officialSource: OFFICIAL_SOURCE, days }, (r) => {
          const m = (k: string) => ctx.out.msg(k);
          const head = ctx.out.msg('calendar.coverage', { from, to, source: OFFICIAL_SOURCE });
          if (!r.days.length) return head;
          return [
            head,
            '',
            table(
              [m('calendar.col.date'), m('calendar.col.kind'), m('calendar.col.name'), m('calendar.col.source')],
              r.days.map((d) => [d.date, m(`calendar.kind.${d.kind}`), d.name, m(`calendar.source.${d.source}`)]),
            ),
          ];
        });
      }),
    );
}
