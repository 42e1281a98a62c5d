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
      `“${p.shown}”第 ${p.at} 个字符是控制字符 ${p.char}。${kindZh(p)}不能含控制字符（终端会把它当作命令，屏幕上看不出来）。请在 Excel 中删除该字符（必要时重新输入这个值）后再导入。`,
    en: (p) =>
      `"${p.shown}" has the control character ${p.char} at character ${p.at}. ${capital(kindEn(p))} may not contain control characters (a terminal acts on them; nothing shows on screen). Delete it in Excel (retype the value if unsure) and import again.`,
  },
  'cell.bidi': {
    zh: '“{shown}”第 {at} 个字符是双向文字控制符 {char}，它会让文字显示的顺序与实际内容不同。请删除该字符（必要时重新输入这个值）后再导入。',
    en: '"{shown}" has the bidi control character {char} at character {at}, which makes text display in another order than it is stored. Delete it (retype the value if unsure) and import again.',
  },
  'cell.invisible': {
    zh: (p) =>
      `“${p.shown}”第 ${p.at} 个字符是不可见字符 ${p.char}。${p.kind === 'code' ? '带有它的编码看起来与另一条记录相同，却会被当作另一条记录' : '带有它的名称看起来与另一个名称相同，实际却不同'}。请删除该字符（必要时重新输入这个值）后再导入。`,
    en: (p) =>
      `"${p.shown}" has the invisible character ${p.char} at character ${p.at}. ${p.kind === 'code' ? 'A code with it looks like another record but would be a second one' : 'A name with it looks the same as another name but is not'}. Delete it (retype the value if unsure) and import again.`,
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
    zh: '{file} 第 {line} 行含有 NUL 字节，不是文本文件，已在读到该处时停止。请在 Excel 中另存为 CSV（逗号分隔）后再导入。',
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
