import type { Command } from 'commander';
import { inSnapshot } from '../../../db/tx.js';
import type { Wrap } from '../../register.js';
import type { Context } from '../../context.js';
import type { Db } from '../../../db/open.js';
import { getSettings } from '../../../db/settings.js';
import {
  ANNOUNCEMENT_FORMATS,
  announceBy,
  forPublication,
  renderAnnouncement,
  type AnnouncementData,
  type AnnouncementFormat,
} from '../../../io/announcement.js';
import { loadAnnouncement } from '../../../app/export-announcement.js';
import { announcementXlsx } from '../../../io/announcement-xlsx.js';
import { emit, pickEncoding, pickFormat, recordPublished, today, warnIfOfficeUnset } from '../../export-output.js';

/** Registers `ssj export announcement`. */
export function registerAnnouncement(exp: Command, wrap: Wrap): void {
  exp
    .command('announcement')
    .description('the task announcement (抽查任务公告) of a drawn plan, as HTML, Markdown, text, CSV or Excel')
    .requiredOption('--plan <id>', 'plan id')
    .option('--format <format>', 'html | md | txt | csv | xlsx (default: from --out, else html)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--encoding <name>', 'CSV only: utf8 (default, with BOM) or gb18030')
    .addHelpText(
      'after',
      `
Examples:
  ssj export announcement --plan 2024Q1 --out 2024Q1-抽查任务公告.html
  ssj export announcement --plan 2024Q1 --format csv --encoding gb18030 --out 2024Q1.csv
  ssj export announcement --plan 2024Q1 --out 2024Q1-抽查任务公告.xlsx     (Excel: codes as text cells)

An unannounced plan (publication.unannounced, 暗查暗访) leaves out names, codes, tickets and teams until its window
has ended (by --now's Beijing date), and says so in the announcement.`,
    )
    .action(
      wrap(async (ctx, _args, opts) => {
        const format = pickFormat<AnnouncementFormat | 'xlsx'>(
          opts.format,
          opts.out,
          [...ANNOUNCEMENT_FORMATS, 'xlsx'],
          'html',
        );
        const encoding = pickEncoding(opts.encoding, format);
        const db = ctx.db({ mustExist: true });
        // One snapshot: the task page, its events and its chain head come from one committed state.
        const data = inSnapshot(db, () => publishableAnnouncement(ctx, db, String(opts.plan)));
        warnIfOfficeUnset(ctx, db);
        if (ctx.json && opts.out === undefined) return ctx.out.result(data, () => '');
        emit(
          ctx,
          format === 'xlsx' ? await announcementXlsx(data) : renderAnnouncement(data, format, encoding),
          opts.out,
        );
        // Written: the first publication of this draw's announcement is dated now, for good (#15 part 6).
        recordPublished(ctx, db, [data]);
      }),
    );
}

/** The announcement as it may be published today, with the warnings an officer needs (withheld, late). */
export function publishableAnnouncement(ctx: Context, db: Db, planId: string): AnnouncementData {
  const day = today(ctx);
  const data = forPublication(loadAnnouncement(db, planId, ctx.now()), day);
  if (data.withheld) ctx.out.warn('export.withheld', { id: planId, end: data.plan.window.end });
  else if (!data.plan.unannounced) {
    const days = Number(getSettings(db)['publication.announceDays']);
    const due = announceBy(data.plan.window.start, days);
    if (day > due && day <= data.plan.window.end) ctx.out.warn('export.lateAnnouncement', { days, due, today: day });
  }
  return data;
}
