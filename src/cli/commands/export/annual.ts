import type { Command } from 'commander';
import type { Wrap } from '../../register.js';
import { findAnnualPlan } from '../../../db/annual-plans.js';
import { getSettings } from '../../../db/settings.js';
import { notFound, usageError } from '../../../errors.js';
import { formDocx } from '../../../io/forms/docx.js';
import { formsHtml } from '../../../io/forms/html.js';
import { annualForm } from '../../../io/annual-plan.js';
import { emit, pickFormat, warnIfOfficeUnset } from '../../export-output.js';

/** Registers `ssj export annual`: the annual plan as a Word form (issue 18 part 5), or its print HTML. */
export function registerAnnual(exp: Command, wrap: Wrap): void {
  exp
    .command('annual')
    .description('the annual plan (年度抽查计划) as a Word form (.docx) or print-ready HTML, for 备案 and publication')
    .requiredOption('--year <YYYY>', 'the year of the annual plan (ssj plan annual)')
    .option('--format <format>', 'docx | html (default: from --out, else docx)')
    .requiredOption('--out <file>', 'write to this file')
    .addHelpText('after', `\nExample:\n  ssj export annual --year 2025 --out 2025年度抽查工作计划.docx`)
    .action(
      wrap(async (ctx, _args, opts) => {
        const yearText = String(opts.year).trim();
        if (!/^\d{4}$/.test(yearText)) throw usageError('report.badYear', { value: opts.year });
        const format = pickFormat<'docx' | 'html'>(opts.format, opts.out, ['docx', 'html'], 'docx');
        const db = ctx.db({ mustExist: true });
        const stored = findAnnualPlan(db, Number(yearText));
        if (!stored) throw notFound('annual.notFound', { year: yearText });
        warnIfOfficeUnset(ctx, db);
        const office = getSettings(db)['office.name'] ?? '';
        const form = annualForm(stored.plan, office);
        const bytes =
          format === 'docx' ? await formDocx(form, office) : Buffer.from(formsHtml([form], office, form.title), 'utf8');
        emit(ctx, bytes, opts.out);
      }),
    );
}
