import type { Catalog, Params } from '../types.js';

const KIND_ZH: Record<string, string> = { results: '检查结果', corrections: '更正', objections: '异议' };
const KIND_EN: Record<string, string> = { results: 'result', corrections: 'correction', objections: 'objection' };
const PART_ZH: Record<string, string> = { selection: '抽中名单', teams: '检查组', checkItems: '检查事项' };
const PART_EN: Record<string, string> = { selection: 'selection', teams: 'team seat', checkItems: 'check item' };

const kindZh = (p: Params) => KIND_ZH[String(p.kind)] ?? String(p.kind);
const kindEn = (p: Params) => KIND_EN[String(p.kind)] ?? String(p.kind);
const fieldZh = (p: Params) => (p.field ? ` 的 ${String(p.field)}` : '');
const fieldEn = (p: Params) => (p.field ? ` field ${String(p.field)}` : '');
const shortHash = (h: unknown) => String(h).slice(0, 16);

/** The audit log, `ssj audit verify` and `ssj backup`. Every finding names what broke; the footer says what to do. */
export const audit: Catalog = {
  // ------------------------------------------------------------ verify: summary
  'audit.ok': {
    zh: (p) =>
      `审计校验通过：日志链完整，共 ${p.entries} 条记录；链头 #${p.seq} ${p.hash}\n` +
      `已核对：抽取 ${p.draws} 次（均可由存档重新推导），回避等事件 ${p.events} 条，检查结果 ${p.results} 条，更正 ${p.corrections} 条，异议 ${p.objections} 条，计划 ${p.plans} 个，冻结 ${p.freezes} 个。`,
    en: (p) =>
      `Audit verified: the log chain is whole, ${p.entries} entries; chain head #${p.seq} ${p.hash}\n` +
      `Checked: ${p.draws} draw(s) (each re-derived from its snapshot), ${p.events} event(s), ${p.results} result(s), ${p.corrections} correction(s), ${p.objections} objection(s), ${p.plans} plan(s), ${p.freezes} freeze(s).`,
  },
  'audit.failed': {
    zh: (p) =>
      `审计校验未通过：发现 ${p.count} 处问题（链头 #${p.seq} ${shortHash(p.hash)}…）。\n` +
      '数据库在 ssj 之外被修改过，或记录已损坏。请勿据此发布；用最近一次通过校验的备份（ssj backup 生成）恢复，并查明由谁、何时修改。',
    en: (p) =>
      `Audit verification FAILED: ${p.count} problem(s) (chain head #${p.seq} ${shortHash(p.hash)}…).\n` +
      'The database was changed outside ssj, or is damaged. Do not publish from it; restore the latest backup that verifies (made with ssj backup) and find out who changed it, and when.',
  },

  // ------------------------------------------------------------ verify: the chain
  'audit.chain.missing': {
    zh: '审计日志第 {seq} 条缺失（序号从 {next} 继续）：有记录被删除，此后的链条不再可信。',
    en: 'Audit log entry #{seq} is missing (the log continues at #{next}): an entry was deleted, and the chain after it cannot be trusted.',
  },
  'audit.chain.badSeq': {
    zh: '审计日志第 {position} 条的序号是 {seq}：记录顺序被改动。',
    en: 'Audit log entry number {position} carries seq {seq}: the entries were renumbered or reordered.',
  },
  'audit.chain.prevHash': {
    zh: '审计日志第 {seq} 条记录的“上一条哈希”与第 {previous} 条不符：其前的记录被删除、替换或调换了顺序。',
    en: 'Audit log entry #{seq} does not link to entry #{previous} (prev_hash differs): an entry before it was deleted, replaced or moved.',
  },
  'audit.chain.edited': {
    zh: '审计日志第 {seq} 条（{action}，{at}）的内容已被改动：重新计算的哈希与记录的不符。',
    en: 'Audit log entry #{seq} ({action}, {at}) was edited: its content no longer hashes to its recorded hash.',
  },
  'audit.head.bad': {
    zh: '--head "{value}" 不是链头哈希：请照公告上的写法给出，如 "42:9f3c…"（序号:哈希，哈希至少 16 位十六进制）。',
    en: '--head "{value}" is not a chain head: give it as printed in the announcement, e.g. "42:9f3c…" (seq:hash, at least 16 hex digits).',
  },
  'audit.head.missing': {
    zh: '已公布的链头 {head} 不在本数据库的审计日志中：日志在公布之后被整体改写过。',
    en: 'The published chain head {head} is not in this database’s audit log: the log was rewritten after it was published.',
  },

  // ------------------------------------------------------------ verify: draws
  'audit.draw.unlogged': {
    zh: '抽取 #{draw}（计划 {plan}）在审计日志中没有记录：它是绕过 ssj 直接写入的。',
    en: 'Draw #{draw} (plan {plan}) has no audit log entry: it was written without ssj.',
  },
  'audit.draw.fieldChanged': {
    zh: '抽取 #{draw}（计划 {plan}）的 {field} 已被改动：现存“{stored}”，审计日志第 {seq} 条记录为“{logged}”。',
    en: 'Draw #{draw} (plan {plan}): {field} was changed: stored "{stored}", audit log entry #{seq} recorded "{logged}".',
  },
  'audit.draw.inputChanged': {
    zh: '抽取 #{draw}（计划 {plan}）存档的输入文件 {file} 已被改动：其哈希与审计日志第 {seq} 条记录的不符。',
    en: 'Draw #{draw} (plan {plan}): its stored input file {file} was changed: it no longer hashes to the value in audit log entry #{seq}.',
  },
  'audit.draw.voidUnlogged': {
    zh: '抽取 #{draw}（计划 {plan}）被标为作废，但审计日志中没有重抽记录：作废状态是直接改的。',
    en: 'Draw #{draw} (plan {plan}) is marked void, but no redraw in the audit log voided it: its status was edited directly.',
  },
  'audit.draw.voidReverted': {
    zh: '抽取 #{draw}（计划 {plan}）已由审计日志第 {seq} 条的重抽作废，但现在又被标为有效。',
    en: 'Draw #{draw} (plan {plan}) was voided by the redraw in audit log entry #{seq}, but is now marked active again.',
  },
  'audit.draw.noReplay': {
    zh: '抽取 #{draw}（计划 {plan}）无法由其存档、种子和事件重新推导：{reason}',
    en: 'Draw #{draw} (plan {plan}) no longer re-derives from its snapshot, seed and events: {reason}',
  },
  'audit.draw.eventOutcome': {
    zh: '抽取 #{draw}（计划 {plan}）第 {event} 号事件记录的 {field} 为“{recorded}”，按协议重算应为“{computed}”。',
    en: 'Draw #{draw} (plan {plan}) event {event} records {field} "{recorded}", but the protocol gives "{computed}".',
  },
  'audit.draw.stateChanged': {
    zh: (p) =>
      `抽取 #${p.draw}（计划 ${p.plan}）存储的${PART_ZH[String(p.part)] ?? p.part}与重新推导的不符：${p.key}${fieldZh(p)} 现存“${p.stored}”，应为“${p.derived}”。`,
    en: (p) =>
      `Draw #${p.draw} (plan ${p.plan}): the stored ${PART_EN[String(p.part)] ?? p.part} no longer matches the re-derived draw: ${p.key}${fieldEn(p)} is "${p.stored}", should be "${p.derived}".`,
  },
  'audit.draw.resultHash': {
    zh: '抽取 #{draw}（计划 {plan}）存储的结果（名单、检查组、事项）与审计日志第 {seq} 条（{action}）记录的哈希不符：结果被直接改过。',
    en: 'Draw #{draw} (plan {plan}): the stored result (selection, teams, items) does not hash to what audit log entry #{seq} ({action}) recorded: it was edited directly.',
  },

  // ------------------------------------------------------------ verify: events
  'audit.event.unlogged': {
    zh: '抽取 #{draw}（计划 {plan}）的第 {event} 号事件（企业 {uscc}）在审计日志中没有记录：它是直接写入的。',
    en: 'Draw #{draw} (plan {plan}) event {event} (enterprise {uscc}) has no audit log entry: it was written without ssj.',
  },
  'audit.event.changed': {
    zh: '抽取 #{draw}（计划 {plan}）的第 {event} 号事件（企业 {uscc}）与审计日志第 {seq} 条记录的不同：事件被直接改过。',
    en: 'Draw #{draw} (plan {plan}) event {event} (enterprise {uscc}) differs from what audit log entry #{seq} recorded: it was edited directly.',
  },
  'audit.event.deleted': {
    zh: '抽取 #{draw}（计划 {plan}）的第 {event} 号事件已由审计日志第 {seq} 条记录，但现已不在数据库中：它被删除了。',
    en: 'Draw #{draw} (plan {plan}) event {event}, recorded by audit log entry #{seq}, is no longer in the database: it was deleted.',
  },

  // ------------------------------------------------------------ verify: results, corrections, objections
  'audit.row.unlogged': {
    zh: (p) => `${kindZh(p)} #${p.id}（${p.what}）在审计日志中没有记录：它是绕过 ssj 直接写入的。`,
    en: (p) => `${kindEn(p)} #${p.id} (${p.what}) has no audit log entry: it was written without ssj.`,
  },
  'audit.row.changed': {
    zh: (p) =>
      `${kindZh(p)} #${p.id}（${p.what}）的 ${p.field} 已被改动：现存“${p.stored}”，审计日志第 ${p.seq} 条记录为“${p.logged}”。`,
    en: (p) =>
      `${kindEn(p)} #${p.id} (${p.what}) was changed: ${p.field} is "${p.stored}", audit log entry #${p.seq} recorded "${p.logged}".`,
  },
  'audit.row.deleted': {
    zh: (p) => `${kindZh(p)} #${p.id}（${p.what}）已由审计日志第 ${p.seq} 条记录，但现已不在数据库中：它被删除了。`,
    en: (p) =>
      `${kindEn(p)} #${p.id} (${p.what}), recorded by audit log entry #${p.seq}, is no longer in the database: it was deleted.`,
  },

  // ------------------------------------------------------------ verify: plans and freezes
  'audit.plan.unlogged': {
    zh: '计划 {plan} 在审计日志中没有记录：它是绕过 ssj 直接写入的。',
    en: 'Plan {plan} has no audit log entry: it was written without ssj.',
  },
  'audit.plan.changed': {
    zh: '计划 {plan} 的内容与审计日志第 {seq} 条记录的不同：计划被直接改过。',
    en: 'Plan {plan} differs from what audit log entry #{seq} recorded: it was edited directly.',
  },
  'audit.plan.status': {
    zh: '计划 {plan} 的状态现为“{stored}”，但按审计日志（第 {seq} 条）应为“{logged}”：状态被直接改过。',
    en: 'Plan {plan} has status "{stored}", but the audit log (entry #{seq}) says it is "{logged}": the status was edited directly.',
  },
  'audit.freeze.unlogged': {
    zh: '计划 {plan} 的冻结在审计日志中没有记录：它是直接写入的。',
    en: 'The freeze of plan {plan} has no audit log entry: it was written without ssj.',
  },
  'audit.freeze.changed': {
    zh: '计划 {plan} 冻结时存档的 {what} 与审计日志第 {seq} 条（即预告所公布的）不符：冻结存档被改过。',
    en: 'The freeze of plan {plan}: {what} no longer matches audit log entry #{seq} (what the pre-announcement published): it was edited.',
  },

  // ------------------------------------------------------------ audit log
  'audit.log.empty': {
    zh: '审计日志为空：还没有任何写入操作。',
    en: 'The audit log is empty: nothing has been written yet.',
  },
  'audit.badLimit': {
    zh: '--limit 应为正整数，收到 "{value}"。',
    en: '--limit must be a positive whole number; got "{value}".',
  },

  // ------------------------------------------------------------ backup
  'backup.exists': {
    zh: '文件 {file} 已存在，未覆盖。请换一个文件名，或确认要覆盖时加 --force。',
    en: 'The file {file} already exists and was not overwritten. Choose another name, or pass --force to replace it.',
  },
  'backup.sameFile': {
    zh: '备份文件 {file} 就是正在使用的数据库本身。请指定另一个文件。',
    en: 'The backup file {file} is the database itself. Give another file name.',
  },
  'backup.done': {
    zh: '已备份到 {file}（{size}），链头 #{seq} {hash}。\n可用 ssj --db {file} audit verify 校验该备份。',
    en: 'Backed up to {file} ({size}), chain head #{seq} {hash}.\nCheck the copy with: ssj --db {file} audit verify',
  },
  'backup.failed': {
    zh: '备份到 {file} 失败：{reason}。请检查目标目录是否存在、可写、空间是否足够，然后重试。',
    en: 'The backup to {file} failed: {reason}. Check that the folder exists, is writable and has space, then try again.',
  },
};
