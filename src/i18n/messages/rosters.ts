import type { Catalog, Params } from '../types.js';

const ROSTER_ZH: Record<string, string> = {
  enterprises: '检查对象名录库（enterprises）',
  inspectors: '执法检查人员名录库（inspectors）',
  items: '随机抽查事项清单（items）',
  conflicts: '利害关系回避表（conflicts）',
  history: '检查记录（history）',
};
const rz = (p: Params) => ROSTER_ZH[String(p.roster)] ?? String(p.roster);
const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);

/** Messages of `ssj import`, `ssj list` and `ssj show`: files, encodings, headers, rows, summaries. */
export const rosters: Catalog = {
  // ---------------------------------------------------------------- files and encodings
  'encoding.binary': {
    zh: '{file} 不是文本文件（第 {line} 行含有 NUL 字节）。请在 Excel 中将名录另存为 CSV（逗号分隔）后再导入。',
    en: '{file} is not a text file (NUL bytes on line {line}). Save the roster from Excel as CSV (comma delimited) and import that.',
  },
  'encoding.xlsx': {
    zh: '{file} 是 Excel 工作簿（.xlsx），不是 CSV。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8（逗号分隔）”，再导入生成的 .csv 文件。',
    en: '{file} is an Excel workbook (.xlsx), not CSV. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)" and import the .csv file.',
  },
  'encoding.xls': {
    zh: '{file} 是旧版 Excel 工作簿（.xls），不是 CSV。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入。',
    en: '{file} is an old Excel workbook (.xls), not CSV. Save it from Excel as "CSV UTF-8 (Comma delimited)" and import that.',
  },
  'encoding.utf16': {
    zh: '{file} 是 UTF-16 文本（Excel 的“Unicode 文本”），不是 CSV。请另存为“CSV UTF-8（逗号分隔）”后再导入。',
    en: '{file} is UTF-16 text (Excel\'s "Unicode Text"), not CSV. Save it as "CSV UTF-8 (Comma delimited)" and import that.',
  },
  'encoding.notUtf8': {
    zh: '{file} 不是有效的 UTF-8 文本（第 {line} 行起），但指定了 --encoding utf-8。它很可能是 GBK/GB18030 编码（中文版 Excel 保存 CSV 的默认编码）。请去掉 --encoding 让 ssj 自动识别，或使用 --encoding gb18030。',
    en: '{file} is not valid UTF-8 (from line {line}) but --encoding utf-8 was given. It is probably GBK/GB18030, which Chinese Excel writes for CSV. Run again without --encoding to detect it, or with --encoding gb18030.',
  },
  'encoding.bomButInvalid': {
    zh: '{file} 以 UTF-8 标记（BOM）开头，但第 {line} 行有无效的 UTF-8 字节：文件已损坏或混用了编码。请在 Excel 中重新另存为“CSV UTF-8（逗号分隔）”。',
    en: '{file} starts with a UTF-8 byte-order mark but has invalid UTF-8 on line {line}: the file is damaged or mixes encodings. Save it again from Excel as "CSV UTF-8 (Comma delimited)".',
  },
  'encoding.undecodable': {
    zh: '{file} 无法按 {encoding} 解码。请检查编码：试试 --encoding utf-8，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”。',
    en: '{file} cannot be decoded as {encoding}. Check the encoding: try --encoding utf-8, or save from Excel as "CSV UTF-8 (Comma delimited)".',
  },
  'encoding.looksUtf8': {
    zh: '{file} 看起来是 UTF-8 编码，但指定了 --encoding {encoding}，中文可能变成乱码。如果导入后名称不对，请去掉 --encoding 重新导入。',
    en: '{file} looks like UTF-8 but --encoding {encoding} was given, so Chinese text may come out garbled. If names look wrong, import again without --encoding.',
  },
  'encoding.badOption': {
    zh: '--encoding 只能是 utf-8、gb18030 或 gbk（收到 "{value}"）。不指定时自动识别。',
    en: '--encoding must be utf-8, gb18030 or gbk (got "{value}"). Leave it out to detect the encoding.',
  },
  'csv.unclosedQuote': {
    zh: '{file} 第 {line} 行：双引号开始的值没有结束。请补上结尾的双引号；如果引号是文字的一部分，请写成两个（""）。',
    en: '{file} line {line}: a value opened with a double quote is never closed. Add the closing quote, or double the quote ("") if it is part of the text.',
  },
  'csv.afterQuote': {
    zh: '{file} 第 {line} 行：结尾双引号后面还有文字。带引号的值中的双引号要写成两个（""）。',
    en: '{file} line {line}: text follows a closing double quote. A double quote inside a quoted value must be written twice ("").',
  },

  // ---------------------------------------------------------------- headers
  'roster.unknownRoster': {
    zh: '未知的名录 "{value}"。可用：enterprises（检查对象）、inspectors（执法人员）、items（抽查事项）、conflicts（回避）、history（检查记录）。',
    en: 'Unknown roster "{value}". Use enterprises, inspectors, items, conflicts or history.',
  },
  'roster.emptyFile': {
    zh: '{file} 是空文件。请重新导出名录，包含表头行和数据行。',
    en: '{file} is empty. Export the roster again, with a header row and data rows.',
  },
  'roster.noRows': {
    zh: '{file} 只有表头，没有数据行。请确认导出的是完整名录（正确的工作表、没有筛选）。',
    en: '{file} has a header row but no data rows. Check that you exported the whole roster (the right sheet, no filter).',
  },
  'roster.missingColumns': {
    zh: (p) =>
      `${p.file}：缺少${rz(p)}的必填列 ${p.fields}。表头中有：${p.headers}。请改正列名，或用 --map 指定对应关系，例如 --map '${p.column || '列名'}=${p.field}'。`,
    en: (p) =>
      `${p.file}: no column for ${p.fields}, required for ${p.roster}. The header row has: ${p.headers}. Rename the column, or map it, e.g. --map '${p.column || 'CSV header'}=${p.field}'.`,
  },
  'roster.wrongRoster': {
    zh: (p) =>
      `${p.file} 看起来是${ROSTER_ZH[String(p.actual)]}，不是${rz(p)}。要导入它，请运行：ssj import ${p.actual} ${p.file}`,
    en: (p) =>
      `${p.file} looks like the ${p.actual} roster (${p.actualZh}), not ${p.roster}. To import it, run: ssj import ${p.actual} ${p.file}`,
  },
  'roster.duplicateColumn': {
    zh: '{file}：列 {columns} 都对应字段 {field}。请删除其中一列，或用 --map 指定哪一列是它。',
    en: '{file}: the columns {columns} all mean {field}. Delete one, or say which one it is with --map.',
  },
  'roster.unknownColumns': {
    zh: "{file}：以下列不属于该名录，已忽略：{columns}。如果其中有需要的字段，请用 --map '列名=字段' 指定。",
    en: "{file}: ignoring columns that are not roster fields: {columns}. If one holds a known field, map it with --map 'header=field'.",
  },
  'roster.mapSyntax': {
    zh: '--map 的格式是 \'CSV列名=字段,…\'，无法识别 "{part}"。',
    en: '--map takes \'CSV header=field,…\' pairs; could not read "{part}".',
  },
  'roster.mapUnknownField': {
    zh: '--map：{roster} 没有字段 "{field}"。可用字段：{fields}',
    en: '--map: {roster} has no field "{field}". Fields: {fields}',
  },
  'roster.mapHeaderMissing': {
    zh: '{file}：--map 中的列 "{header}" 在文件中不存在。',
    en: '{file}: the --map column "{header}" is not in the file.',
  },
  'roster.errorsSameFile': {
    zh: '--errors 不能与导入文件相同（{path}），否则会覆盖名录。请换一个文件名，例如 errors.csv。',
    en: '--errors must not be the file being imported ({path}); it would overwrite the roster. Use another name, e.g. errors.csv.',
  },

  // ---------------------------------------------------------------- rows
  'roster.invalidRows': {
    zh: (p) =>
      `${p.file}：${p.rows} 行有错误${p.count === p.rows ? '' : `（共 ${p.count} 处）`}，未导入任何数据。请改正后重新导入（已检查全部行，改正列出的问题即可）。`,
    en: (p) =>
      `${p.file}: ${p.rows} ${plural(p.rows, 'row has', 'rows have')} problems${p.count === p.rows ? '' : ` (${p.count} in all)`}; nothing was imported. Fix ${plural(p.count, 'it', 'them')} and import again (every row was checked, so the list is complete).`,
  },
  'roster.errorLine': {
    zh: (p) => `  第 ${p.line} 行${p.field ? `，${p.field}` : ''}：${p.reason}`,
    en: (p) => `  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.reason}`,
  },
  'roster.moreErrors': {
    zh: '  ……另有 {count} 处错误。用 --errors errors.csv 把全部错误写入文件（可用 Excel 打开）。',
    en: '  … and {count} more. Write them all to a file with --errors errors.csv (opens in Excel).',
  },
  'roster.errorsWritten': {
    zh: '全部 {count} 处错误已写入 {path}（CSV，可用 Excel 打开）。',
    en: 'All {count} problems were written to {path} (CSV, opens in Excel).',
  },
  'roster.row.required': { zh: '{field} 为空，请填写。', en: '{field} is empty; fill it in.' },
  'roster.row.fewerFields': {
    zh: '该行只有 {found} 个值，表头有 {expected} 列：含逗号或换行的值必须用双引号括起来。',
    en: 'the row has {found} values but the header has {expected} columns: a value containing a comma or line break must be in double quotes.',
  },
  'roster.row.moreFields': {
    zh: '该行有 {found} 个值，表头只有 {expected} 列：含逗号的值必须用双引号括起来。',
    en: 'the row has {found} values but the header has only {expected} columns: a value containing a comma must be in double quotes.',
  },
  'roster.row.usccLength': {
    zh: '“{value}”有 {length} 个字符，统一社会信用代码应为 18 位。请对照营业执照重新填写。',
    en: '"{value}" has {length} characters; a unified social credit code has 18. Copy it again from the business licence.',
  },
  'roster.row.usccCharset': {
    zh: '“{value}”含有“{char}”，统一社会信用代码不使用该字符（不含 I、O、S、V、Z）。请检查是否输错。',
    en: '"{value}" contains "{char}", which a unified social credit code never uses (no I, O, S, V, Z). Check for a typo.',
  },
  'roster.row.usccCheck': {
    zh: '“{value}”的校验位应为“{expected}”（GB 32100-2015）：18 位中有字符输错。请对照营业执照核对。',
    en: 'the check character of "{value}" should be "{expected}" (GB 32100-2015): one of the 18 characters is mistyped. Compare with the business licence.',
  },
  'roster.row.idFormat': {
    zh: '“{value}”不是 18 位公民身份号码（17 位数字加 1 位数字或 X）。',
    en: '"{value}" is not an 18-character ID number (17 digits, then a digit or X).',
  },
  'roster.row.idBirthDate': {
    zh: '“{value}”中的出生日期 {date} 不存在或晚于今天。请核对第 7–14 位。',
    en: '"{value}" has an impossible birth date ({date}). Check digits 7–14.',
  },
  'roster.row.idCheck': {
    zh: '“{value}”的校验码应为“{expected}”（GB 11643-1999）：有数字输错。请对照身份证核对。',
    en: 'the check digit of "{value}" should be "{expected}" (GB 11643-1999): a digit is mistyped. Compare with the ID card.',
  },
  'roster.row.excelNumber': {
    zh: '“{value}”是被 Excel 转成科学计数法的数字，后面的位数已经丢失。请在 Excel 中把该列设为“文本”格式，重新填写后再导出。',
    en: '"{value}" is a number Excel rounded to scientific notation; the digits are lost. Format the column as Text in Excel, re-enter the codes and export again.',
  },
  'roster.row.badValue': {
    zh: '“{value}”不是允许的值。可用：{allowed}。',
    en: '"{value}" is not allowed here; use one of: {allowed}.',
  },
  'roster.row.pipe': {
    zh: '“{value}”含有“|”，编码类字段不允许使用该字符（它在抽签凭证中用作分隔符）。请删除。',
    en: '"{value}" contains "|", which a key may not contain (it separates the parts of a draw ticket). Remove it.',
  },
  'roster.row.duplicate': {
    zh: '“{value}”与第 {first} 行重复。同一名录中每个编码只能出现一次，请保留其中一行。',
    en: '"{value}" is also on line {first}. Each key may appear once in a file: keep one of the two rows.',
  },
  'roster.row.badDate': {
    zh: '“{value}”不是有效日期，请写成 YYYY-MM-DD（例如 2024-03-05）。',
    en: '"{value}" is not a valid date; write it as YYYY-MM-DD (e.g. 2024-03-05).',
  },
  'roster.row.starMixed': {
    zh: '“{value}”：“*”表示全部行业，不能与具体行业混写。请只写 *，或只写行业名称。',
    en: '"{value}": "*" means every industry and cannot be combined with named ones. Write either * or the industries.',
  },

  // ---------------------------------------------------------------- warnings after a good import
  'roster.conflictUnknownInspector': {
    zh: '{file}：{count} 行的执法证号不在执法人员名录中（例如第 {line} 行的 {value}）。已照常导入；请核对证号，或先导入执法人员名录。',
    en: '{file}: {count} rows name a 执法证号 that is not in the inspector roster (e.g. line {line}: {value}). They were imported; check the numbers, or import the inspectors first.',
  },
  'roster.conflictUnknownEnterprise': {
    zh: '{file}：{count} 行的统一社会信用代码不在检查对象名录中（例如第 {line} 行的 {value}）。已照常导入；请核对代码。',
    en: '{file}: {count} rows name an enterprise that is not in the enterprise roster (e.g. line {line}: {value}). They were imported; check the codes.',
  },
  'roster.specialtyNoIndustry': {
    zh: '{file}：业务专长 {values} 与检查对象名录中的任何行业类别都不相同。抽取专业人员时按行业名称精确匹配，请改用名录中的名称：{industries}。',
    en: "{file}: the specialties {values} equal no industry in the enterprise roster. Specialists are matched by the exact industry name; use the roster's names: {industries}.",
  },
  'roster.industryNoSpecialist': {
    zh: '{file}：行业 {values} 没有具备该业务专长的执法人员，抽到这些行业的企业时将无法配备专业人员。请在执法人员名录中补充业务专长。',
    en: '{file}: no inspector has the specialty {values}; a draw that selects an enterprise of that industry cannot seat a specialist. Add the specialty in the inspector roster.',
  },

  // ---------------------------------------------------------------- summary and progress
  'roster.summary': {
    zh: (p) =>
      `${p.dryRun ? '【试运行，未写入】' : ''}${rz(p)}：从 ${p.file}（${p.encoding}）读取 ${p.rows} 行：新增 ${p.inserted}，更新 ${p.updated}，未变 ${p.unchanged}${p.replace ? `，停用 ${p.deactivated}` : ''}。`,
    en: (p) =>
      `${p.dryRun ? '[dry run, nothing written] ' : ''}${p.roster}: ${p.rows} rows from ${p.file} (${p.encoding}): ${p.inserted} inserted, ${p.updated} updated, ${p.unchanged} unchanged${p.replace ? `, ${p.deactivated} deactivated` : ''}.`,
  },
  'roster.progress.reading': { zh: '正在导入', en: 'Importing' },
  'roster.progress.checking': { zh: '正在检查重复编码…', en: 'checking for duplicate keys…' },
  'roster.progress.writing': { zh: '正在写入数据库…', en: 'writing to the database…' },

  // ---------------------------------------------------------------- list and show
  'roster.whereSyntax': {
    zh: '--where 的格式是 字段=值（精确）或 字段~文字（包含），多个值用逗号分隔；无法识别 "{value}"。',
    en: '--where takes field=value (exact) or field~text (contains), several values separated by commas; could not read "{value}".',
  },
  'roster.whereField': {
    zh: '--where：{roster} 没有字段 "{field}"。可用字段：{fields}',
    en: '--where: {roster} has no field "{field}". Fields: {fields}',
  },
  'roster.badLimit': {
    zh: '--limit 需要一个不小于 0 的整数（0 表示全部），收到 "{value}"。',
    en: '--limit needs a whole number ≥ 0 (0 = all); got "{value}".',
  },
  'roster.badYear': {
    zh: '--year 需要四位年份，例如 2024；收到 "{value}"。',
    en: '--year needs a four-digit year such as 2024; got "{value}".',
  },
  'roster.listTruncated': {
    zh: '共 {total} 条，显示前 {shown} 条；--limit 0 显示全部。',
    en: 'Showing {shown} of {total}; --limit 0 shows all.',
  },
  'roster.listEmpty': { zh: '没有符合条件的记录。', en: 'Nothing matches.' },
  'roster.enterpriseNotFound': {
    zh: '检查对象名录中没有统一社会信用代码为 {uscc} 的单位。请核对代码，或按名称查找：ssj list enterprises --where name~名称',
    en: 'No enterprise with the code {uscc} in the roster. Check the code, or search by name: ssj list enterprises --where name~text',
  },
  'roster.show.inactive': {
    zh: '（已停用：最近一次 --replace 导入的名录中没有该单位）',
    en: '(inactive: not in the last roster imported with --replace)',
  },
  'roster.show.checks': {
    zh: '{year} 年检查次数：{total}（名录检查记录 {history}，本系统抽中 {drawn}）。年度上限由各抽查计划规定（cap.perYear）。',
    en: 'Checks in {year}: {total} ({history} from the imported history, {drawn} drawn here). The yearly cap is set by each plan (cap.perYear).',
  },
  'roster.show.noChecks': { zh: '{year} 年没有检查记录。', en: 'No checks in {year}.' },
  'roster.show.conflicts': { zh: '申报的利害关系（回避）：', en: 'Declared conflicts of interest (recusal):' },
  'roster.show.noConflicts': { zh: '没有申报的利害关系。', en: 'No declared conflicts of interest.' },
  'roster.show.imported': {
    zh: '导入：{file}，{at}，操作人 {operator}',
    en: 'Imported from {file} at {at} by {operator}',
  },
};
