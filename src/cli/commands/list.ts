import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { listRoster, storedFields, type Filter, type RosterRow } from '../../db/rosters.js';
import { headerKey, isRosterName, maskPersonal, ROSTER_DEFS, ROSTERS, type RosterDef } from '../../domain/rosters.js';
import { usageError } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import { table } from '../output.js';
import { xlsxBytes } from '../../io/xlsx-write.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { cell, label } from '../roster-labels.js';

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
    .option('--format <format>', 'table (default) or xlsx: every field as an Excel workbook, written to --out')
    .option('--out <file>', 'the .xlsx file to write (with --format xlsx)')
    .addHelpText('after', LIST_HELP)
    .action(wrap((ctx, [roster], opts) => list(ctx, String(roster), opts)));
};

// ------------------------------------------------------------------ list

async function list(ctx: Context, rosterArg: string, opts: Record<string, unknown>): Promise<void> {
  const roster = rosterArg.trim().toLowerCase();
  if (!isRosterName(roster)) throw usageError('roster.unknownRoster', { value: rosterArg });
  const def = ROSTER_DEFS[roster];
  const filters = ((opts.where as string[] | undefined) ?? []).map((w) => parseWhere(def, w));
  const limit = parseLimit(opts.limit);
  const db = ctx.db({ mustExist: true });
  const { total, rows } = listRoster(db, def, filters, { limit, includeInactive: Boolean(opts.all) });
  const shown = opts.showPersonal ? rows : rows.map((r) => maskRow(def, r));
  const format = opts.format === undefined ? 'table' : String(opts.format).trim().toLowerCase();
  if (format !== 'table' && format !== 'xlsx')
    throw usageError('export.badFormat', { value: opts.format, known: 'table, xlsx' });
  if (format === 'xlsx') {
    if (typeof opts.out !== 'string') throw usageError('list.xlsxNeedsOut', {});
    if (rows.length < total) ctx.out.warn('roster.listTruncated', { shown: rows.length, total });
    // Every field under its Chinese header (the file imports back as it is); codes stay text cells.
    const columns = def.fields.map((f) => ({
      header: f.headers[0]!,
      value: (r: RosterRow) => String(r[f.field] ?? ''),
      code: f.cell === 'code',
    }));
    const bytes = await xlsxBytes([{ name: def.zh, columns, rows: shown }]);
    const path = ctx.path(opts.out);
    writeFileAtomic(path, bytes);
    ctx.out.result({ file: path, bytes: bytes.length, rows: shown.length }, () =>
      ctx.out.msg('export.written', { path, bytes: bytes.length }),
    );
    return;
  }
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

function listTable(lang: Lang, def: RosterDef, rows: RosterRow[], withActive: boolean): string {
  const fields = [...def.listFields, ...(withActive ? ['active'] : [])];
  return table(
    fields.map((f) => label(lang, def, f)),
    rows.map((r) => fields.map((f) => cell(lang, f, r[f]))),
  );
}
