import type { Register } from '../register.js';
import { loadYearReport } from '../../app/report.js';
import { inSnapshot } from '../../db/tx.js';
import { usageError } from '../../errors.js';
import { reportPage } from '../../io/year-report-html.js';
import { REPORT_FORMATS, reportJson, reportXlsx, type ReportFormat } from '../../io/year-report-files.js';
import { emit, pickFormat } from '../export-output.js';
import { renderReport } from '../report-render.js';

/** `ssj report --year Y`: the year in numbers (issue 18 part 6; DESIGN.md "The year in numbers"). */
export const register: Register = (program, wrap) => {
  program
    .command('report')
    .description('the year in numbers: coverage, repeat and over-cap checks, workload, publication times, chances')
    .requiredOption('--year <YYYY>', 'the year of the plans to count')
    .option('--format <format>', 'text | html | json | xlsx (default: from --out, else text)')
    .option('--out <file>', 'write to this file (default: standard output; xlsx needs it)')
    .addHelpText(
      'after',
      `
What it counts (a check = an enterprise selected by a non-void draw of the year's plans, or a history row of the
year, the higher level's included, as for the yearly cap):
  coverage     enterprises checked at least once, by stratum, industry and region; never checked in 3 years
  repeats      two or more checks in the year, and over a plan's cap.perYear (国办发〔2024〕54号), with the rows
  workload     seats per inspector, mean/min/max/spread, who never went
  publication  working days from check to publication against publication.resultDays (高青 9.1)
  objections   received, reviewed, answered, decisions; corrections and who approved them
  chances      for every draw, each stratum's n/pool beside what the selection holds now

Examples:
  ssj report --year 2024
  ssj report --year 2024 --out 2024年度统计.xlsx
  ssj report --year 2024 --format html --out 2024年度统计.html

ssj export site adds the same page (report.html) to the year's website.`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const yearText = String(opts.year).trim();
        if (!/^\d{4}$/.test(yearText)) throw usageError('report.badYear', { value: opts.year });
        const format = pickFormat<ReportFormat>(opts.format, opts.out, REPORT_FORMATS, 'text');
        if (format === 'xlsx' && opts.out === undefined) throw usageError('report.xlsxNeedsOut');
        const db = ctx.db({ mustExist: true });
        const data = inSnapshot(db, () => loadYearReport(db, { year: Number(yearText), now: ctx.now() }));
        if (format === 'text') {
          if (opts.out !== undefined) throw usageError('report.textToTerminal');
          return ctx.out.result({ ...data.report, office: data.office, withheld: data.withheld }, () =>
            renderReport(ctx, data),
          );
        }
        if (ctx.json && opts.out === undefined && format === 'json') return ctx.out.result(data, () => '');
        const bytes =
          format === 'xlsx'
            ? await reportXlsx(data)
            : Buffer.from(format === 'json' ? reportJson(data) : reportPage(data), 'utf8');
        emit(ctx, bytes, opts.out);
      }),
    );
};
