import { existsSync } from 'node:fs';
import type { Register } from '../register.js';
import { backupDatabase } from '../../app/backup.js';
import { markOutputArgument } from '../file-roles.js';
import type { Context } from '../context.js';
import { chainHead } from '../../audit/log.js';
import { readLog, verifyAudit, type AuditReport, type LogRow, HEAD_FORMAT } from '../../audit/verify.js';
import { refused, usageError } from '../../errors.js';
import { bi } from '../../i18n/index.js';
import { displayTime, displayWidth, table } from '../output.js';

/** Registers `ssj audit log`, `ssj audit verify` and the top-level `ssj backup`. */
export const register: Register = (program, wrap) => {
  const audit = program
    .command('audit')
    .description('the hash-chained audit log: list it, prove it / 审计日志：查看、校验')
    .addHelpText(
      'after',
      `
Every command that changes data appends one entry: who, when, what (with hashes of what it wrote) and the
previous entry's hash. Announcements print the chain head, so a later rewrite of the log is exposed.`,
    );

  audit
    .command('log')
    .description('list audit log entries, oldest first')
    .option('--plan <id>', 'only entries about this plan')
    .option('--limit <n>', 'only the newest N entries')
    .addHelpText('after', '\nExamples:\n  ssj audit log --plan 2024Q1\n  ssj audit log --limit 20 --json')
    .action(
      wrap((ctx, _args, opts) => showLog(ctx, opts.plan as string | undefined, opts.limit as string | undefined)),
    );

  audit
    .command('verify')
    .description(
      'check the chain, re-derive every stored draw, and compare results with the log (exit 1 if anything was changed outside ssj)',
    )
    .option('--head <seq:hash>', 'a chain head published earlier (announcement); fail unless it is still in the chain')
    .addHelpText(
      'after',
      '\nExamples:\n  ssj audit verify\n  ssj audit verify --head "42:9f3c5e0a1b2c3d4e"\n  ssj --db backup.db audit verify --json',
    )
    .action(wrap((ctx, _args, opts) => runVerify(ctx, opts.head as string | undefined)));

  // FILE is written: the output guard compares it with the database and its side files.
  markOutputArgument(program.command('backup <file>'), 'file')
    .description('copy the database while it is in use (a consistent snapshot that audit verify accepts)')
    .option('--force', 'replace the file if it exists')
    .addHelpText('after', '\nExamples:\n  ssj backup ssj-2024-01-10.db\n  ssj --db ssj-2024-01-10.db audit verify')
    .action(wrap((ctx, [file], opts) => runBackup(ctx, String(file), Boolean(opts.force))));
};

// ---------------------------------------------------------------- audit log

function showLog(ctx: Context, planId: string | undefined, limitText: string | undefined): void {
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw usageError('audit.badLimit', { value: limitText });
  const db = ctx.db({ mustExist: true });
  const rows = readLog(db, { planId, limit });
  const head = chainHead(db);
  const entries = rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  ctx.out.result({ head, entries }, () => {
    if (!rows.length) return ctx.out.msg('audit.log.empty');
    const L = (zh: string, en: string) => bi(ctx.lang, zh, en);
    return [
      table(
        [
          L('序号', 'seq'),
          L('时间', 'at'),
          L('操作人', 'operator'),
          L('操作', 'action'),
          L('计划', 'plan'),
          L('哈希', 'hash'),
          L('内容', 'what'),
        ],
        rows.map((r) => [
          r.seq,
          displayTime(ctx.lang, r.at, true),
          r.operator,
          r.action,
          r.planId ?? '',
          r.hash.slice(0, 12),
          summarize(r),
        ]),
      ),
      '',
      `${L('链头', 'Chain head')}: #${head.seq} ${head.hash}`,
    ];
  });
}

const isHash = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

/**
 * One line about an entry's payload, cut to fit a terminal: its plain fields, then the plain fields of nested
 * objects (event.type, plan.title…), then list sizes, then hashes shortened. `--json` has everything.
 */
export function summarize(r: Pick<LogRow, 'payload'>): string {
  let data: unknown;
  try {
    data = JSON.parse(r.payload);
  } catch {
    return clip(r.payload, 70);
  }
  if (data === null || typeof data !== 'object') return String(data);
  const plain: string[] = [];
  const nested: string[] = [];
  const lists: string[] = [];
  const hashes: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) lists.push(`${k}[${v.length}]`);
    else if (isHash(v)) hashes.push(`${k}=${(v as string).slice(0, 12)}…`);
    else if (typeof v !== 'object') plain.push(`${k}=${String(v)}`);
    else
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>))
        if (v2 !== null && v2 !== '' && typeof v2 !== 'object' && !isHash(v2)) nested.push(`${k}.${k2}=${String(v2)}`);
  }
  return clip([...plain, ...nested, ...lists, ...hashes].join(' '), 70);
}

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

// ---------------------------------------------------------------- audit verify

function runVerify(ctx: Context, head: string | undefined): number {
  // A mistyped --head is a usage error (exit 2), not evidence of tampering (exit 1).
  if (head !== undefined && !HEAD_FORMAT.test(head.trim())) throw usageError('audit.head.bad', { value: head });
  const report = verifyAudit(ctx.db({ mustExist: true }), { head });
  const problems = report.problems.map((p) => ({ ...p, message: ctx.out.msg(p.code, p.params) }));
  ctx.out.result({ ...report, problems }, () =>
    reportText(
      ctx,
      report,
      problems.map((p) => p.message),
    ),
  );
  return report.ok ? 0 : 1;
}

function reportText(ctx: Context, r: AuditReport, messages: string[]): string[] {
  const bound = boundText(ctx, r);
  if (r.ok) return [ctx.out.msg('audit.ok', { entries: r.entries, ...r.head, ...r.checked }), ...bound];
  return [
    ctx.out.msg('audit.failed', { count: messages.length, ...r.head }),
    '',
    ...messages.map((m) => `  - ${m}`),
    ...bound,
  ];
}

/** From which entry on the tables are bound by digest, when not from the first (an upgraded database). */
function boundText(ctx: Context, r: AuditReport): string[] {
  if (r.bound.unbound.length) return [ctx.out.msg('audit.bound.none', { tables: r.bound.unbound.join(', ') })];
  if (r.bound.upgrade) return [ctx.out.msg('audit.bound.fromUpgrade', { from: r.bound.from })];
  return [];
}

// ---------------------------------------------------------------- backup

async function runBackup(ctx: Context, file: string, force: boolean): Promise<void> {
  const target = ctx.path(file);
  if (target === ctx.dbPath) throw usageError('backup.sameFile', { file: target });
  if (existsSync(target) && !force) throw refused('backup.exists', { file: target });
  const { bytes: size, head } = await backupDatabase(ctx.db({ mustExist: true }), target);
  ctx.out.result({ file: target, bytes: size, head }, () =>
    ctx.out.msg('backup.done', { file: target, size: formatBytes(size), ...head }),
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
