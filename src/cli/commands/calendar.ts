import type { Register } from '../register.js';
import { table } from '../output.js';
import { appendAudit } from '../../audit/log.js';
import { dateInShanghai } from '../../core/workdays.js';
import { packageDataNotice } from '../../app/calendar-year.js';
import { officeDays, storeOfficeDays } from '../../db/calendar.js';
import { loadCalendar } from '../../app/calendar.js';
import { inputError } from '../../errors.js';
import { OFFICIAL_SOURCE, officialDays } from '../../io/calendar.js';

import { str, holidaysFrom } from '../result-options.js';

/** `ssj calendar`: the working-day calendar, official and the office's own days. */

export const register: Register = (program, wrap) => {
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
              tables: ['calendar_days'],
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
};
