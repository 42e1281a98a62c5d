import type { Catalog } from '../types.js';

/** Messages of the office's own files: .xlsx rosters in, .xlsx tables out, Word forms (issue 16). */
export const office: Catalog = {
  // ---------------------------------------------------------------- .xlsx in
  'xlsx.oldXls': {
    zh: '{file} 是旧版 Excel 工作簿（.xls），ssj 不读取这种格式。请在 Excel 或 WPS 中打开它，选择“文件 → 另存为 → Excel 工作簿（*.xlsx）”，再导入生成的 .xlsx 文件。',
    en: '{file} is an old Excel workbook (.xls), which ssj does not read. Open it in Excel or WPS, choose File → Save As → "Excel Workbook (*.xlsx)", and import the .xlsx file.',
  },
  'xlsx.encrypted': {
    zh: '{file} 设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开它，在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清除密码，另存后再导入。',
    en: '{file} is protected with a password (encrypted) and cannot be read. Open it in Excel or WPS, clear the password under File → Info → Protect Workbook → Encrypt with Password, save, and import again.',
  },
  'xlsx.corrupt': {
    zh: '{file} 不是可读取的 Excel 工作簿（文件已损坏或不完整：{reason}）。请重新从系统导出，或在 Excel/WPS 中打开后另存为 .xlsx。',
    en: '{file} is not a readable Excel workbook (damaged or incomplete: {reason}). Export it again, or open it in Excel/WPS and save it as .xlsx.',
  },
  'xlsx.noSheet': {
    zh: '{file} 中没有工作表“{sheet}”。工作表有：{sheets}。请用 --sheet 指定名称或序号（从 1 开始）。',
    en: '{file} has no sheet "{sheet}". Its sheets: {sheets}. Give --sheet a name or a number (from 1).',
  },
  'xlsx.emptySheet': {
    zh: '{file} 的工作表“{sheet}”是空的。有数据的工作表：{others}。请用 --sheet 指定。',
    en: '{file}: the sheet "{sheet}" is empty. Sheets with data: {others}. Choose one with --sheet.',
  },
  'xlsx.emptyWorkbook': {
    zh: '{file} 的所有工作表都是空的。请确认导出的是完整名录。',
    en: '{file}: every sheet of the workbook is empty. Check that you exported the whole roster.',
  },
  'xlsx.otherSheets': {
    zh: '{file}：读取工作表“{sheet}”；工作簿中还有数据的工作表：{others}。如需导入其他工作表，请用 --sheet 指定。',
    en: '{file}: reading the sheet "{sheet}"; other sheets with data: {others}. To import another, use --sheet.',
  },
  'xlsx.sheetNotWorkbook': {
    zh: '--sheet 只用于 Excel 工作簿（.xlsx），{file} 是文本文件（CSV）。请去掉 --sheet。',
    en: '--sheet applies to Excel workbooks (.xlsx); {file} is a text (CSV) file. Leave out --sheet.',
  },
  'xlsx.encodingIgnored': {
    zh: '{file} 是 Excel 工作簿，不需要 --encoding（已忽略）。',
    en: '{file} is an Excel workbook; --encoding does not apply and is ignored.',
  },
  'xlsx.codeAsNumber': {
    zh: '单元格 {cell} 的{field}在 Excel 中存成了数字（{value}）。Excel 只保留 15 位有效数字，代码后几位已经丢失。请把该列设为“文本”格式，重新输入或粘贴正确的代码后再导入。',
    en: 'Cell {cell}: the {field} is stored as a number ({value}). Excel keeps only 15 significant digits, so the end of the code is lost. Format the column as Text, enter or paste the correct codes again, and import.',
  },
  'xlsx.errorCell': {
    zh: '单元格 {cell}（{field}）是 Excel 错误值 {value}，通常是公式出错。请改成实际的值。',
    en: 'Cell {cell} ({field}) holds the Excel error {value}, usually a broken formula. Replace it with the actual value.',
  },

  // ---------------------------------------------------------------- office columns
  'roster.flagsFromNotes': {
    zh: '{file}：列“{columns}”中有 {rows} 行写有 {words}（首次在第 {line} 行），已记入“标记”（flags），用于年度抽查次数上限的豁免（冷水滩 第十五条）。请核对这些企业：ssj list enterprises --where flags={first}',
    en: '{file}: {rows} rows of the column "{columns}" mention {words} (first on line {line}); these words were added to the flags (标记), which the yearly cap exemption reads (冷水滩 art. 15). Check them: ssj list enterprises --where flags={first}',
  },
  'roster.ignoredColumns': {
    zh: (p) =>
      `${p.file}：以下列不属于${p.rosterZh}，已忽略：${p.columns}。如果其中有需要的字段，请用 --map 指定后重新导入，例如：ssj import ${p.roster} ${p.file} --map '${p.first}=字段'（字段：${p.fields}）`,
    en: (p) =>
      `${p.file}: ignoring columns that are not ${p.roster} fields: ${p.columns}. If one holds a field, map it and import again, e.g.: ssj import ${p.roster} ${p.file} --map '${p.first}=field' (fields: ${p.fields})`,
  },

  // ---------------------------------------------------------------- forms
  'forms.written': {
    zh: '已写出 {count} 个文件到 {dir}（{enterprises} 家企业的检查文书，.docx 可用 Word/WPS 打开编辑，.html 可直接打印）。',
    en: 'Wrote {count} files to {dir} (forms for {enterprises} enterprises; .docx opens in Word/WPS, .html prints from a browser).',
  },
  'forms.notSelected': {
    zh: '企业 {uscc} 不在计划 {plan} 的抽中名单中。用 ssj export announcement --plan {plan} 查看抽中的企业。',
    en: 'The enterprise {uscc} was not selected in plan {plan}. See the selected ones with ssj export announcement --plan {plan}.',
  },
  'list.xlsxNeedsOut': {
    zh: '--format xlsx 需要用 --out 指定文件，例如 --out 名录.xlsx。',
    en: '--format xlsx needs a file: add --out, e.g. --out roster.xlsx.',
  },
};
