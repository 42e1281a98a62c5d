import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { checksInYear } from '../../db/checks.js';
import {
  checksOf,
  conflictsOf,
  getEnterprise,
  importInfo,
  listRoster,
  storedFields,
  type Filter,
  type RosterRow,
} from '../../db/rosters.js';
import {
  headerKey,
  INSPECTOR_KIND_ZH,
  inspectorKind,
  isRosterName,
  maskPersonal,
  normaliseCode,
  ROSTER_DEFS,
  ROSTERS,
  type RosterDef,
} from '../../domain/rosters.js';
import { notFound, usageError } from '../../errors.js';
import { bi, type Lang } from '../../i18n/index.js';
import { table } from '../output.js';

const DEFAULT_LIMIT = 100;

const LIST_HELP = `
Filters (--where, repeatable; all must hold):
  field=value      exact; several values separated by commas match any (industry=冶金,有色)
  field~text       contains (name~化工)
  Fields are the English field names (uscc, name, industry, supervision, certNo, specialties …) or the
  Chinese headers (行业类别=冶金). For list fields (specialties, flags, industries) = matches one element.

Personal data: inspectors' ID numbers and phone numbers are masked (1101**********002X, 138****5678)
in every output, --json included, unless --show-personal is given. Published files never contain them.

Examples:
  ssj list enterprises --where supervision=重点 --where region~芦湖
  ssj list enterprises --where industry=危险化学品,烟花爆竹 --limit 0 --json
  ssj list inspectors --where specialties=冶金
  ssj list inspectors --show-personal --json > inspectors-full.json
  ssj list conflicts
  ssj list history --where date~2024`;

const SHOW_HELP = `
Shows every field of the enterprise, the import it came from, its checks in the year (imported history,
including the higher level's, and the draws of this year's plans: only "selected" counts against a plan's
cap.perYear) and its declared conflicts of interest.

Examples:
  ssj show enterprise 91371322MA32C3K5E6
  ssj show enterprise 91371322MA32C3K5E6 --year 2024 --json`;

export const register: Register = (program, wrap) => {
  program
    .command('list')
    .description('list a roster: enterprises, inspectors, items, conflicts or history / 查看名录')
    .argument('<roster>', `which roster: ${ROSTERS.join(', ')}`)
    .option('--where <filter>', 'field=value or field~text (repeatable)', (v: string, acc: string[] | undefined) => [
      ...(acc ?? []),
      v,
    ])
    .option('--limit <n>', `at most n rows (default ${DEFAULT_LIMIT}; 0 = all)`)
    .option('--all', 'include inactive rows (missing from the last --replace import)')
    .option('--show-personal', 'show ID numbers and phone numbers in full')
    .addHelpText('after', LIST_HELP)
    .action(wrap((ctx, [roster], opts) => list(ctx, String(roster), opts)));

  const show = program.command('show').description('show one record in full / 查看详情');
  show
    .command('enterprise')
    .description('an enterprise: all fields, its checks this year, its declared conflicts')
    .argument('<uscc>', '统一社会信用代码')
    .option('--year <yyyy>', 'the year whose checks to count (default: the current year)')
    .addHelpText('after', SHOW_HELP)
    .action(wrap((ctx, [uscc], opts) => showEnterprise(ctx, String(uscc), opts)));
};

// ------------------------------------------------------------------ list

function list(ctx: Context, rosterArg: string, opts: Record<string, unknown>): void {
  const roster = rosterArg.trim().toLowerCase();
  if (!isRosterName(roster)) throw usageError('roster.unknownRoster', { value: rosterArg });
  const def = ROSTER_DEFS[roster];
  const filters = ((opts.where as string[] | undefined) ?? []).map((w) => parseWhere(def, w));
  const limit = parseLimit(opts.limit);
  const db = ctx.db({ mustExist: true });
  const { total, rows } = listRoster(db, def, filters, { limit, includeInactive: Boolean(opts.all) });
  const shown = opts.showPersonal ? rows : rows.map((r) => maskRow(def, r));
  if (!ctx.json && rows.length < total)
    ctx.out.note(ctx.out.msg('roster.listTruncated', { shown: rows.length, total }));
  ctx.out.result({ roster, total, shown: rows.length, rows: shown }, (d) =>
    d.rows.length ? listTable(ctx.lang, def, d.rows, Boolean(opts.all)) : ctx.out.msg('roster.listEmpty'),
  );
}

/** field=v1,v2 or field~text; the field by English name or any of its Chinese headers. */
function parseWhere(def: RosterDef, w: string): Filter {
  const m = /^([^=~]+)([=~])(.*)$/s.exec(w);
  if (!m || m[1]!.trim() === '') throw usageError('roster.whereSyntax', { value: w });
  const fields = storedFields(def);
  const key = headerKey(m[1]!);
  const field =
    fields.find((f) => headerKey(f.field) === key)?.field ??
    def.fields.find((f) => f.headers.some((h) => headerKey(h) === key))?.field;
  if (!field)
    throw usageError('roster.whereField', {
      roster: def.name,
      field: m[1]!.trim(),
      fields: fields.map((f) => f.field).join(', '),
    });
  const op = m[2] as '=' | '~';
  return { field, op, values: op === '~' ? [m[3]!] : m[3]!.split(/[,，]/) };
}

function parseLimit(v: unknown): number {
  if (v === undefined) return DEFAULT_LIMIT;
  const s = String(v);
  if (!/^\d+$/.test(s)) throw usageError('roster.badLimit', { value: s });
  return Number(s);
}

function maskRow(def: RosterDef, r: RosterRow): RosterRow {
  const out = { ...r };
  for (const f of def.fields)
    if (f.personal && typeof out[f.field] === 'string') out[f.field] = maskPersonal(f.field, out[f.field] as string);
  return out;
}

const STORED_LABELS: Record<string, [string, string]> = {
  source: ['来源', 'source'],
  declaredAt: ['申报时间', 'declared'],
  active: ['状态', 'active'],
  importId: ['导入批次', 'import'],
};

function label(lang: Lang, def: RosterDef, field: string): string {
  const fd = def.fields.find((f) => f.field === field);
  if (fd) return lang === 'zh' ? fd.headers[0]! : field;
  const l = STORED_LABELS[field];
  return l ? bi(lang, l[0], l[1]) : field;
}

function cell(lang: Lang, field: string, v: string | number | boolean | undefined): string {
  if (field === 'active') return v ? bi(lang, '在用', 'yes') : bi(lang, '停用', 'no');
  if (field === 'kind') {
    const kind = inspectorKind(String(v ?? ''));
    return lang === 'zh' ? INSPECTOR_KIND_ZH[kind] : kind;
  }
  return String(v ?? '').replace(/;/g, lang === 'zh' ? '、' : ', ');
}

function listTable(lang: Lang, def: RosterDef, rows: RosterRow[], withActive: boolean): string {
  const fields = [...def.listFields, ...(withActive ? ['active'] : [])];
  return table(
    fields.map((f) => label(lang, def, f)),
    rows.map((r) => fields.map((f) => cell(lang, f, r[f]))),
  );
}

// ------------------------------------------------------------------ show enterprise

function showEnterprise(ctx: Context, usccArg: string, opts: Record<string, unknown>): void {
  const uscc = normaliseCode(usccArg);
  const year = opts.year === undefined ? Number(ctx.now().slice(0, 4)) : parseYear(String(opts.year));
  const db = ctx.db({ mustExist: true });
  const def = ROSTER_DEFS.enterprises;
  const enterprise = getEnterprise(db, def, uscc);
  if (!enterprise) throw notFound('roster.enterpriseNotFound', { uscc: usccArg });
  const counts = checksInYear(db, uscc, year);
  const data = {
    enterprise,
    imported: typeof enterprise.importId === 'number' ? (importInfo(db, enterprise.importId) ?? null) : null,
    year,
    checks: { ...counts, list: checksOf(db, uscc, year) },
    conflicts: conflictsOf(db, uscc),
  };
  ctx.out.result(data, (d) => showText(ctx, def, d));
}

function parseYear(s: string): number {
  if (!/^\d{4}$/.test(s)) throw usageError('roster.badYear', { value: s });
  return Number(s);
}

function showText(
  ctx: Context,
  def: RosterDef,
  d: {
    enterprise: RosterRow;
    imported: { file: string; at: string; operator: string } | null;
    year: number;
    checks: ReturnType<typeof checksInYear> & { list: ReturnType<typeof checksOf> };
    conflicts: ReturnType<typeof conflictsOf>;
  },
): string[] {
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
