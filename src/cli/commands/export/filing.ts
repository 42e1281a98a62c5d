import type { Command } from 'commander';
import { inSnapshot } from '../../../db/tx.js';
import type { Wrap } from '../../register.js';
import { getSettings } from '../../../db/settings.js';
import { filingHtml } from '../../../io/filing.js';
import { loadAnnouncement } from '../../../app/export-announcement.js';
import { emit, warnIfOfficeUnset } from '../../export-output.js';
import { exportForms } from '../../../app/export-forms.js';
import { formRosterDetails } from '../../../db/forms.js';

/** Registers `ssj export filing`. */
export function registerFiling(exp: Command, wrap: Wrap): void {
  exp
    .command('filing')
    .description(
      'the filing form (涉企检查登记备案表, 冷水滩 第十四条) of a drawn plan: printable HTML, one page per enterprise',
    )
    .requiredOption('--plan <id>', 'plan id')
    .option('--out <file>', 'write to this file (default: standard output)')
    .addHelpText(
      'after',
      `
Example:
  ssj export filing --plan 2024Q1 --out 2024Q1-备案表.html     then open it in a browser and print (A4)

The form is for filing, not for the website: it is printed in full even for an unannounced plan. The title uses
the office.region setting (ssj config set office.region 冷水滩区).`,
    )
    .action(
      wrap((ctx, _args, opts) => {
        const db = ctx.db({ mustExist: true });
        const { data, settings } = inSnapshot(db, () => ({
          data: loadAnnouncement(db, String(opts.plan), ctx.now()),
          settings: getSettings(db),
        }));
        const region = settings['office.region'] ?? '';
        const filingOffice = settings['office.filingOffice'] ?? '';
        warnIfOfficeUnset(ctx, db);
        emit(ctx, Buffer.from(filingHtml(data, { region, filingOffice }), 'utf8'), opts.out);
      }),
    );
}

/** Registers `ssj export forms`: the filing form with the other forms of each check, as .docx and HTML. */
export function registerForms(exp: Command, wrap: Wrap): void {
  exp
    .command('forms')
    .description('the paperwork of a drawn plan as Word (.docx) files and an HTML print view / 检查文书')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--out <dir>', 'directory to write the forms into (created if missing)')
    .option('--enterprise <uscc>', "only this enterprise's forms")
    .option('--show-personal', "print the team's ID numbers and phones (never on forms by default)")
    .addHelpText(
      'after',
      `
Per enterprise: 抽查告知书 (the notice), 现场检查记录表 (the drawn items as rows, a signature line for every
team member: 高青 8.4), 检查报告 (顺城 第十七条) and 满意度反馈卡 (冷水滩 第十七条); per plan: 登记备案表
(冷水滩 第十四条). A4, GB/T 9704 margins, 仿宋_GB2312 / 方正小标宋简体. The office name, region, document number
and filing office come from ssj config (office.name, office.region, office.docNo, office.filingOffice).

Example:
  ssj config set office.docNo 冷应急抽〔2024〕
  ssj export forms --plan 2024Q1 --out 文书/     then open the .docx files in Word or WPS, or print the .html`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const db = ctx.db({ mustExist: true });
        const showPersonal = Boolean(opts.showPersonal);
        const { data, settings, details } = inSnapshot(db, () => ({
          data: loadAnnouncement(db, String(opts.plan), ctx.now()),
          settings: getSettings(db),
          details: formRosterDetails(db, showPersonal),
        }));
        warnIfOfficeUnset(ctx, db);
        const result = await exportForms(data, details, settings, {
          outDir: ctx.path(String(opts.out)),
          enterprise: opts.enterprise === undefined ? undefined : String(opts.enterprise).trim().toUpperCase(),
          showPersonal,
        });
        ctx.out.result(result, (r) =>
          ctx.out.msg('forms.written', { count: r.files.length, dir: String(opts.out), enterprises: r.enterprises }),
        );
      }),
    );
}
