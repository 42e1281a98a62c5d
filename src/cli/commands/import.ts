import { resolve } from 'node:path';
import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { importRoster, type ImportResult } from '../../app/import-roster.js';
import {
  isRosterName,
  parseMapOption,
  ROSTER_DEFS,
  ROSTERS,
  type RosterName,
  type RowProblem,
} from '../../domain/rosters.js';
import { SsjError, usageError } from '../../errors.js';
import { scrubText } from '../../domain/personal.js';
import { bi } from '../../i18n/index.js';
import { parseEncodingOption } from '../../io/encoding.js';
import { ErrorsCsv } from '../../io/errors-csv.js';
import { progressBar } from '../progress.js';

/** Bad rows printed on stderr; the rest are counted (and all go to --errors). */
const SHOWN_PROBLEMS = 20;
/** Bad rows included in the --json result. */
const JSON_PROBLEMS = 1000;

const HELP = `
Rosters / 名录:
  enterprises  检查对象名录库      key 统一社会信用代码 (uscc)
  inspectors   执法检查人员名录库  key 执法证号 (certNo); experts are 类别 专家 (kind=expert)
  items        随机抽查事项清单    key 事项编码 (code); 适用行业 * means every industry
  conflicts    利害关系回避        key 执法证号 + 统一社会信用代码
  history      检查记录            key 统一社会信用代码 + 检查日期 + 检查机关

Headers may be Chinese as the rules name them or English field names (see README).
The file may be CSV, UTF-8 (with or without BOM) or GBK/GB18030 as Excel saves it (detected), or an Excel
workbook (.xlsx): the first sheet with data, or --sheet; title rows above the header and a 序号 column are
skipped; dates are read as dates; a code stored as a number is refused naming its cell (B7). Old .xls: save as .xlsx.
A 备注 column that mentions 失信, 严重违法, 重点关注 or 黑名单 adds these words to the flags (标记), with a warning.
Every row is checked; if any is wrong nothing is imported and each problem is listed with its line.
Rows missing from the file are kept; with --replace they are marked inactive (never deleted).

Examples:
  ssj import enterprises fixtures/enterprises.csv
  ssj import enterprises 检查对象名录库.xlsx --sheet 名录
  ssj import inspectors 人员名录.csv --errors errors.csv
  ssj import enterprises export.csv --map '统一代码=uscc,企业=name'
  ssj import enterprises 名录.csv --encoding gb18030 --dry-run
  ssj import items fixtures/items.csv --replace`;

export const register: Register = (program, wrap) => {
  program
    .command('import')
    .description('import a roster (CSV or .xlsx): enterprises, inspectors, items, conflicts or history / 导入名录')
    .argument('<roster>', `which roster: ${ROSTERS.join(', ')}`)
    .argument(
      '<file>',
      'the CSV file (UTF-8 or GBK/GB18030, as Excel saves it) or Excel workbook (.xlsx); - for standard input',
    )
    .option('--map <pairs>', "CSV header=field pairs for headers ssj does not know, e.g. '代码=uscc,企业=name'")
    .option('--sheet <name>', 'the sheet of an .xlsx workbook, by name or number from 1 (default: the first with data)')
    .option('--encoding <name>', 'utf-8, gb18030 or gbk (default: detected)')
    .option('--errors <file>', 'write every problem to this CSV file (UTF-8 with BOM, opens in Excel)')
    .option('--show-personal', "keep ID numbers and phones in full in --errors and --json (the office's own use)")
    .option(
      '--allow-formula-start',
      'accept names and codes that begin with = + - or @ (a spreadsheet would run them as formulas; refused otherwise)',
    )
    .option('--dry-run', 'check the file and show the counts, but write nothing')
    .option('--replace', 'mark rows that are not in the file inactive (they are kept, never deleted)')
    .addHelpText('after', HELP)
    .action(wrap((ctx, [roster, file], opts) => runImport(ctx, String(roster), String(file), opts)));
};

async function runImport(ctx: Context, rosterArg: string, file: string, opts: Record<string, unknown>): Promise<void> {
  const roster = rosterOf(rosterArg);
  const def = ROSTER_DEFS[roster];
  const encoding = parseEncodingOption(opts.encoding as string | undefined);
  if (encoding === null) throw usageError('encoding.badOption', { value: opts.encoding });
  const mapped = parseMapOption(def, opts.map as string | undefined);
  if ('badPart' in mapped) throw usageError('roster.mapSyntax', { part: mapped.badPart });
  if ('unknownField' in mapped)
    throw usageError('roster.mapUnknownField', {
      roster,
      field: mapped.unknownField,
      fields: def.fields.map((f) => f.field).join(', '),
    });
  const path = ctx.path(file);
  const errorsPath = opts.errors === undefined ? undefined : ctx.path(String(opts.errors));
  if (errorsPath !== undefined && resolve(errorsPath) === resolve(path))
    throw usageError('roster.errorsSameFile', { path: file });

  const lang = ctx.lang;
  const show = opts.showPersonal === true;
  const errors =
    errorsPath === undefined
      ? undefined
      : new ErrorsCsv(errorsPath, [
          bi(lang, '行号', 'line'),
          bi(lang, '字段', 'field'),
          bi(lang, '值', 'value'),
          bi(lang, '问题', 'problem'),
        ]);
  const shown: RowProblem[] = [];
  let problems = 0;
  try {
    const result = await importRoster({
      roster,
      path,
      name: file,
      encoding,
      sheet: opts.sheet === undefined ? undefined : String(opts.sheet),
      map: mapped.map,
      dryRun: Boolean(opts.dryRun),
      replace: Boolean(opts.replace),
      allowFormulaStart: opts.allowFormulaStart === true,
      now: ctx.now(),
      operator: ctx.operator,
      openDb: () => ctx.db(),
      onProblem: (p) => {
        problems++;
        if (shown.length < JSON_PROBLEMS) shown.push(p);
        // The errors file is passed around by e-mail and USB stick: personal data masked unless --show-personal.
        const cells = [p.value ?? '', ctx.out.msg(p.code, p.params)].map((c) => (show ? c : scrubText(c)));
        errors?.add([p.line, p.field, ...cells]);
      },
      warn: (code, params) => ctx.out.warn(code, params),
      progress: progressBar(ctx.io.stderr, lang, `${ctx.out.msg('roster.progress.reading')} ${roster}`),
    });
    ctx.out.result(result, (r) => summary(ctx, r));
  } catch (e) {
    if (e instanceof SsjError && problems === 0 && e.kind === 'invalidInput') {
      // A whole-file problem (encoding, header, empty): one row in the errors file too, so scripts find it there.
      const message = ctx.out.msg(e.code, e.details);
      errors?.add([Number(e.details.line ?? 1), '', '', show ? message : scrubText(message)]);
    }
    if (problems > 0 && e instanceof SsjError) {
      reportProblems(ctx, shown, problems, errors && String(opts.errors));
      // With --json the error (and so these details) is printed on stdout for scripts: include the rows.
      const list = shown.map((p) => ({
        line: p.line,
        field: p.field,
        value: p.value,
        code: p.code,
        message: ctx.out.msg(p.code, p.params),
      }));
      throw new SsjError(e.kind, e.code, { ...e.details, problems: list });
    }
    throw e;
  } finally {
    errors?.close();
  }
}

function rosterOf(value: string): RosterName {
  const v = value.trim().toLowerCase();
  if (isRosterName(v)) return v;
  throw usageError('roster.unknownRoster', { value });
}

function summary(ctx: Context, r: ImportResult): string {
  return ctx.out.msg('roster.summary', { ...r });
}

/** The first problems on stderr; the complete list is in --errors (and the first JSON_PROBLEMS in the --json error). */
function reportProblems(ctx: Context, shown: RowProblem[], total: number, errorsFile: string | undefined): void {
  for (const p of shown.slice(0, SHOWN_PROBLEMS)) {
    ctx.out.note(
      ctx.out.msg('roster.errorLine', { line: p.line, field: p.field, reason: ctx.out.msg(p.code, p.params) }),
    );
  }
  if (total > SHOWN_PROBLEMS && !errorsFile)
    ctx.out.note(ctx.out.msg('roster.moreErrors', { count: total - SHOWN_PROBLEMS }));
  if (errorsFile) ctx.out.note(ctx.out.msg('roster.errorsWritten', { count: total, path: errorsFile }));
}
