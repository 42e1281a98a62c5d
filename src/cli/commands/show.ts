import { enterpriseRecord, type EnterpriseRecord } from '../../app/show-enterprise.js';
import { dateInShanghai } from '../../core/workdays.js';
import { ROSTER_DEFS, type RosterDef } from '../../domain/rosters.js';
import { usageError } from '../../errors.js';
import { bi } from '../../i18n/index.js';
import type { Context } from '../context.js';
import { table } from '../output.js';
import type { Register } from '../register.js';
import { cell, label } from '../roster-labels.js';

const SHOW_HELP = `
Shows every field of the enterprise, the import it came from, its checks in the year (imported history,
including the higher level's, and the draws of this year's plans: only "selected" counts against a plan's
cap.perYear) and its declared conflicts of interest.

Examples:
  ssj show enterprise 91371322MA32C3K5E6
  ssj show enterprise 91371322MA32C3K5E6 --year 2024 --json`;

export const register: Register = (program, wrap) => {
  const show = program.command('show').description('show one record in full / 查看详情');
  show
    .command('enterprise')
    .description('an enterprise: all fields, its checks this year, its declared conflicts')
    .argument('<uscc>', '统一社会信用代码')
    .option('--year <yyyy>', 'the year whose checks to count (default: the current year)')
    .addHelpText('after', SHOW_HELP)
    .action(wrap((ctx, [uscc], opts) => showEnterprise(ctx, parseShowEnterprise(ctx, String(uscc), opts))));
};

// ------------------------------------------------------------------ show enterprise

interface ShowEnterpriseOptions {
  uscc: string;
  /** The year whose checks to count: --year, else the current year in Beijing. */
  year: number;
}

function parseShowEnterprise(ctx: Context, usccArg: string, opts: Record<string, unknown>): ShowEnterpriseOptions {
  return {
    uscc: usccArg,
    year: opts.year === undefined ? Number(dateInShanghai(ctx.now()).slice(0, 4)) : parseYear(String(opts.year)),
  };
}

function showEnterprise(ctx: Context, o: ShowEnterpriseOptions): void {
  const data = enterpriseRecord(ctx.db({ mustExist: true }), o.uscc, o.year);
  ctx.out.result(data, (d) => showText(ctx, ROSTER_DEFS.enterprises, d));
}

function parseYear(s: string): number {
  if (!/^\d{4}$/.test(s)) throw usageError('roster.badYear', { value: s });
  return Number(s);
}

function showText(ctx: Context, def: RosterDef, d: EnterpriseRecord): string[] {
  const lang = ctx.lang;
  const lines = table(
    [bi(lang, '字段', 'field'), bi(lang, '值', 'value')],
    def.fields.map((f) => [label(lang, def, f.field), cell(lang, f.field, d.enterprise[f.field])]),
  ).split('\n');
  if (!d.enterprise.active) lines.push(ctx.out.msg('roster.show.inactive'));
  if (d.imported) lines.push(ctx.out.msg('roster.show.imported', d.imported));
  lines.push('');
  const c = d.checks;
  lines.push(
    ctx.out.msg(c.list.length ? 'roster.show.checks' : 'roster.show.noChecks', {
      year: d.year,
      total: c.total,
      history: c.history,
      drawn: c.drawn,
    }),
  );
  if (c.list.length) {
    lines.push(
      ...table(
        [
          bi(lang, '日期', 'date'),
          bi(lang, '来源', 'source'),
          bi(lang, '任务', 'task'),
          bi(lang, '计入上限', 'counts'),
        ],
        c.list.map((x) => [
          x.date,
          x.kind === 'draw' ? `${bi(lang, '抽查计划', 'plan')} ${x.source}` : x.source,
          x.role ? `${x.task} (${x.role})` : x.task,
          x.counts ? bi(lang, '是', 'yes') : bi(lang, '否', 'no'),
        ]),
      )
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  lines.push('');
  if (d.conflicts.length === 0) lines.push(ctx.out.msg('roster.show.noConflicts'));
  else {
    lines.push(ctx.out.msg('roster.show.conflicts'));
    lines.push(
      ...table(
        [
          bi(lang, '执法证号', 'certNo'),
          bi(lang, '姓名', 'name'),
          bi(lang, '原因', 'reason'),
          bi(lang, '来源', 'source'),
        ],
        d.conflicts.map((x) => [x.certNo, x.name, x.reason, x.source]),
      )
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  return lines;
}
