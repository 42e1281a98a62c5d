import type { Command } from 'commander';
import { inSnapshot } from '../../../db/tx.js';
import type { Wrap } from '../../register.js';
import type { Context } from '../../context.js';
import { usageError } from '../../../errors.js';
import {
  RESULTS_FORMATS,
  renderResults,
  resultsXlsx,
  scopeTitle,
  type ResultsData,
  type ResultsFormat,
} from '../../../io/results-export.js';
import { loadResults } from '../../../app/export-results.js';
import { emit, pickEncoding, pickFormat, warnIfOfficeUnset } from '../../export-output.js';

/** Registers `ssj export results`. */
export function registerResults(exp: Command, wrap: Wrap): void {
  exp
    .command('results')
    .description('the results announcement (抽查结果公告) of a plan or of a month, as CSV or HTML')
    .option('--plan <id>', 'every recorded result of this plan')
    .option('--month <YYYY-MM>', 'every result with a check date in this month (the monthly publication)')
    .option('--format <format>', 'csv | html | xlsx (default: from --out, else csv)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--encoding <name>', 'CSV only: utf8 (default, with BOM) or gb18030')
    .addHelpText(
      'after',
      `
Examples:
  ssj export results --month 2024-03 --out 2024年3月抽查结果.csv
  ssj export results --plan 2024Q1 --format html --out 2024Q1-抽查结果公告.html
  ssj export results --plan 2024Q1 --out 2024Q1-抽查结果.xlsx     (Excel: codes as text, dates as dates)

Every recorded result is exported, published or not, with corrections beside the original. After uploading,
mark them published with ssj result publish --plan ID (the command prints it when some are not marked yet).
Results of an unannounced plan stay out until its window has ended.`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const scope = scopeOf(opts);
        const format = pickFormat<ResultsFormat | 'xlsx'>(opts.format, opts.out, [...RESULTS_FORMATS, 'xlsx'], 'csv');
        const encoding = pickEncoding(opts.encoding, format);
        const db = ctx.db({ mustExist: true });
        const data = inSnapshot(db, () => loadResults(db, scope, ctx.now()));
        warnIfOfficeUnset(ctx, db);
        warnAboutResults(ctx, data);
        if (ctx.json && opts.out === undefined) return ctx.out.result(data, () => '');
        emit(ctx, format === 'xlsx' ? await resultsXlsx(data) : renderResults(data, format, encoding), opts.out);
      }),
    );
}

function scopeOf(opts: Record<string, unknown>): { planId?: string; month?: string } {
  const plan = typeof opts.plan === 'string' ? opts.plan : undefined;
  const month = typeof opts.month === 'string' ? opts.month.trim() : undefined;
  if ((plan === undefined) === (month === undefined)) throw usageError('export.results.planOrMonth');
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw usageError('export.results.badMonth', { value: month });
  return plan !== undefined ? { planId: plan } : { month };
}

/** Tell the officer what is withheld, what is empty and which results still need `ssj result publish`. */
export function warnAboutResults(ctx: Context, d: ResultsData): void {
  for (const w of d.withheld) ctx.out.warn('export.results.withheld', { id: w.planId, end: w.until, count: w.count });
  if (!d.results.length && !d.withheld.length) ctx.out.warn('export.results.none', { scope: scopeTitle(d.scope) });
  const unpublished = d.results.filter((r) => !r.published);
  if (unpublished.length) {
    const plans = [...new Set(unpublished.map((r) => r.planId))];
    ctx.out.note(
      ctx.out.msg('export.results.unpublished', {
        count: unpublished.length,
        commands: plans.map((p) => `ssj result publish --plan ${p}`).join('; '),
      }),
    );
  }
}
