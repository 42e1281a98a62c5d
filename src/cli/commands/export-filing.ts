import type { Command } from 'commander';
import { inSnapshot } from '../../db/tx.js';
import type { Wrap } from '../register.js';
import { getSettings } from '../../db/settings.js';
import { filingHtml } from '../../io/filing.js';
import { loadAnnouncement } from './export-announcement.js';
import { emit, warnIfOfficeUnset } from './export-output.js';

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
