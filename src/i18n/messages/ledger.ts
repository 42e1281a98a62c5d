import type { Catalog } from '../types.js';

/** Races between ssj processes (src/db/tx.ts). */
export const ledger: Catalog = {
  // ------------------------------------------------------------ audit verify: tables bound by digest
  'audit.table.changed': {
    zh: '表 {table} 与审计日志第 {seq} 条（{action}，{at}）记录的摘要不符：该条记录之后，有人绕过 ssj 增加、删除或修改了其中的行。',
    en: 'Table {table} no longer matches the digest recorded by audit log entry #{seq} ({action}, {at}): rows were added, deleted or changed without ssj after it.',
  },
  'audit.table.unlogged': {
    zh: '表 {table} 中有数据，但审计日志中没有任何一条记录写过它：这些行是绕过 ssj 写入的。',
    en: 'Table {table} holds rows, but no audit log entry ever wrote to it: they were written without ssj.',
  },
  'audit.bound.fromUpgrade': {
    zh: '各数据表自审计日志第 {from} 条（升级时追加）起以摘要绑定；此前的记录没有表摘要，仍然有效，但此前对表的改动无法由日志证明。',
    en: 'Tables are bound to the log by digest from entry #{from} (appended by the upgrade); earlier entries carry no table digests and stay valid, but changes to the tables before it cannot be proven from the log.',
  },
  'audit.bound.none': {
    zh: '审计日志中还没有表摘要（数据库尚未升级）：{tables} 未被绑定。用可写方式打开一次（如运行 ssj audit verify 时不加只读）即可升级并绑定。',
    en: 'No audit entry records table digests yet (the database has not been upgraded): {tables} are not bound. Opening it once for writing upgrades it and binds them.',
  },

  'db.raced': {
    zh: '在本命令计算期间，另一个 ssj 命令修改了计划或数据。本命令未做任何更改，请重新运行。',
    en: 'Another ssj command changed the plan while this one was computing; nothing was changed. Run the command again.',
  },
};
