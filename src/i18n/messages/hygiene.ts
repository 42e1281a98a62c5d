import type { Catalog, Params } from '../types.js';

/**
 * Input hygiene (issue 13 part 6, src/domain/text-hygiene.ts) and input files that are not plain files (FIFOs,
 * standard input, oversized cells). A cell message is shown after "file line N field:" by the caller; `shown` is
 * the value with every invisible character written as ⟨U+XXXX⟩.
 */
const kindZh = (p: Params) => (p.kind === 'code' ? '编码类字段' : p.kind === 'text' ? '文字字段' : '名称类字段');
const kindEn = (p: Params) => (p.kind === 'code' ? 'a code' : p.kind === 'text' ? 'a text field' : 'a name');

export const hygiene: Catalog = {
  'cell.control': {
    zh: (p) =>
      `“${p.shown}”第 ${p.at} 个字符是控制字符 ${p.char}。${kindZh(p)}不能含控制字符（终端会把它当作命令，屏幕上看不出来）。请在 Excel 中删除该字符（必要时重新输入这个值）后重新运行。`,
    en: (p) =>
      `"${p.shown}" has the control character ${p.char} at character ${p.at}. ${capital(kindEn(p))} may not contain control characters (a terminal acts on them; nothing shows on screen). Delete it in Excel (retype the value if unsure) and run the command again.`,
  },
  'cell.bidi': {
    zh: '“{shown}”第 {at} 个字符是双向文字控制符 {char}，它会让文字显示的顺序与实际内容不同。请删除该字符（必要时重新输入这个值）后重新运行。',
    en: '"{shown}" has the bidi control character {char} at character {at}, which makes text display in another order than it is stored. Delete it (retype the value if unsure) and run the command again.',
  },
  'cell.invisible': {
    zh: (p) =>
      `“${p.shown}”第 ${p.at} 个字符是不可见字符 ${p.char}。${p.kind === 'code' ? '带有它的编码看起来与另一条记录相同，却会被当作另一条记录' : '带有它的名称看起来与另一个名称相同，实际却不同'}。请删除该字符（必要时重新输入这个值）后重新运行。`,
    en: (p) =>
      `"${p.shown}" has the invisible character ${p.char} at character ${p.at}. ${p.kind === 'code' ? 'A code with it looks like another record but would be a second one' : 'A name with it looks the same as another name but is not'}. Delete it (retype the value if unsure) and run the command again.`,
  },
  'cell.tooLong': {
    zh: (p) =>
      `该值有 ${p.length} 个字符，${kindZh(p)}最多 ${p.limit} 个（开头：“${p.shown}”）。请检查这个单元格；CSV 中缺少结尾双引号也会把后面的多个单元格并成一个。`,
    en: (p) =>
      `the value is ${p.length} characters long; ${kindEn(p)} may have at most ${p.limit} (it begins "${p.shown}"). Check the cell: in a CSV a missing closing quote also merges the cells after it into one.`,
  },
  'cell.formulaStart': {
    zh: '“{shown}”以“{char}”开头，电子表格会把它当作公式执行（可被用来运行命令）。如果这个值确实如此，请加 --allow-formula-start 重新导入；否则请删除开头的“{char}”。',
    en: '"{shown}" begins with "{char}", which a spreadsheet runs as a formula (it can be used to run commands). If the value really is meant so, import again with --allow-formula-start; otherwise remove the leading "{char}".',
  },
  'csv.cellTooLarge': {
    zh: (p) =>
      `${p.file} 第 ${p.line} 行${p.field ? `“${p.field}”列` : `第 ${p.column} 列`}：单元格超过 ${p.limit} 个字符，没有任何字段会这么长。通常是某个双引号开始的值没有结束（其后的内容都被并进了这个单元格）；请补上结尾的双引号，或把引号写成两个（""）。`,
    en: (p) =>
      `${p.file} line ${p.line}, ${p.field ? `column "${p.field}"` : `column ${p.column}`}: a cell longer than ${p.limit} characters, which no field can be. Usually a value opened with a double quote is never closed (everything after it ran into this cell): add the closing quote, or double the quote ("") if it is part of the text.`,
  },
  'input.nulByte': {
    zh: '{file} 第 {line} 行含有 NUL 字节，不是文本文件，已在读到该处时停止。请在 Excel 中另存为 CSV（逗号分隔）后重新运行。',
    en: '{file} has a NUL byte on line {line}: it is not a text file, and reading stopped there. Save it from Excel as CSV (comma delimited) and import that.',
  },
  'input.stdinName': { zh: '标准输入', en: 'standard input' },
  'input.tooLarge': {
    zh: '{file} 超过 {limit} 字节，已停止读取。名录、结果和日历文件不会这么大；请检查是否给错了文件。',
    en: '{file} is larger than {limit} bytes, so reading stopped. No roster, results or calendar file is that large; check that this is the right file.',
  },
  'input.notRegular': {
    zh: '{file} 不是普通文件、管道或标准输入（{type}），无法作为输入读取。请给出一个文件，或用 - 表示标准输入。',
    en: '{file} is not a file, a pipe or standard input ({type}) and cannot be read as input. Name a file, or - for standard input.',
  },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The database's environment (issue 13 part 7, src/db/faults.ts): each fault its own message and exit code. */
export const dbFaults: Catalog = {
  'db.diskFull': {
    zh: '磁盘已满，无法写入数据库 {path}（{sqlite}）。本次操作已整体撤销，数据库没有任何改变。请腾出磁盘空间（或把数据库移到空间充足的磁盘）后重新运行。',
    en: 'The disk is full: the database {path} could not be written ({sqlite}). The whole operation was undone; the database is unchanged. Free some disk space (or move the database to a disk with room) and run again.',
  },
  'db.readOnly': {
    zh: '数据库 {path} 是只读的（只读介质、只读文件夹或只读文件；{sqlite}），本命令需要写入，因此未做任何更改。只读命令（list、show、audit verify、export 等）仍可使用；要写入，请把数据库（连同旁边的 -wal 文件）复制到可写的磁盘，用 --db 指向副本。',
    en: 'The database {path} is read-only (read-only media, folder or file; {sqlite}) and this command writes, so nothing was changed. Commands that only read (list, show, audit verify, exports) still work; to write, copy the database (with any -wal file beside it) to a writable disk and point --db at the copy.',
  },
  'db.readOnlyNoCopy': {
    zh: '数据库 {path} 在只读介质上；读取它需要在临时文件夹中复制一份，但复制失败（{reason}）。请把数据库复制到可写的磁盘后用 --db 指向副本。',
    en: 'The database {path} is on read-only media; reading it needs a private copy in the temporary folder, and making one failed ({reason}). Copy the database to a writable disk and point --db at the copy.',
  },
  'db.readOnlyOld': {
    zh: '数据库 {path} 在只读介质上，且由较早版本的 ssj 创建，需要先升级结构才能读取，而只读介质上无法升级。请把数据库复制到可写的磁盘后用 --db 指向副本。',
    en: 'The database {path} is on read-only media and was written by an older ssj: it must be upgraded before it can be read, which read-only media does not allow. Copy it to a writable disk and point --db at the copy.',
  },
  'db.damaged': {
    zh: '数据库 {path} 已损坏（{sqlite}），未做任何更改。请用最近的备份（ssj backup 生成的文件）恢复，再用 ssj audit verify 核对。',
    en: 'The database {path} is damaged ({sqlite}); nothing was changed. Restore it from the latest backup (a file written by ssj backup) and check it with ssj audit verify.',
  },
  'db.ioError': {
    zh: '读写数据库 {path} 时磁盘出错（{sqlite}）。本次操作已撤销。请检查磁盘（或 U 盘、网络盘）是否可用，然后重新运行。',
    en: 'A disk error while reading or writing the database {path} ({sqlite}). The operation was undone. Check that the disk (or USB stick, network drive) works, and run again.',
  },
  'db.emptyFile': {
    zh: '{path} 是一个空文件，不是 ssj 数据库；ssj 不会把已有的文件当作新数据库使用。如果它是 ssj 创建数据库时中断留下的，请删除后重新运行；否则请用 --db 指定正确的数据库。',
    en: '{path} is an empty file, not an ssj database, and ssj does not turn an existing file into a new database. If an interrupted ssj run left it, delete it and run again; otherwise point --db at the right database.',
  },
  'db.foreign': {
    zh: '{path} 是另一个程序的 SQLite 数据库（有数据表，但没有 ssj 的结构版本），未做任何修改。请用 --db 指定 ssj 的数据库。',
    en: '{path} is an SQLite database of another program (it has tables but no ssj schema version); it was not modified. Point --db at the ssj database.',
  },
};

const DATE_FIELD_ZH: Record<string, string> = {
  check: '检查日期',
  report: '报告日期',
  feedback: '反馈日期',
  opinion: '意见日期',
  card: '反馈卡日期',
  approved: '签批日期',
  date: '检查日期',
  reportDate: '报告日期',
  feedbackDate: '反馈日期',
};
const DATE_FIELD_EN: Record<string, string> = {
  check: 'check date',
  report: 'report date',
  feedback: 'feedback date',
  opinion: 'opinion date',
  card: 'card date',
  approved: 'approval date',
  date: 'check date',
  reportDate: 'report date',
  feedbackDate: 'feedback date',
};

/** Dates of the work after a draw (issue 13 part 8, src/domain/result-dates.ts). */
export const resultDates: Catalog = {
  'result.dateBeforeDraw': {
    zh: (p) =>
      `${DATE_FIELD_ZH[String(p.field)] ?? p.field} ${p.date} 早于计划 ${p.plan ?? ''} 的抽取日期 ${p.drawn}：企业被抽中之前不会有这次检查的记录。请核对日期（常见为年份输错）后重新输入。`,
    en: (p) =>
      `The ${DATE_FIELD_EN[String(p.field)] ?? p.field} ${p.date} is before plan ${p.plan ?? ''} was drawn (${p.drawn}): nothing of this check can happen before the enterprise was chosen. Check the date (often a mistyped year) and enter it again.`,
  },
  'result.dateAfterToday': {
    zh: (p) =>
      `${DATE_FIELD_ZH[String(p.field)] ?? p.field} ${p.date} 晚于今天（${p.today}），不能登记尚未发生的事。请核对日期后重新输入。`,
    en: (p) =>
      `The ${DATE_FIELD_EN[String(p.field)] ?? p.field} ${p.date} is after today (${p.today}): what has not happened yet cannot be recorded. Check the date and enter it again.`,
  },
  'calendar.yearOutOfRange': {
    zh: '日期 {value} 的年份不在 {from}–{to} 之间，不可能是要导入的节假日安排。请核对年份。',
    en: 'The date {value} is not in the years {from}–{to}: it cannot be part of a holiday arrangement to import. Check the year.',
  },
};

/** `ssj due` and rows with mistyped dates (src/app/due-rows.ts). */
export const dueRows: Catalog = {
  'due.suspect': { zh: '日期疑似有误的记录', en: 'Rows whose date looks wrong' },
  'due.suspectHint': {
    zh: '这些记录的日期晚于今天或年份不合理（常见为年份输错），其期限无法计算，其他期限照常列出。请用 ssj result record / ssj result report / ssj result feedback 重新登记正确的日期（已公开的结果用 ssj result correct）。',
    en: 'These rows have a date after today or in an implausible year (often a mistyped year), so their deadlines cannot be counted; every other deadline is listed as usual. Record the right date again with ssj result record / ssj result report / ssj result feedback (a published result: ssj result correct).',
  },
  'due.suspectWarn': {
    zh: '{count} 个期限来自日期疑似有误的记录（如 {first}），已单独列在最后，其余期限照常计算。',
    en: '{count} deadlines come from rows whose date looks wrong (such as {first}); they are listed apart at the end, and every other deadline is counted as usual.',
  },
};
